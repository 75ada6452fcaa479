/**
 * Runs questions against an engine and scores the rankings: a benchmark's corpus built into an empty target (a
 * temporary index folder, or any SearchEngine such as a temporary Solr collection) and ranked by document, or a
 * development query file against an existing index or engine, ranked by passage.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FusionSpec } from '../core/fuse.js';
import { prepareDocument } from '../core/prepare-document.js';
import { textForEmbedding } from '../core/passage-context.js';
import type { PreparedDocument, SearchMode, SearchResult } from '../core/types.js';
import type { Embedder } from '../embed/embedder.js';
import { commitFile } from '../ingest/ingest-files.js';
import { searchEngine } from '../search/search.js';
import { embeddedEngine } from '../store/embedded-engine.js';
import type { EngineReader, SearchEngine } from '../store/engine.js';
import { openIndex, type IndexHandle } from '../store/open-index.js';
import type { Benchmark } from './benchmarks.js';
import { aggregate, type Metrics, type QueryOutcome } from './metrics.js';
import { rankEngineDocuments } from './rank-documents.js';

export type Progress = (done: number, total: number) => void;

/**
 * Where a benchmark's corpus is built and searched: an empty engine, how a prepared document is stored in it (its
 * vectors computed with `embedder` when it has one), and how it is disposed of afterwards.
 */
