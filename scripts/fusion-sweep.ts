/**
 * Fusion sweep: each development query's lexical and dense candidates are read once from an index with vectors
 * (200 deep), then every fusion variant is scored on them through the steps search takes after fusion (the named
 * document first, then near-duplicates and per-document caps). Development data only (test/eval/*.jsonl).
 *
 *   node --import tsx scripts/fusion-sweep.ts --index /tmp/pwa --queries test/eval/party-queries.jsonl [--json out.json]
 *
 * Prints one row per variant: nDCG@10 and recall@10, overall and per query kind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diversify, type Candidate } from '../src/core/diversify.js';
import { formatFusionSpec, fuse, type FusionSpec, type Scored } from '../src/core/fuse.js';
import { queryTerms } from '../src/core/lexical-terms.js';
import { referencePattern } from '../src/core/references.js';
import { openEmbedder } from '../src/embed/open-embedder.js';
import { isRelevantPassage, type DevQuery } from '../src/eval/evaluate.js';
import { aggregate, type QueryOutcome } from '../src/eval/metrics.js';
import { readQuery } from '../src/search/search.js';
import { syllableCounts } from '../src/store/syllable-counts.js';
import { openIndex, type IndexHandle } from '../src/store/open-index.js';

const DEEPEST = 200;
const K = 10;

const { values } = parseArgs({ options: { index: { type: 'string' }, queries: { type: 'string', multiple: true }, json: { type: 'string' } } });
if (!values.index || !values.queries?.length) throw new Error('usage: --index DIR --queries FILE [--queries FILE] [--json OUT]');

type Variant = { name: string; rank: (lex: Scored[], dense: Scored[]) => Scored[]; depth: number };

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const depth of [50, 100, 200]) {
    out.push({ name: `lexical:${depth}`, rank: (l) => l.slice(0, depth), depth });
    out.push({ name: `dense:${depth}`, rank: (_, d) => d.slice(0, depth), depth });
    const specs: FusionSpec[] = [{ method: 'rrf', lexicalWeight: 0.5, k: 60, depth }];
    for (const k of [10, 60]) for (const w of [0.3, 0.4, 0.6, 0.7, 0.8, 0.9]) specs.push({ method: 'weighted-rrf', lexicalWeight: w, k, depth });
    specs.push({ method: 'weighted-rrf', lexicalWeight: 0.5, k: 10, depth });
    for (const method of ['minmax', 'zscore'] as const) for (const w of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) specs.push({ method, lexicalWeight: w, k: 60, depth });
    for (const s of specs) out.push({ name: formatFusionSpec(s), rank: (l, d) => fuse(l, d, s), depth });
  }
  return out;
}

/** As search does: the named document's first passage and the passages citing it come first, in ranked order. */
function namedFirst(handle: IndexHandle, query: string, ranked: Scored[]): { ordered: Scored[]; named: string[] } {
  const pattern = referencePattern(query);
  if (!pattern) return { ordered: ranked, named: [] };
  const named = handle.store.documentsNumbered(pattern.numbers);
  const first = named.flatMap((id) => handle.store.passageKeys(id).slice(0, 1));
  const position = new Map(ranked.map((r, i) => [r.key, i]));
  const byRank = (a: number, b: number) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || a - b;
  const keys = [...new Set([...first, ...handle.store.citingPassages(pattern).sort(byRank)])];
  const set = new Set(keys);
  return { ordered: [...keys.map((key) => ({ key, score: 0 })), ...ranked.filter((r) => !set.has(r.key))], named };
}

const { embedder, message } = await openEmbedder();
console.error(message);
if (!embedder) throw new Error('the sweep needs the model');
const handle = openIndex(values.index, { embedder, access: 'read' });
if (!handle.vectors) throw new Error(`${values.index} has no vectors: ingest it with the model installed`);
const report: Record<string, Record<string, Record<string, { ndcg: number; recall10: number; n: number }>>> = {};
try {
  for (const file of values.queries) {
    const queries = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('//'))
      .map((l) => JSON.parse(l) as DevQuery)
      .filter((q) => q.relevant.length > 0);
    const t0 = performance.now();
    const lists = [];
    // Read each query as search does (Telex/VNI, diacritics restored from the index's own counts) before retrieving.
    const counts = syllableCounts(handle.lexical);
    for (const q of queries) {
      const { query } = readQuery(q.query, { counts });
      const lex = handle.lexical.search(queryTerms(query), DEEPEST, null);
      const [vector] = await embedder.embedQueries([query]);
      const dense = handle.vectors.search(vector!, DEEPEST, null).map((n) => ({ key: n.key, score: n.similarity }));
      lists.push({ q, query, lex, dense });
    }
    console.error(`${file}: ${queries.length} queries retrieved in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const sources = new Map<string, string | null>();
    const sourceOf = (id: string) => {
      if (!sources.has(id)) sources.set(id, handle.store.documentSummaries([id]).get(id)?.source ?? null);
      return sources.get(id) ?? null;
    };
    const perFile: Record<string, Record<string, { ndcg: number; recall10: number; n: number }>> = {};
    for (const v of variants()) {
      const byKind = new Map<string, QueryOutcome[]>();
      for (const { q, query, lex, dense } of lists) {
        const { ordered, named } = namedFirst(handle, query, v.rank(lex, dense).slice(0, v.depth));
        const candidates: Candidate[] = [];
        for (const { key, score } of ordered.slice(0, v.depth)) {
          const p = handle.store.getPassage(key);
          if (p) candidates.push({ key, score, documentId: p.documentId, text: p.text });
        }
        const top = diversify(candidates, K, new Set(named));
        const first = top.findIndex((c) => {
          const p = handle.store.getPassage(c.key)!;
          return isRelevantPassage({ documentId: p.documentId, source: sourceOf(p.documentId), passageId: p.id, text: p.text }, q.relevant);
        });
        const outcome = { relevantRanks: first === -1 ? [] : [first + 1], relevantTotal: 1 };
        for (const kind of ['all', q.kind ?? 'other']) byKind.set(kind, [...(byKind.get(kind) ?? []), outcome]);
      }
      perFile[v.name] = Object.fromEntries(
        [...byKind].map(([kind, o]) => {
          const m = aggregate(o);
          return [kind, { ndcg: m['ndcg@10'], recall10: m['recall@10'], n: m.queries }];
        }),
      );
    }
    report[file] = perFile;
    const kinds = Object.keys(Object.values(perFile)[0] ?? {});
    console.log(`\n${file}\n${'variant'.padEnd(26)}${kinds.map((k) => k.slice(0, 13).padStart(14)).join('')}`);
    for (const [name, r] of Object.entries(perFile)) {
      console.log(`${name.padEnd(26)}${kinds.map((k) => `${(100 * r[k]!.ndcg).toFixed(1)}/${(100 * r[k]!.recall10).toFixed(0)}`.padStart(14)).join('')}`);
    }
  }
} finally {
  handle.close();
}
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 1));
