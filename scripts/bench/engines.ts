/**
 * The engines side by side (`npm run bench -- --only engines`, issue 17): the embedded engine (index folder) and
 * SolrCloud (a local 3-node cluster in one JVM with its ZooKeeper, engines/solr; a collection of 2 shards × 2
 * replicas) on the same corpus (the bundled articles and the 881 web extracts, lexical: no model) and the same
 * queries. Per engine: ingest rate through the product's own ingest paths (ingestPaths; ingestPathsIntoEngine as
 * ENGINE=solr does), size on disk, nDCG@10 of the development sets and of two ViRE files (src/eval/evaluate.ts, the
 * code `npm run eval` runs, with the engine as its target), search latency over HTTP at 1 and 8 connections against a
 * real server process for each (src/serve/app.ts over either engine), and memory (the Node server's RSS; the
 * Solr JVM's RSS and heap used). With the real model installed, a hybrid row on the bundled corpus.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import type { SearchMode } from '../../src/core/types.js';
import { openEmbedder } from '../../src/embed/open-embedder.js';
import { loadVire } from '../../src/eval/benchmarks.js';
import { evaluateBenchmark, evaluateEngineQueries, readDevQueries, temporaryIndex, type DevReport } from '../../src/eval/evaluate.js';
import { temporarySolrCollection } from '../../src/eval/solr-target.js';
import { ingestPathsIntoEngine } from '../../src/ingest/ingest-engine.js';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { embeddedEngine } from '../../src/store/embedded-engine.js';
import type { SearchEngine } from '../../src/store/engine.js';
import { openIndex } from '../../src/store/open-index.js';
import type { SolrConfig } from '../../src/store/solr/solr-config.js';
import { solrEngine } from '../../src/store/solr/solr-engine.js';
import { SolrHttp } from '../../src/store/solr/solr-http.js';
import { startSolrCluster, type SolrCluster } from '../../test/support/solr-cluster.js';
import type { BenchContext } from './context.js';
import { SHARED } from './ingest.js';
import { say } from './report.js';

const CORPUS = ['corpus', join(SHARED, 'party-web-articles')];
const DEV_SETS = [
  { file: 'test/eval/dev-queries.jsonl', label: 'bundled-corpus queries' },
  { file: 'test/eval/party-queries.jsonl', label: 'web-extract queries' },
];
const VIRE = ['ALQAC.csv', 'ViRHE4QA_v2.csv'].map((f) => join('..', 'shared', 'bench', 'vire', f));
const COLLECTION = 'bench';

const loadNow = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');
const pct = (x: number): string => (100 * x).toFixed(2);
const mib = (bytes: number): string => (bytes / 1048576).toFixed(0);

/** Resident and peak resident memory of a process in MiB, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

function bytesUnder(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((n, f) => n + bytesUnder(join(path, f)), 0) : s.size;
}

/**
 * Heap used and committed of the cluster's JVM (one JVM holds every node and ZooKeeper), MiB, from `jstat -gc` (the
 * JDK's own counters: survivor, eden and old generations); NaN when jstat cannot read it.
 */
function jvmHeap(pid: number): { used: number; committed: number } {
  const out = spawnSync('jstat', ['-gc', String(pid)], { encoding: 'utf8' });
  const [head, values] = (out.stdout ?? '').trim().split('\n').map((l) => l.trim().split(/\s+/));
  if (!head || !values) return { used: Number.NaN, committed: Number.NaN };
  const kib = (name: string) => Number(values[head.indexOf(name)] ?? Number.NaN);
  return { used: (kib('S0U') + kib('S1U') + kib('EU') + kib('OU')) / 1024, committed: (kib('S0C') + kib('S1C') + kib('EC') + kib('OC')) / 1024 };
}

/** Index bytes and Lucene documents of each replica of the collection, read from every node's core admin. */
async function replicaSizes(cluster: SolrCluster, collection: string): Promise<{ core: string; bytes: number; docs: number }[]> {
  const out: { core: string; bytes: number; docs: number }[] = [];
  for (const url of cluster.urls) {
    const res = await new SolrHttp([url]).get('/admin/cores', { action: 'STATUS' });
    for (const [core, s] of Object.entries(res.status as Record<string, { index?: { sizeInBytes?: number; numDocs?: number } }>)) {
      if (core.startsWith(`${collection}_`)) out.push({ core, bytes: s.index?.sizeInBytes ?? 0, docs: s.index?.numDocs ?? 0 });
    }
  }
  return out;
}