export interface BenchmarkTarget {
  engine: EngineReader;
  embedder: Embedder | null;
  store(doc: PreparedDocument, source: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens an empty target; `embedder` is null when every mode measured is lexical. */
export type OpenBenchmarkTarget = (embedder: Embedder | null) => Promise<BenchmarkTarget>;

/** The default target: a temporary index folder of the embedded engine, removed at close. */
export const temporaryIndex: OpenBenchmarkTarget = async (embedder) => {
  const dir = mkdtempSync(join(tmpdir(), 'vn-docsearch-eval-'));
  const handle = openIndex(dir, { embedder });
  return {
    engine: embeddedEngine(handle),
    embedder: handle.embedder,
    store: async (doc, source) => void (await commitFile(handle, { doc, fileHash: doc.contentHash }, source)),
    async close() {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * A target over any engine, written through its write verbs only (src/store/engine.ts): a document already stored
 * gets the source linked, a new one is embedded (with `embedder`) and added whole. `dispose` runs at close (e.g. to
 * delete a temporary Solr collection), after the engine is closed.
 */
export function engineTarget(engine: SearchEngine, embedder: Embedder | null, dispose: () => Promise<void> = async () => {}): BenchmarkTarget {
  const stored = new Set<string>();
  return {
    engine,
    embedder,
    async store(doc, source) {
      if (stored.has(doc.id)) return engine.linkSource(source, doc.id, doc.contentHash);
      const values = embedder ? await embedder.embedPassages(doc.passages.map((p) => textForEmbedding(doc.title, p.section, p.text))) : null;
      await engine.addDocument(doc, source, doc.contentHash, embedder && values ? { model: embedder.modelId, values } : null);
      stored.add(doc.id);
    },
    async close() {
      await engine.close();
      await dispose();
    },
  };
}

/**
 * Builds the benchmark's corpus into an empty target once (by default a temporary index folder; with vectors when a
 * mode needs them) and scores its questions in each of `modes`, ranking documents.
 */
export async function evaluateBenchmark(
  bench: Benchmark,
  modes: SearchMode[],
  embedder: Embedder | null,
  progress?: Progress,
  fusion?: FusionSpec,
  open: OpenBenchmarkTarget = temporaryIndex,
): Promise<Record<string, Metrics>> {
  const target = await open(modes.every((m) => m === 'lexical') ? null : embedder);
  const total = bench.corpus.length + modes.length * bench.questions.length;
  try {
    const docOf = new Map<string, string>();
    for (const [i, item] of bench.corpus.entries()) {
      let doc: PreparedDocument | null = null;
      try {
        doc = prepareDocument(item.text, 'txt');
      } catch {
        // An empty text in the benchmark can never be retrieved; its questions count as misses.
      }
      if (doc) {
        await target.store(doc, `bench/${item.id}`);
        docOf.set(item.id, doc.id);
      }
      progress?.(i + 1, total);
    }
    const out: Record<string, Metrics> = {};
    for (const [m, mode] of modes.entries()) {
      const outcomes: QueryOutcome[] = [];
      for (const [i, q] of bench.questions.entries()) {
        const relevant = new Set(q.relevant.map((id) => docOf.get(id)).filter((d): d is string => d !== undefined));
        const ranked = await rankEngineDocuments(target.engine, target.embedder, q.query, mode, 10, fusion);
        outcomes.push({ relevantRanks: ranked.flatMap((id, r) => (relevant.has(id) ? [r + 1] : [])), relevantTotal: Math.max(1, relevant.size) });
        progress?.(bench.corpus.length + m * bench.questions.length + i + 1, total);
      }
      out[mode] = aggregate(outcomes);
    }
    return out;
  } finally {
    await target.close();
  }
}

export interface DevQuery {
  query: string;
  /** Document ids, passage ids, or text a relevant passage must contain. */
  relevant: string[];
  kind?: string;
}

/**
 * Reads a development query file: one JSON object per line (blank and `//` lines skipped); throws naming the file and
 * line (`file:3: not JSON (…)`) on a malformed line, so a wrong file (`--queries /etc/passwd`) is named as such.
 */
export function readDevQueries(file: string): DevQuery[] {
  const queries: DevQuery[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const l = raw.trim();
      if (!l || l.startsWith('//')) return;
      const where = `${file}:${i + 1}`;
      let q: DevQuery | null;
      try {
        q = JSON.parse(l) as DevQuery | null;
      } catch (e) {
        throw new Error(`${where}: not JSON (${(e as Error).message}); a query file holds one {"query", "relevant"} object per line`);
      }
      if (typeof q?.query !== 'string' || !Array.isArray(q.relevant)) throw new Error(`${where}: each line needs "query" and "relevant"`);
      queries.push(q);
    });
  return queries;
}

/** What a relevance judgement reads of a ranked passage. */
export interface JudgedPassage {
  documentId: string;
  /** The file the document was ingested from, if known. */
  source: string | null;
  passageId: string;
  text: string;
}

/**
 * A relevant entry names a document id, a passage id, a piece of passage text, or the file a document was ingested
 * from, as a path ending (`party-web-articles/4a38cf0b577b2a37.md`, as test/eval/party-queries.jsonl writes them).
 */
export const isRelevantPassage = (p: JudgedPassage, relevant: string[]) =>
  relevant.some(
    (x) =>
      x === p.documentId ||
      x === p.passageId ||
      p.text.includes(x) ||
      (p.source !== null && /\.[a-z]{2,4}$/u.test(x) && (p.source === x || p.source.endsWith(`/${x}`))),
  );

const isRelevant = (r: SearchResult, relevant: string[]) =>
  isRelevantPassage({ documentId: r.document.id, source: r.document.source, passageId: r.passage.id, text: r.passage.text }, relevant);

export interface DevReport {
  all: Metrics;
  byKind: Record<string, Metrics>;
  /** How the answer threshold behaves: covered questions that got an answer, uncovered ones that got none. */
  answers: { covered: number; coveredAnswered: number; uncovered: number; uncoveredNull: number };
}

/**
 * Scores development queries against an index: a query is answered at the rank of its first relevant passage.
 * Queries with no relevant text are questions the corpus does not cover: they only test that no answer is given.
 */
export function evaluateQueries(handle: IndexHandle, queries: DevQuery[], mode: SearchMode, fusion?: FusionSpec): Promise<DevReport> {
  return evaluateEngineQueries(embeddedEngine(handle), handle.embedder, queries, mode, fusion);
}

/** evaluateQueries over any engine (src/store/engine.ts); `embedder` computes query vectors (null: lexical only). */
export async function evaluateEngineQueries(engine: EngineReader, embedder: Embedder | null, queries: DevQuery[], mode: SearchMode, fusion?: FusionSpec): Promise<DevReport> {
  const byKind = new Map<string, QueryOutcome[]>();
  const all: QueryOutcome[] = [];
  const answers = { covered: 0, coveredAnswered: 0, uncovered: 0, uncoveredNull: 0 };
  for (const q of queries) {
    const { results, answer } = await searchEngine(engine, embedder, q.query, { k: 10, mode, ...(fusion ? { fusion } : {}) });
    if (q.relevant.length === 0) {
      answers.uncovered++;
      if (answer === null) answers.uncoveredNull++;
      continue;
    }
    answers.covered++;
    if (answer !== null) answers.coveredAnswered++;
    const first = results.findIndex((r) => isRelevant(r, q.relevant));
    const outcome = { relevantRanks: first === -1 ? [] : [first + 1], relevantTotal: 1 };
    all.push(outcome);
    const kind = q.kind ?? 'other';
    byKind.set(kind, [...(byKind.get(kind) ?? []), outcome]);
  }
  return { all: aggregate(all), byKind: Object.fromEntries([...byKind].map(([k, o]) => [k, aggregate(o)])), answers };
}
