/**
 * The real model's own costs (`npm run bench -- --model`): query embedding latency, passages per second at ingest,
 * and search over HTTP including the model (hybrid, every query text new, so no cached query vector). Needs the
 * model installed (models/Xenova/multilingual-e5-small); fails without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openEmbedder } from '../../src/embed/open-embedder.js';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { openIndex } from '../../src/store/open-index.js';
import type { BenchContext } from './context.js';
import { summarise, timeEach } from './measure.js';
import { fmt, ms, say } from './report.js';
import { serveFolder } from './scale.js';

/** Every development query (bundled corpus, web extracts, near-misses), as typed. */
function devQueries(): string[] {
  const files = ['test/eval/dev-queries.jsonl', 'test/eval/party-queries.jsonl', 'test/eval/near-miss-queries.jsonl'];
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { query: string }).query),
  );
}

export async function benchModel({ quick, work }: BenchContext): Promise<void> {
  const { embedder, message } = await openEmbedder();
  if (!embedder) throw new Error(`the model bench needs the real model: ${message}`);
  const queries = devQueries();
  say('## 7. The model (multilingual-e5-small, q8 ONNX through transformers.js on onnxruntime-node)');
  say();
  // Each query once, one at a time: what a search without a cached vector pays before it can rank.
  const perQuery = summarise(await timeEach((i) => embedder.embedQueries([queries[i % queries.length]!]), Math.min(queries.length, quick ? 60 : 200), 10, 120_000));
  say(`| measure | figure |`);
  say('|---|---|');
  say(`| query embedding, one query at a time (${queries.length} development queries) | ${fmt(perQuery)} |`);

  // Ingest of the bundled corpus with the model: parsing, splitting, embedding (batches of 16 on onnxruntime's
  // threads, both cores) and the store, end to end; then the model alone on the same passages.
  const dir = join(work, 'model-index');
  const handle = openIndex(dir, { embedder });
  const t0 = performance.now();
  const summary = await ingestPaths(handle, ['corpus']);
  const ingestSeconds = (performance.now() - t0) / 1000;
  const texts = handle.store.documentIds().flatMap((id) => handle.store.passageKeys(id).flatMap((k) => handle.store.getPassage(k)?.text ?? []));
  handle.close();
  const t1 = performance.now();
  await embedder.embedPassages(texts);
  const embedSeconds = (performance.now() - t1) / 1000;
  say(`| ingest with the model, bundled corpus (${summary.added} documents, ${summary.passages} passages) | ${(summary.passages / ingestSeconds).toFixed(1)} passages/s (${ingestSeconds.toFixed(1)} s) |`);
  say(`| the model alone on the same ${texts.length} passages (average ${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} characters) | ${(texts.length / embedSeconds).toFixed(1)} passages/s |`);

  // Search over HTTP including the model: the server embeds every query (a number appended makes each text new).
  const served = await serveFolder(dir, 'model');
  try {
    for (const connections of [1, 8]) {
      let i = 0;
      const result = await autocannon({
        url: `http://127.0.0.1:${served.port}`,
        connections,
        duration: quick ? 10 : 30,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const n = i++;
              return { ...req, path: `/api/search?k=10&mode=hybrid&q=${encodeURIComponent(`${queries[n % queries.length]} ${Math.floor(n / queries.length) + 1}`)}` };
            },
          },
        ],
      });
      say(`| search over HTTP, hybrid, uncached query, ${connections} connection${connections > 1 ? 's' : ''} (${summary.passages} passages) | p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, ${result.requests.average.toFixed(1)} requests/s |`);
    }
  } finally {
    served.child.kill('SIGTERM');
    await new Promise((resolve) => served.child.once('exit', resolve));
  }
  say();
  say(`Load while measuring (\`/proc/loadavg\`, 1/5/15 min): ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ')}.`);
}
