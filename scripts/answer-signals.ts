/**
 * What could tell a near-miss question from a covered one, measured through the product's search: for each query of
 * the development files, whether search answers it, whether it would at each weighted-coverage threshold (query
 * words weighted by the index's idf), and, with --cosines, the cosine between the query and each quoted sentence
 * (the model's query and passage prefixes) and the dense cosine of the best passage. Development data only.
 *
 *   node --import tsx scripts/answer-signals.ts --index DIR --mode lexical|hybrid --queries FILE [...] [--json OUT]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractAnswer } from '../src/core/answer.js';
import { referencePattern } from '../src/core/references.js';
import type { SearchMode } from '../src/core/types.js';
import { openEmbedder } from '../src/embed/open-embedder.js';
import type { DevQuery } from '../src/eval/evaluate.js';
import { search } from '../src/search/search.js';
import { openIndex } from '../src/store/open-index.js';

const { values } = parseArgs({
  options: { index: { type: 'string' }, mode: { type: 'string', default: 'hybrid' }, queries: { type: 'string', multiple: true }, json: { type: 'string' }, cosines: { type: 'boolean' } },
});
if (!values.index || !values.queries?.length) throw new Error('usage: --index DIR --mode M --queries FILE [...] [--json OUT]');

const THRESHOLDS = [0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85];
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const { embedder, message } = await openEmbedder();
console.error(message);
if (!embedder) throw new Error('needs the model');
const handle = openIndex(values.index, { embedder, access: 'read' });
const rows = [];
try {
  for (const file of values.queries) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('//')) continue;
      const q = JSON.parse(line) as DevQuery;
      const r = await search(handle, q.query, { k: 10, mode: values.mode as SearchMode });
      const [qv] = values.cosines ? await embedder.embedQueries([q.query]) : [];
      const pattern = referencePattern(q.query);
      const unknownNumber =
        pattern !== null && handle.store.documentsNumbered(pattern.numbers).length === 0 && handle.store.citingPassages(pattern).length === 0;
      const sources = r.results.map((x) => ({ documentId: x.document.id, passageId: x.passage.id, text: x.passage.text, start: x.passage.start }));
      const weigh = (keys: string[], exact: boolean) => handle.lexical.inverseFrequencies(keys, exact);
      const at = Object.fromEntries(THRESHOLDS.map((t) => [t, extractAnswer(r.query, sources, { weigh, minWeightedCoverage: t }) !== null]));
      let sentenceCos: number[] = [];
      let topCos: number | null = null;
      if (values.cosines && r.answer) sentenceCos = (await embedder.embedPassages(r.answer.sentences.map((s) => s.text))).map((v) => dot(qv!, v));
      if (values.cosines && handle.vectors) topCos = handle.vectors.search(qv!, 1, null)[0]?.similarity ?? null;
      rows.push({
        file: file.split('/').pop(),
        kind: q.kind ?? (q.relevant.length ? 'other' : 'uncovered'),
        covered: q.relevant.length > 0,
        query: q.query,
        answered: r.answer !== null,
        at,
        sentenceCos,
        topCos,
        unknownNumber,
        answer: r.answer?.text.slice(0, 160) ?? null,
      });
      const last = rows[rows.length - 1]!;
      console.error(`${last.covered ? 'C' : 'N'} ${last.answered ? 'A' : '-'} ${THRESHOLDS.map((t) => (at[t] ? 'a' : '.')).join('')} ${sentenceCos.map((c) => c.toFixed(3)).join(',').padEnd(20)} top ${topCos?.toFixed(3)} ${unknownNumber ? 'UNKNOWN#' : ''} ${q.query}`);
    }
  }
} finally {
  handle.close();
}
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 1));
