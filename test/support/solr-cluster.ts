/**
 * A real local SolrCloud cluster for tests: the launcher of engines/solr (MiniSolrCloudCluster: N Solr nodes and an
 * embedded ZooKeeper in one JVM, our configset uploaded) as a child process, driven by its stdin/stdout JSON lines.
 * Builds the launcher with Maven when its classes are missing or older than its sources. Java 17 and Maven must be
 * installed: without them this throws (tests fail, they do not skip).
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { afterAll } from 'vitest';

export const SOLR_ENGINE_DIR = resolve('engines/solr');
const LAUNCHER_CLASS = join(SOLR_ENGINE_DIR, 'target/classes/vndocsearch/solr/Launcher.class');
const LIB_DIR = join(SOLR_ENGINE_DIR, 'target/lib');

export interface SolrNode {
  index: number;
  url: string;
  running: boolean;
}

interface LauncherLine {
  event: 'ready' | 'ok' | 'error';
  command?: string;
  message?: string;
  zkHost: string;
  configName: string;
  nodes: SolrNode[];
  startMillis?: number;
}

export interface SolrCluster {
  zkHost: string;
  configName: string;
  nodes: SolrNode[];
  /** Base URLs of every node (running or not). */
  urls: string[];
  /** The launcher JVM's process id (every node and ZooKeeper live in it): for reading its memory in /proc. */
  pid: number;
  /** Milliseconds the launcher took from its start to ready (JVM start excluded). */
  startMillis: number;
  /** Stops node `index` and waits until ZooKeeper no longer lists it. */
  stopNode(index: number): Promise<void>;
  /** Starts node `index` again and waits until every replica it holds is active (caught up). */
  startNode(index: number): Promise<void>;
  /** Shuts the cluster down and waits for the JVM to exit. */
  close(): Promise<void>;
  /** The end of the launcher's log (Solr's warnings and errors); the whole log is in `logFile`. */
  stderr(): string;
  logFile: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `mvn package` in engines/solr unless its output is newer than pom.xml and src/ (the first build downloads Solr). */
export function buildLauncher(): void {
  const sourcesChanged = () => Math.max(statSync(join(SOLR_ENGINE_DIR, 'pom.xml')).mtimeMs, newestMtime(join(SOLR_ENGINE_DIR, 'src')));
  if (existsSync(LAUNCHER_CLASS) && existsSync(LIB_DIR) && statSync(LAUNCHER_CLASS).mtimeMs >= sourcesChanged()) return;
  const build = spawnSync('mvn', ['-B', '-q', 'package'], { cwd: SOLR_ENGINE_DIR, encoding: 'utf8' });
  if (build.error) throw new Error(`cannot run Maven (mvn) to build the Solr launcher: ${build.error.message}`);
  if (build.status !== 0) throw new Error(`Maven failed to build the Solr launcher:\n${build.stdout}\n${build.stderr}`);
}

/** Starts a cluster of `nodes` Solr nodes (JVM heap 1 GiB) and resolves when it is ready. */
export async function startSolrCluster(nodes = 3, timeoutMs = 180_000): Promise<SolrCluster> {
  buildLauncher();
  const classpath = `${join(SOLR_ENGINE_DIR, 'target/classes')}:${LIB_DIR}/*`;
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
    'java',
    ['-Xmx1g', '-XX:+UseSerialGC', '-cp', classpath, 'vndocsearch.solr.Launcher', '--nodes', String(nodes), '--configset', join(SOLR_ENGINE_DIR, 'configset')],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  const log = createWriteStream(join(tmpdir(), `vndocsearch-solr-${child.pid}.log`));
  child.stderr.on('data', (d: Buffer) => {
    log.write(d);
    stderr = (stderr + d.toString()).slice(-20_000);
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: { resolve: (line: LauncherLine) => void; reject: (err: Error) => void }[] = [];
  let ended: Error | null = null;
  const fail = (err: Error) => {
    ended = err;
    for (const w of waiting.splice(0)) w.reject(err);
  };
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    waiting.shift()?.resolve(JSON.parse(line) as LauncherLine);
  });
  child.on('error', (err) => fail(new Error(`cannot start java for the Solr launcher: ${err.message}`)));
  const exited = new Promise<void>((done) =>
    child.on('exit', (code, signal) => {
      fail(new Error(`the Solr launcher exited (code ${code}, signal ${signal}):\n${stderr.slice(-4000)}`));
      done();
    }),
  );
  const next = (ms: number): Promise<LauncherLine> =>
    new Promise((res, rej) => {
      if (ended) return rej(ended);
      const timer = setTimeout(() => rej(new Error(`the Solr launcher did not answer within ${ms / 1000} s:\n${stderr.slice(-4000)}`)), ms);
      waiting.push({
        resolve: (l) => {
          clearTimeout(timer);
          res(l);
        },
        reject: (e) => {
          clearTimeout(timer);
          rej(e);
        },
      });
    });
  let ready: LauncherLine;
  try {
    ready = await next(timeoutMs);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const cluster: SolrCluster = {
    zkHost: ready.zkHost,
    configName: ready.configName,
    nodes: ready.nodes,
    urls: ready.nodes.map((n) => n.url),
    pid: child.pid ?? 0,
    startMillis: ready.startMillis ?? 0,
    stderr: () => stderr,
    logFile: log.path as string,
    stopNode: (index) => command(`stop ${index}`),
    startNode: (index) => command(`start ${index}`),
    async close() {
      if (ended) return;
      child.stdin.end('quit\n');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
  async function command(text: string): Promise<void> {
    const answer = next(180_000);
    child.stdin.write(`${text}\n`);
    const line = await answer;
    if (line.event !== 'ok') throw new Error(`launcher: ${text}: ${line.message ?? line.event}`);
    cluster.nodes = line.nodes;
  }
  return cluster;
}

/**
 * The cluster of one test file: call at the top level of the file; the returned function starts a cluster of
 * `nodes` nodes on its first call (every suite of the file then gets the same one) and an `afterAll` of the file
 * closes it (registered first, so with vitest's default stacked hooks it runs after the file's other `afterAll`s,
 * which may still need the cluster to drop their collections). Never shared between files: each test file runs in
 * its own process (vitest pool 'forks'), so a file that stops and starts nodes for fault tests cannot disturb another
 * file's suites. Within a file, suites share the cluster and run one after another; a fault test must start again
 * every node it stops.
 */
export function sharedCluster(nodes = 3): () => Promise<SolrCluster> {
  let started: Promise<SolrCluster> | null = null;
  afterAll(async () => {
    await (await started?.catch(() => null))?.close();
  }, 120_000);
  return () => {
    started ??= startSolrCluster(nodes);
    return started;
  };
}
