/**
 * `npm run bench [-- --quick] [--sizes 10000,100000,1000000] [--update-docs]`: measures the service and writes its
 * report, with the machine, the date and the command, to bench-results/BENCHMARKS.md (git-ignored), or with
 * `--update-docs` to docs/BENCHMARKS.md. Every figure is a median (with p99 or spread) over repeated runs in
 * this one process, or in the one server process it starts. `--quick` keeps to 10k passages, a few minutes.
 * `npm run bench -- --only suggest [--update-docs]`: only the autocomplete section, put in place of the one in the
 * report (bench-results/BENCHMARKS.md, first copied from docs/BENCHMARKS.md; or the docs themselves).
 * `npm run bench -- --only engines [--quick] [--update-docs]`: only the engines side by side, embedded vs SolrCloud
 * (engines.ts; opt-in, not part of the full run: it starts a local 3-node Solr cluster, needs Java 17 and Maven, and
 * takes 15–20 minutes on the shared 2-core machine), put in place of its section in the report, or at its end.
 * `npm run bench -- --model`: only the real model's own costs (model.ts), printed.
 * `npm run bench -- --only ocr [--ocr-pages N] [--update-docs]`: only the OCR throughput section (ocr.ts), put in place
 * of the one in the report as for suggest.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext } from './context.js';
import { sentenceTerms, writeFolder } from './folder.js';
import { benchEngines } from './engines.js';
import { benchEmbedding, benchParsing, readTexts } from './ingest.js';
import { benchModel } from './model.js';
import { benchOcr } from './ocr.js';
import { benchPeers, benchVietnamese } from './peers.js';
import { inSection, ms, report, say } from './report.js';
import { benchInProcess, benchServed } from './scale.js';
import { benchSuggest, suggestHeader } from './suggest.js';
import { recombine } from './synthetic.js';
import { benchVectors, vectorData } from './vectors.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'update-docs': { type: 'boolean', default: false },
    only: { type: 'string' },
    model: { type: 'boolean', default: false },
    'ocr-pages': { type: 'string' },
  },
});
/** Where the report goes: the committed docs only when asked, so a trial run never dirties the work tree. */
const REPORT = values['update-docs'] ? join('docs', 'BENCHMARKS.md') : join('bench-results', 'BENCHMARKS.md');
mkdirSync(join(REPORT, '..'), { recursive: true });
const context: BenchContext = { quick: values.quick, work: mkdtempSync(join(tmpdir(), 'vn-docsearch-bench-')) };
const SIZES = (values.sizes ?? (context.quick ? '10000' : '10000,100000,1000000')).split(',').map(Number);

function headers(): void {
  inSection(2);
  say('## 2. Vector index (HNSW, cosine, 384 dimensions, clustered synthetic vectors; queries from the same topics)');
  say();
  say('| vectors | M | efConstruction | build | index size | efSearch | recall@10 | query latency |');
  say('|---|---|---|---|---|---|---|---|');
  inSection(3);
  say('## 3. Search in process (recombined real sentences; 62 development queries as typed and without diacritics)');
  say();
  say('| passages | folder written | on disk | open | lexical index alone (top 50) | lexical search, as typed | lexical search, no diacritics | hybrid search (cached query vector) |');
  say('|---|---|---|---|---|---|---|---|');
  inSection(4);
  say('## 4. End to end over HTTP (autocannon on loopback against the server process; time inside a model excluded)');
  say();
  say('| passages | mode | connections | requests/s | p50 | p99 |');
  say('|---|---|---|---|---|---|');
  inSection(5);
  say('## 5. Start-up and memory of the server process');
  say();
  say('| passages | process start → ready | resident at rest | resident peak under load |');
  say('|---|---|---|---|');
  inSection(6);
  say('## 6. Peers, side by side (same passages, vectors and queries, in this process)');
  say();
  say('| passages | engine | build | memory held | lexical query (top 10) | vector query (top 10), recall@10 |');
  say('|---|---|---|---|---|---|');
}

