/** Section 1: parse, clean and split throughput per format; store writes; the embedding stage and its overhead. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDocument } from '../../src/core/prepare-document.js';
import type { PreparedDocument } from '../../src/core/types.js';
import { locateModel } from '../../src/embed/locate-model.js';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { commitFile } from '../../src/ingest/ingest-files.js';
import { readHtml } from '../../src/ingest/read-html.js';
import { readPdf } from '../../src/ingest/read-pdf.js';
import { openIndex } from '../../src/store/open-index.js';
import { TINY_MODEL_ID, writeTinyModel } from '../../test/support/tiny-model.js';
import type { BenchContext } from './context.js';
import { summarise, timeEach } from './measure.js';
import { fmt, say } from './report.js';
import { DEFAULT_FUSION } from '../../src/core/fuse.js';

export const SHARED = join('..', 'shared', 'corpus');

export function readTexts(): { name: string; text: string }[] {
  const dir = join(SHARED, 'party-web-articles');
  const files = readdirSync(dir).sort();
  return [...readdirSync('corpus').map((f) => ({ name: f, text: readFileSync(join('corpus', f), 'utf8') })), ...files.map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }))];
}

export async function benchParsing(texts: { name: string; text: string }[], { quick, work }: BenchContext): Promise<PreparedDocument[]> {
  say('## 1. Ingest');
  say();
  const docs: PreparedDocument[] = [];
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  const t0 = performance.now();
  for (const t of texts) {
    try {
      docs.push(prepareDocument(t.text, 'txt'));
    } catch {
      // empty extracts are counted in the bytes, not in the documents
    }
  }
  const sec = (performance.now() - t0) / 1000;
  const passages = docs.reduce((n, d) => n + d.passages.length, 0);
  say(`| stage | input | throughput |`);
  say(`|---|---|---|`);
  say(`| TXT: clean + metadata + passages | ${texts.length} files, ${(bytes / 1048576).toFixed(1)} MB, ${passages} passages | ${(bytes / 1048576 / sec).toFixed(2)} MB/s, ${(texts.length / sec).toFixed(0)} docs/s, ${((sec * 1000) / passages).toFixed(3)} ms/passage |`);
  const html = readFileSync('test/fixtures/news-article.html', 'utf8');
  const htmlRuns = summarise(await timeEach(() => prepareDocument(readHtml(html), 'html'), quick ? 50 : 200));
  say(`| HTML: main content + passages (news page, ${(html.length / 1024).toFixed(0)} KB) | 1 page | ${fmt(htmlRuns)} per page, ${(html.length / 1048576 / (htmlRuns.median / 1000)).toFixed(2)} MB/s |`);
  const pdf = readFileSync(join(SHARED, 'decrees', 'nd-123_2021-12-28-1-.signed.pdf'));
  const pdfRuns = summarise(await timeEach(async () => prepareDocument(await readPdf(pdf), 'pdf'), quick ? 2 : 5, 1));
  say(`| PDF: text layer + passages (98-page decree, ${(pdf.length / 1048576).toFixed(1)} MB) | 1 file | ${fmt(pdfRuns)} per file, ${(pdf.length / 1048576 / (pdfRuns.median / 1000)).toFixed(2)} MB/s |`);
  // Identical extracts are one document.
  const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
  const uniquePassages = unique.reduce((n, d) => n + d.passages.length, 0);
  const handle = openIndex(join(work, 'store'), { embedder: null });
  const t1 = performance.now();
  for (const d of unique) handle.addDocument(d, `bench/${d.id}`, d.contentHash, null);
  const storeSec = (performance.now() - t1) / 1000;
  handle.close();
  say(`| store write (SQLite transaction per document + lexical index) | ${unique.length} documents | ${(unique.length / storeSec).toFixed(0)} docs/s, ${(uniquePassages / storeSec).toFixed(0)} passages/s |`);
  say();
  return unique;
}

export async function benchEmbedding(docs: PreparedDocument[], { quick, work }: BenchContext): Promise<void> {
  const root = join(work, 'models');
  writeTinyModel(root, readdirSync('corpus').map((f) => readFileSync(join('corpus', f), 'utf8')));
  const spec = { id: TINY_MODEL_ID, revision: null, dtype: 'fp32' as const, dimension: null, queryPrefix: 'query: ', passagePrefix: 'passage: ', files: [], fusion: DEFAULT_FUSION };
  const lookup = locateModel(spec, root);
  if (!lookup.found) throw new Error(lookup.reason);
  const embedder = await TransformersEmbedder.load(spec, lookup.location);
  const sample = docs.slice(0, quick ? 60 : 300);
  const texts = sample.flatMap((d) => d.passages.map((p) => p.text));
  const t0 = performance.now();
  await embedder.embedPassages(texts);
  const bare = (performance.now() - t0) / 1000;
  const dir = join(work, 'embed-index');
  const handle = openIndex(dir, { embedder });
  const t1 = performance.now();
  for (const d of sample) await commitFile(handle, { doc: d, fileHash: d.contentHash }, `bench/${d.id}`);
  handle.save();
  const full = (performance.now() - t1) / 1000;
  handle.close();
  say(`Embedding stage with the installed model (here the generated test model, ${embedder.dimension} dimensions; the real model's figures need \`npm run model:fetch\`): ${texts.length} passages of ${sample.length} documents.`);
  say();
  say(`| | seconds | passages/s |`);
  say(`|---|---|---|`);
  say(`| bare model (batched \`embedPassages\`) | ${bare.toFixed(2)} | ${(texts.length / bare).toFixed(0)} |`);
  say(`| full store path (embed + transaction + HNSW insert) | ${full.toFixed(2)} | ${(texts.length / full).toFixed(0)} |`);
  say();
  say(`Pipeline overhead outside the model: ratio full/bare ${(full / bare).toFixed(2)}, ${(((full - bare) * 1000) / texts.length).toFixed(3)} ms per passage (target ≤ 2 ms).`);
  say();
}