interface Http {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
}

interface Served {
  http: Http[];
  rest: number;
  peak: number;
}

/** A server process for one engine (serve-engine.ts), loaded with the same queries at 1 and 8 connections. */
async function loadServer(args: string[], queries: string[], seconds: number, during?: () => Promise<void>): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join('scripts', 'bench', 'serve-engine.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      child.removeAllListeners('exit');
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  try {
    const pid = child.pid ?? 0;
    const rest = memoryOf(pid).rss;
    const http: Http[] = [];
    for (const connections of [1, 8]) {
      let i = 0;
      const result = await autocannon({
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search?k=10&mode=lexical&q=${encodeURIComponent(queries[i++ % queries.length]!)}` }) }],
      });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${args[0]}: ${result.non2xx} non-2xx answers, ${result.errors} errors under load`);
      http.push({ connections, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
      if (during) await during();
    }
    return { http, rest, peak: memoryOf(pid).peak };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

interface Side {
  ingest: { files: number; documents: number; passages: number; seconds: number };
  diskBytes: number;
  dev: DevReport[];
  vire: { name: string; ndcg: number; seconds: number }[];
  served?: Served;
  hybrid?: number;
}

async function devReports(engine: SearchEngine): Promise<DevReport[]> {
  const out: DevReport[] = [];
  for (const set of DEV_SETS) out.push(await evaluateEngineQueries(engine, null, readDevQueries(set.file), 'lexical'));
  return out;
}

/** Hybrid nDCG@10 of the bundled-corpus queries with the real model, on the bundled corpus alone; null without the model. */
async function hybridRows(config: SolrConfig, work: string): Promise<{ embedded: number; solr: number; passages: number } | null> {
  const { embedder } = await openEmbedder();
  if (!embedder) return null;
  const queries = readDevQueries(DEV_SETS[0]!.file);
  const handle = openIndex(join(work, 'engines-hybrid'), { embedder });
  try {
    const summary = await ingestPaths(handle, ['corpus']);
    const embedded = (await evaluateEngineQueries(embeddedEngine(handle), embedder, queries, 'hybrid')).all['ndcg@10'];
    const engine = await solrEngine({ ...config, collection: `${COLLECTION}-hybrid` }, { model: { id: embedder.modelId, dimension: embedder.dimension } });
    try {
      await ingestPathsIntoEngine(engine, embedder, ['corpus']);
      const solr = (await evaluateEngineQueries(engine, embedder, queries, 'hybrid')).all['ndcg@10'];
      return { embedded, solr, passages: summary.passages };
    } finally {
      await engine.close();
    }
  } finally {
    handle.close();
  }
}

/** Runs the whole comparison and says its section (a heading, the conditions, one table). */
export async function benchEngines({ quick, work }: BenchContext): Promise<void> {
  const loadBefore = loadNow();
  const started = performance.now();
  const cluster = await startSolrCluster(3);
  const clusterReady = (performance.now() - started) / 1000;
  const seconds = quick ? 5 : 15;
  try {
    const config: SolrConfig = { urls: cluster.urls, collection: COLLECTION, configName: cluster.configName, numShards: 2, replicationFactor: 2 };
    const queries = DEV_SETS.flatMap((s) => readDevQueries(s.file).map((q) => q.query));

    // Embedded: the index folder written by `npm run ingest`'s own path, then served by `npm start`'s app.
    const dir = join(work, 'engines-embedded');
    const handle = openIndex(dir, { embedder: null });
    const e = await ingestPaths(handle, CORPUS);
    const embeddedCounts = handle.store.counts();
    const embedded: Side = {
      ingest: { files: e.added + e.linked + e.unchanged + e.updated, documents: embeddedCounts.documents, passages: embeddedCounts.passages, seconds: e.seconds },
      diskBytes: 0,
      dev: await devReports(embeddedEngine(handle)),
      vire: [],
    };
    handle.close();
    embedded.diskBytes = bytesUnder(dir);
    process.stderr.write(`embedded: ingest ${e.seconds.toFixed(1)} s\n`);

    // SolrCloud: `ENGINE=solr npm run ingest`'s path into a 2 × 2 collection, served by the same app.
    const engine = await solrEngine(config, { model: null });
    const s = await ingestPathsIntoEngine(engine, null, CORPUS);
    const solrCounts = await engine.counts();
    const solr: Side = {
      ingest: { files: s.added + s.linked + s.unchanged + s.updated, documents: solrCounts.documents, passages: solrCounts.passages, seconds: s.seconds },
      diskBytes: 0,
      dev: await devReports(engine),
      vire: [],
    };
    await engine.close();
    const replicas = await replicaSizes(cluster, COLLECTION);
    solr.diskBytes = replicas.reduce((n, r) => n + r.bytes, 0);
    process.stderr.write(`solr: ingest ${s.seconds.toFixed(1)} s, ${replicas.length} replicas\n`);
    const heapAfterIngest = jvmHeap(cluster.pid);

    embedded.served = await loadServer(['embedded', dir], queries, seconds);
    let heapUnderLoad = heapAfterIngest;
    solr.served = await loadServer(['solr', cluster.urls.join(','), COLLECTION, cluster.configName], queries, seconds, async () => {
      heapUnderLoad = jvmHeap(cluster.pid);
    });
    const jvm = memoryOf(cluster.pid);

    // ViRE (test data: reported, never tuned on), the corpus of each file built in each engine.
    for (const file of VIRE) {
      const bench = loadVire(file);
      for (const [side, target] of [
        [embedded, temporaryIndex],
        [solr, temporarySolrCollection(config)],
      ] as const) {
        const t0 = performance.now();
        const byMode = await evaluateBenchmark(bench, ['lexical' as SearchMode], null, undefined, undefined, target);
        side.vire.push({ name: bench.name, ndcg: byMode.lexical!['ndcg@10'], seconds: (performance.now() - t0) / 1000 });
      }
      process.stderr.write(`${bench.name} done\n`);
    }
    const hybrid = await hybridRows(config, work);
    const loadAfter = loadNow();
    const figures: Figures = { embedded, solr, replicas, heapAfterIngest, heapUnderLoad, jvm, clusterReady, hybrid, loadBefore, loadAfter, seconds, totalSeconds: (performance.now() - started) / 1000 };
    // The raw figures first: a report that fails to format loses nothing.
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(join('bench-results', 'engines.json'), `${JSON.stringify(figures, null, 1)}\n`);
    report(figures);
  } finally {
    await cluster.close();
  }
}

interface Figures {
  embedded: Side;
  solr: Side;
  replicas: { core: string; bytes: number; docs: number }[];
  heapAfterIngest: { used: number; committed: number };
  heapUnderLoad: { used: number; committed: number };
  jvm: { rss: number; peak: number };
  clusterReady: number;
  hybrid: { embedded: number; solr: number; passages: number } | null;
  loadBefore: string;
  loadAfter: string;
  seconds: number;
  totalSeconds: number;
}

function report(f: Figures): void {
  const { embedded: e, solr: s } = f;
  const times = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
  const points = (a: number, b: number) => `${(100 * (b - a)).toFixed(2) === '-0.00' ? '0.00' : (100 * (b - a)).toFixed(2)} points`;
  const rate = (side: Side) => `${(side.ingest.documents / side.ingest.seconds).toFixed(1)} documents/s, ${(side.ingest.passages / side.ingest.seconds).toFixed(0)} passages/s (${side.ingest.seconds.toFixed(1)} s)`;
  const perPassage = (bytes: number, passages: number) => `${mib(bytes)} MiB, ${Math.round(bytes / passages).toLocaleString('en')} bytes/passage`;
  const copies = f.replicas.length / 2;
  say('## Engines side by side: embedded vs SolrCloud (lexical)');
  say();
  say(
    `Run on its own: \`npm run bench -- --only engines\`, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1073741824).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average (1/5/15 min) ${f.loadBefore} at the start, ${f.loadAfter} at the end (the machine shared with other work). ` +
      `SolrCloud: the launcher of engines/solr (MiniSolrCloudCluster 9.10.1: 3 nodes and ZooKeeper in one JVM, \`-Xmx1g -XX:+UseSerialGC\`, ready in ${f.clusterReady.toFixed(0)} s), a collection of 2 shards × 2 replicas, on the same 2 cores as the client. ` +
      `Corpus: the bundled articles and the 881 web extracts (${e.ingest.files} files), lexical (no model), written through each engine's ingest path (\`npm run ingest\`, \`ENGINE=solr npm run ingest\`). ` +
      `Queries: the ${DEV_SETS.map((d) => d.label).join(' and ')} (test/eval), scored by \`npm run eval\`'s code over the one index of both corpora (so not the figures of docs/EVALUATION.md, which index each corpus alone). ` +
      `HTTP: autocannon on loopback, ${f.seconds} s per row, \`GET /api/search?mode=lexical&k=10\` cycling through the same ${e.dev.reduce((n, d) => n + d.answers.covered + d.answers.uncovered, 0)} queries, against a server process per engine (src/serve/app.ts over the folder's engine and over the collection). One run; latencies are autocannon's medians and p99.`,
  );
  say();
  say('| measure | embedded | SolrCloud (2 × 2) | SolrCloud / embedded |');
  say('|---|---|---|---|');
  say(`| documents, passages stored | ${e.ingest.documents}, ${e.ingest.passages} | ${s.ingest.documents}, ${s.ingest.passages} | |`);
  say(`| ingest (parse, split, index terms, write; one file at a time) | ${rate(e)} | ${rate(s)} | ${times(e.ingest.passages / e.ingest.seconds, s.ingest.passages / s.ingest.seconds)} the rate |`);
  const solrOneCopy = s.diskBytes / copies;
  say(`| on disk | ${perPassage(e.diskBytes, e.ingest.passages)} (SQLite store with the text + lexical index) | ${perPassage(s.diskBytes, s.ingest.passages)} over ${f.replicas.length} replicas; one copy ${perPassage(solrOneCopy, s.ingest.passages)} | ${times(e.diskBytes, solrOneCopy)} per copy |`);
  for (const [i, set] of DEV_SETS.entries()) {
    const a = e.dev[i]!;
    const b = s.dev[i]!;
    say(`| nDCG@10, ${set.label} (${a.all.queries}) | ${pct(a.all['ndcg@10'])} | ${pct(b.all['ndcg@10'])} | ${points(a.all['ndcg@10'], b.all['ndcg@10'])} |`);
    const nd = 'no-diacritics';
    if (a.byKind[nd] && b.byKind[nd]) say(`| … of which typed without diacritics (${a.byKind[nd].queries}) | ${pct(a.byKind[nd]['ndcg@10'])} | ${pct(b.byKind[nd]['ndcg@10'])} | ${points(a.byKind[nd]['ndcg@10'], b.byKind[nd]['ndcg@10'])} |`);
  }
  for (const [i, v] of e.vire.entries()) {
    const w = s.vire[i]!;
    say(`| nDCG@10, ViRE ${v.name} (test data; build + queries) | ${pct(v.ndcg)} (${v.seconds.toFixed(0)} s) | ${pct(w.ndcg)} (${w.seconds.toFixed(0)} s) | ${points(v.ndcg, w.ndcg)} |`);
  }
  if (f.hybrid) say(`| nDCG@10 hybrid, bundled-corpus queries over the bundled corpus alone (${f.hybrid.passages} passages, real model) | ${pct(f.hybrid.embedded)} | ${pct(f.hybrid.solr)} | ${points(f.hybrid.embedded, f.hybrid.solr)} |`);
  for (const [i, a] of (e.served?.http ?? []).entries()) {
    const b = s.served?.http[i];
    if (!b) continue;
    say(`| search over HTTP, ${a.connections} connection${a.connections > 1 ? 's' : ''}: p50 / p99, requests/s | ${a.p50} / ${a.p99} ms, ${a.rps.toFixed(0)}/s | ${b.p50} / ${b.p99} ms, ${b.rps.toFixed(0)}/s | p50 ${times(Math.max(a.p50, 0.5), b.p50)}, p99 ${times(Math.max(a.p99, 0.5), b.p99)} |`);
  }
  say(`| memory: the Node server (RSS at rest / peak under load) | ${e.served?.rest.toFixed(0)} / ${e.served?.peak.toFixed(0)} MiB | ${s.served?.rest.toFixed(0)} / ${s.served?.peak.toFixed(0)} MiB (client only) | |`);
  say(`| memory: the Solr JVM, 3 nodes + ZooKeeper (RSS now / peak; heap used after ingest, under load; committed) | — | ${f.jvm.rss.toFixed(0)} / ${f.jvm.peak.toFixed(0)} MiB; heap ${f.heapAfterIngest.used.toFixed(0)}, ${f.heapUnderLoad.used.toFixed(0)} of ${f.heapUnderLoad.committed.toFixed(0)} MiB | |`);
  say();
  say(`Total ${f.totalSeconds.toFixed(0)} s. Solr replicas: ${f.replicas.map((r) => `${r.core.replace(`${COLLECTION}_`, '')} ${mib(r.bytes)} MiB, ${r.docs} Lucene documents`).join('; ')} (a passage is one Lucene document; each stored document adds one \`!doc\` record with its whole text).`);
  say();
}