async function main(): Promise<void> {
  const started = performance.now();
  inSection(0);
  say('# Benchmarks');
  say();
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1073741824).toFixed(0)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`);
  say(`Command: \`npm run bench${context.quick ? ' -- --quick' : values.sizes ? ` -- --sizes ${values.sizes}` : ''}\` (sizes ${SIZES.join(', ')}).`);
  say();
  inSection(1);
  const texts = readTexts();
  const docs = await benchParsing(texts, context);
  await benchEmbedding(docs, context);
  headers();

  const recombined = recombine(texts.map((t) => t.text), Math.max(...SIZES), 11);
  const terms = sentenceTerms(recombined);
  const targets: string[] = [];
  const check = (what: string, value: string, met: boolean) => targets.push(`| ${what} | ${value} | ${met ? 'met' : '**missed**'} |`);
  for (const size of SIZES) {
    inSection(2);
    const data = vectorData(size, context.quick ? 100 : 200);
    const { index, recall, latency } = await benchVectors(size, data, context);
    if (size >= 100_000) check(`HNSW recall@10 ≥ 0.98 at ≤ 2 ms, ${size.toLocaleString('en')} vectors`, `${recall.toFixed(4)} at ${ms(latency.median)} ms`, recall >= 0.98 && latency.median <= 2);
    inSection(3);
    const dir = join(context.work, `folder-${size}`);
    const written = writeFolder(dir, recombined, size, terms, { index, values: data.vectors });
    const inProcess = await benchInProcess(dir, size, written, context);
    inSection(4);
    const served = await benchServed(dir, size, context);
    inSection(5);
    say(`| ${size.toLocaleString('en')} | ${ms(served.readyMs)} ms | ${served.rest.toFixed(0)} MiB | ${served.peak.toFixed(0)} MiB |`);
    if (size === 100_000) {
      const at = (mode: string, connections: number) => served.http.find((h) => h.mode === mode && h.connections === connections)!;
      const c8 = at('hybrid', 8);
      for (const mode of ['lexical', 'hybrid']) {
        const c1 = at(mode, 1);
        check(`search p50 ≤ 5 ms, p99 ≤ 20 ms, 100k passages, 1 connection (HTTP, ${mode})`, `p50 ${c1.p50} ms, p99 ${c1.p99} ms`, c1.p50 <= 5 && c1.p99 <= 20);
      }
      check('search in process p50 ≤ 5 ms, p99 ≤ 20 ms, 100k passages (hybrid)', `p50 ${ms(inProcess.hybrid.median)} ms, p99 ${ms(inProcess.hybrid.p99)} ms`, inProcess.hybrid.median <= 5 && inProcess.hybrid.p99 <= 20);
      check('≥ 400 requests/s at 8 connections, 100k passages (hybrid, cached query vector)', `${c8.rps.toFixed(0)} requests/s`, c8.rps >= 400);
    }
    if (size === 100_000 || size === 1_000_000) {
      const [readyLimit, memoryLimit] = size === 100_000 ? [2000, 1024] : [15000, 4096];
      check(`ready ≤ ${readyLimit / 1000} s, ${size.toLocaleString('en')} passages`, `${ms(served.readyMs)} ms`, served.readyMs <= readyLimit);
      check(`resident memory ≤ ${memoryLimit / 1024} GiB, ${size.toLocaleString('en')} passages`, `${served.peak.toFixed(0)} MiB peak under load`, served.peak <= memoryLimit);
    }
    rmSync(dir, { recursive: true, force: true });
    if (size <= 100_000) {
      inSection(6);
      await benchPeers(size, recombined, terms, data, index, context);
    }
    // What is measured so far survives a run stopped before the largest size.
    writeFileSync(REPORT, `${report()}\n\n(Run in progress: sizes up to ${size.toLocaleString('en')} done.)\n`);
  }
  inSection(7);
  say();
  say('### Vietnamese: which engine finds the relevant passage (bundled corpus, development queries)');
  say();
  await benchVietnamese();
  inSection(7.5);
  suggestHeader();
  const suggestAt = await benchSuggest(recombined.sentences, 100_000);
  check('suggest p99 < 10 ms, 100,000 documents (in process)', `p50 ${ms(suggestAt.latency.median)} ms, p99 ${ms(suggestAt.latency.p99)} ms`, suggestAt.latency.p99 < 10);
  inSection(8);
  say('## Targets');
  say();
  say('| target | measured | |');
  say('|---|---|---|');
  for (const t of targets) say(t);
  say();
  inSection(9);
  say(`Total run time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  say();
  writeFileSync(REPORT, `${report()}\n`);
  rmSync(context.work, { recursive: true, force: true });
  process.stderr.write(`written ${REPORT}\n`);
}

/**
 * Only the autocomplete section, at 10k and 100k documents, put in place of the one in docs/BENCHMARKS.md (or
 * before its Targets), stamped with this run's machine and date.
 */
async function onlySuggest(): Promise<void> {
  const sentences = recombine(readTexts().map((t) => t.text), 1, 11).sentences;
  inSection(0);
  suggestHeader(`Run on its own: \`npm run bench -- --only suggest\`, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; the machine shared with other work (loadavg ${loadavg()[0]!.toFixed(1)}).`);
  for (const size of [10_000, 100_000]) await benchSuggest(sentences, size);
  replaceSection('## Autocomplete', '## Targets');
  rmSync(context.work, { recursive: true, force: true });
  process.stderr.write(`written the autocomplete section of ${REPORT}\n`);
}

