/**
 * Section 6: in-process peers a user could pick instead, on the same passages, vectors and queries: MiniSearch
 * (lexical) and Orama (lexical and vector), against this service's lexical index and HNSW index. Build time,
 * memory, query latency, vector recall@10; then where each gets Vietnamese wrong, shown with the queries that fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import MiniSearch from 'minisearch';
import { queryTerms } from '../../src/core/lexical-terms.js';
import { fold } from '../../src/core/normalize.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { LexicalIndex } from '../../src/store/lexical-index.js';
import { documentTerms } from '../../src/store/passage-terms.js';
import type { VectorIndex } from '../../src/store/vector-index.js';
import type { BenchContext } from './context.js';
import { passageTerms } from './folder.js';
import { summarise, timeEach, type Summary } from './measure.js';
import { fmt, ratio, say } from './report.js';
import { benchQueries } from './scale.js';
import { passageText, type Recombined } from './synthetic.js';
import { DIM, type VectorData } from './vectors.js';

/**
 * Heap and array buffers held after a full collection (run with --expose-gc), in MiB. Shared buffers are released a
 * turn of the event loop after the collection that finds them unreachable, hence the pause and second collection.
 */
async function heldMiB(): Promise<number> {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

async function measureBuild<T>(build: () => T): Promise<{ value: T; seconds: number; mib: number }> {
  const before = await heldMiB();
  const t0 = performance.now();
  const value = build();
  const seconds = (performance.now() - t0) / 1000;
  return { value, seconds, mib: (await heldMiB()) - before };
}

interface Row {
  engine: string;
  build: number;
  mib: number;
  lexical: Summary;
  vector?: { latency: Summary; recall: number };
}

function recallOf(found: number[][], truth: number[][]): number {
  let hits = 0;
  found.forEach((f, i) => (hits += f.filter((x) => truth[i]!.includes(x)).length));
  return hits / (truth.length * 10);
}

async function vectorFigures(data: VectorData, runs: number, find: (q: Float32Array) => number[] | Promise<number[]>): Promise<{ latency: Summary; recall: number }> {
  const found: number[][] = [];
  const latency = summarise(
    await timeEach(async (i) => {
      const result = await find(data.queries[i % data.queries.length]!);
      if (i < data.queries.length) found[i] = result;
    }, Math.max(runs, data.queries.length), 0, 1e9),
  );
  return { latency, recall: recallOf(found, data.truth) };
}

/** Speed, memory and recall side by side at one size. */
export async function benchPeers(size: number, r: Recombined, terms: { folded: string[]; exact: string[] }[], data: VectorData, ours: VectorIndex, { quick }: BenchContext): Promise<Row[]> {
  const { accented, folded } = benchQueries();
  // Each query as typed, then without diacritics: a run cut short by its time budget still sees both kinds.
  const queries = accented.flatMap((q, i) => [q, folded[i]!]);
  const runs = quick ? 100 : 300;
  const texts = Array.from({ length: size }, (_, i) => passageText(r, i));
  const rows: Row[] = [];

  const lexical = await measureBuild(() => {
    const index = new LexicalIndex();
    index.add(Array.from({ length: size }, (_, i) => passageTerms(r, terms, i, i + 1)));
    index.search({ folded: ['a'], exact: [] }, 1); // builds the segments
    return index;
  });
  rows.push({
    engine: 'this service (lexical index; HNSW)',
    build: lexical.seconds,
    mib: lexical.mib,
    lexical: summarise(await timeEach((i) => lexical.value.search(queryTerms(queries[i % queries.length]!), 10), runs)),
    vector: await vectorFigures(data, runs, (q) => ours.search(q, 10).map((n) => n.key - 1)),
  });

  const mini = await measureBuild(() => {
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    index.addAll(texts.map((text, id) => ({ id, text })));
    return index;
  });
  rows.push({
    engine: 'MiniSearch 7 (lexical)',
    build: mini.seconds,
    mib: mini.mib,
    lexical: summarise(await timeEach((i) => mini.value.search(queries[i % queries.length]!).slice(0, 10), runs)),
  });

  const before = await heldMiB();
  const t0 = performance.now();
  const orama = create({ schema: { text: 'string', embedding: `vector[${DIM}]` } as const });
  await insertMultiple(orama, texts.map((text, i) => ({ id: String(i), text, embedding: Array.from(data.vectors[i]!) })), 1000);
  const oramaBuild = (performance.now() - t0) / 1000;
  rows.push({
    engine: 'Orama 3 (full-text; vector)',
    build: oramaBuild,
    mib: (await heldMiB()) - before,
    // At 100k one Orama full-text query takes minutes: three timed runs (a query as typed, bare, the next typed).
    lexical: summarise(await timeEach(async (i) => oramaSearch(orama, { term: queries[i % queries.length]!, limit: 10 }), runs, 1, 30_000, 3)),
    vector: await vectorFigures(data, quick ? 50 : 100, async (q) => {
      const res = await oramaSearch(orama, { mode: 'vector', vector: { value: Array.from(q), property: 'embedding' }, similarity: -1, limit: 10 });
      return res.hits.map((h) => Number(h.id));
    }),
  });

  const [us] = rows;
  for (const row of rows) {
    const vs = row === us ? '' : ` (ours ${ratio(us!.lexical.median, row.lexical.median)} faster)`;
    const vector = row.vector ? `${fmt(row.vector.latency)}, recall@10 ${row.vector.recall.toFixed(4)}${row === us ? '' : ` (ours ${ratio(us!.vector!.latency.median, row.vector.latency.median)} faster)`}` : '—';
    say(`| ${size.toLocaleString('en')} | ${row.engine} | ${row.build.toFixed(1)} s | ${row.mib.toFixed(0)} MiB | ${fmt(row.lexical)}${vs} | ${vector} |`);
  }
  return rows;
}

/** The bundled corpus's passages and development queries: which engine finds the relevant passage in its top 5. */
export async function benchVietnamese(): Promise<void> {
  const docs = readdirSync('corpus').map((f) => prepareDocument(readFileSync(join('corpus', f), 'utf8'), 'txt'));
  const passages = docs.flatMap((d) => d.passages.map((p) => p.text));
  const devQueries = readFileSync('test/eval/dev-queries.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { query: string; relevant: string[] })
    .filter((q) => q.relevant.length > 0);
  const cases = devQueries.flatMap((q) => [q, { ...q, query: fold(q.query) }]);
  const relevantAt = (ids: number[], relevant: string[]) => ids.slice(0, 5).some((i) => relevant.some((x) => passages[i]!.includes(x)));

  const ours = new LexicalIndex();
  let offset = 0;
  for (const d of docs) {
    ours.add(documentTerms(d, d.passages.map((_, i) => offset + i)));
    offset += d.passages.length;
  }
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  mini.addAll(passages.map((text, id) => ({ id, text })));
  const orama = create({ schema: { text: 'string' } as const });
  await insertMultiple(orama, passages.map((text, i) => ({ id: String(i), text })));

  const engines: { name: string; find: (q: string) => Promise<number[]> | number[] }[] = [
    { name: 'this service', find: (q) => ours.search(queryTerms(q.normalize('NFC')), 5).map((h) => h.key) },
    { name: 'MiniSearch', find: (q) => mini.search(q).map((h) => Number(h.id)) },
    { name: 'Orama', find: async (q) => (await oramaSearch(orama, { term: q, limit: 5 })).hits.map((h) => Number(h.id)) },
  ];
  say('| engine | found in top 5, as typed | found in top 5, without diacritics |');
  say('|---|---|---|');
  const failures = new Map<string, string[]>();
  for (const e of engines) {
    let typed = 0;
    let bare = 0;
    for (const [i, c] of cases.entries()) {
      const ok = relevantAt(await e.find(c.query), c.relevant);
      if (i % 2 === 0) typed += ok ? 1 : 0;
      else bare += ok ? 1 : 0;
      if (!ok) failures.set(e.name, [...(failures.get(e.name) ?? []), c.query]);
    }
    say(`| ${e.name} | ${typed}/${devQueries.length} | ${bare}/${devQueries.length} |`);
  }
  say();
  const tokens = create({ schema: { text: 'string' } as const }).tokenizer.tokenize('Quyết định của Đảng về xây dựng chỉnh đốn', 'english') as string[];
  say(`Orama's tokenizer (it has no Vietnamese; the default splits on every letter outside its Latin set): \`Quyết định của Đảng về xây dựng chỉnh đốn\` → ${tokens.map((t) => `\`${t}\``).join(' ')}. MiniSearch keeps Vietnamese words whole but has no folding: a query typed without diacritics matches only words that have none.`);
  say();
  for (const [name, queries] of failures) {
    if (name === 'this service') continue;
    say(`${name} misses, for example: ${queries.slice(0, 6).map((q) => `\`${q}\``).join(', ')} (${queries.length} of ${cases.length} queries).`);
    say();
  }
  const ourMisses = failures.get('this service') ?? [];
  say(`This service misses ${ourMisses.length} of ${cases.length}${ourMisses.length ? `: ${ourMisses.map((q) => `\`${q}\``).join(', ')}` : ''}.`);
  say();
}
