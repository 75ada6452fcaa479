/**
 * Sections 3–5 at one size: an index folder of recombined real passages; lexical and hybrid search in process
 * (with and without diacritics); then the folder served by a process of its own, as `npm start` would: time to
 * ready, resident memory at rest and under load, and HTTP latency and throughput from a load tool on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { queryTerms } from '../../src/core/lexical-terms.js';
import { fold } from '../../src/core/normalize.js';
import { search } from '../../src/search/search.js';
import { openIndex } from '../../src/store/open-index.js';
import type { BenchContext } from './context.js';
import { summarise, timeEach, type Summary } from './measure.js';
import { fmt, ms, say } from './report.js';
import { tableEmbedder } from './table-embedder.js';

export interface ScaleFigures {
  size: number;
  lexicalAlone: Summary;
  lexicalAccented: Summary;
  lexicalFolded: Summary;
  hybrid: Summary;
}

/** Development queries as typed, and the same with tones and marks removed. */
export function benchQueries(): { accented: string[]; folded: string[] } {
  const accented = readFileSync('test/eval/dev-queries.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { query: string }).query);
  return { accented, folded: accented.map((q) => fold(q.normalize('NFC'))) };
}

const diskMiB = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1048576;

/** In-process search latency on an opened folder. */
export async function benchInProcess(dir: string, size: number, buildSeconds: number, { quick }: BenchContext): Promise<ScaleFigures> {
  const { accented, folded } = benchQueries();
  const t0 = performance.now();
  const handle = openIndex(dir, { embedder: tableEmbedder(size) });
  const open = performance.now() - t0;
  const runs = quick ? 200 : 500;
  const all = [...accented, ...folded];
  const lexicalAlone = summarise(await timeEach((i) => handle.lexical.search(queryTerms(all[i % all.length]!), 50), runs));
  const lexicalAccented = summarise(await timeEach((i) => search(handle, accented[i % accented.length]!, { k: 10, mode: 'lexical' }), runs));
  const lexicalFolded = summarise(await timeEach((i) => search(handle, folded[i % folded.length]!, { k: 10, mode: 'lexical' }), runs));
  const hybrid = summarise(await timeEach((i) => search(handle, all[i % all.length]!, { k: 10, mode: 'hybrid' }), runs));
  handle.close();
  say(
    `| ${size.toLocaleString('en')} | ${buildSeconds.toFixed(0)} s | ${diskMiB(dir).toFixed(0)} MiB | ${ms(open)} ms | ${fmt(lexicalAlone)} | ${fmt(lexicalAccented)} | ${fmt(lexicalFolded)} | ${fmt(hybrid)} |`,
  );
  return { size, lexicalAlone, lexicalAccented, lexicalFolded, hybrid };
}

interface Served {
  child: ChildProcess;
  port: number;
  readyMs: number;
  rssMiB: number;
}

/** Starts the folder's server in its own process and waits for its ready line. */
export function serveFolder(dir: string, size: number | 'model'): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('scripts', 'bench', 'serve-index.ts'), dir, String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const { port, readyMs, rssMiB } = JSON.parse(line) as { port: number; readyMs: number; rssMiB: number };
      child.removeAllListeners('exit');
      resolve({ child, port, readyMs, rssMiB });
    });
  });
}

/** Resident and peak resident memory of a process, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

export interface HttpFigures {
  mode: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
}

export async function benchServed(dir: string, size: number, { quick }: BenchContext): Promise<{ readyMs: number; rest: number; peak: number; http: HttpFigures[] }> {
  const served = await serveFolder(dir, size);
  const rest = memoryOf(served.child.pid!).rss;
  const { accented, folded } = benchQueries();
  const all = [...accented, ...folded];
  const http: HttpFigures[] = [];
  for (const mode of ['lexical', 'hybrid'] as const) {
    for (const connections of [1, 8]) {
      let i = 0;
      const result = await autocannon({
        url: `http://127.0.0.1:${served.port}`,
        connections,
        duration: quick ? 5 : 15,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search?k=10&mode=${mode}&q=${encodeURIComponent(all[i++ % all.length]!)}` }) }],
      });
      http.push({ mode, connections, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    }
  }
  const { peak } = memoryOf(served.child.pid!);
  served.child.kill('SIGTERM');
  await new Promise((resolve) => served.child.once('exit', resolve));
  for (const h of http) say(`| ${size.toLocaleString('en')} | ${h.mode} | ${h.connections} | ${h.rps.toFixed(0)} | ${h.p50} ms | ${h.p99} ms |`);
  return { readyMs: served.readyMs, rest, peak, http };
}