/**
 * Puts the section just said (the whole report so far) in place of the one starting with `heading` in the report
 * (bench-results/BENCHMARKS.md, else a copy of docs/BENCHMARKS.md; or the docs with --update-docs), else before
 * the section starting with `before` when given and found, else at the end.
 */
function replaceSection(heading: string, before: string | null): void {
  const docs = join('docs', 'BENCHMARKS.md');
  const file = existsSync(REPORT) ? REPORT : docs;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const section = `${report()}\n\n`;
  const at = old.indexOf(heading);
  const next = at >= 0 ? old.indexOf('\n## ', at + 1) : -1;
  const targets = before === null ? -1 : old.indexOf(before);
  const updated =
    at >= 0 ? old.slice(0, at) + section + (next >= 0 ? old.slice(next + 1) : '') : targets >= 0 ? old.slice(0, targets) + section + old.slice(targets) : `${old}\n${section}`;
  writeFileSync(REPORT, updated);
}

/** `--only engines`: embedded vs SolrCloud (engines.ts), put in place of its section, or at the end of the report. */
async function onlyEngines(): Promise<void> {
  inSection(0);
  await benchEngines(context);
  replaceSection('## Engines side by side', null);
  rmSync(context.work, { recursive: true, force: true });
  process.stderr.write(`written the engines section of ${REPORT}\n`);
}

/** Only the OCR throughput section (scripts/bench/ocr.ts), put in place of the one in the report. */
async function onlyOcr(): Promise<void> {
  const pages = values['ocr-pages'] ? Number(values['ocr-pages']) : null;
  if (pages !== null && !(Number.isInteger(pages) && pages > 0)) throw new Error(`--ocr-pages takes a page count; got ${values['ocr-pages']}`);
  inSection(0);
  await benchOcr(
    pages,
    `Run on its own: \`npm run bench -- --only ocr${pages ? ` --ocr-pages ${pages}` : ''}\`, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1073741824).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  );
  replaceSection('## OCR throughput', '## Targets');
  rmSync(context.work, { recursive: true, force: true });
  process.stderr.write(`written the OCR section of ${REPORT}\n`);
}

/** `--model`: the model section alone, printed to stdout (docs/BENCHMARKS.md quotes it by hand). */
async function modelOnly(): Promise<void> {
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench -- --model\`.`);
  say();
  await benchModel(context);
  process.stdout.write(`${report()}\n`);
  rmSync(context.work, { recursive: true, force: true });
}

(values.model
  ? modelOnly()
  : values.only === 'suggest'
    ? onlySuggest()
    : values.only === 'engines'
      ? onlyEngines()
      : values.only === 'ocr'
        ? onlyOcr()
        : values.only === undefined
          ? main()
          : Promise.reject(new Error(`--only takes: suggest, engines, ocr; got ${values.only}`))
).catch((err: unknown) => {
  process.stderr.write(`error: ${(err as Error).stack}\n`);
  process.exitCode = 1;
});
