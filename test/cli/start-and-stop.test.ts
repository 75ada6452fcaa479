/**
 * Starting and stopping the server (issue 14, item 5), with real processes: a start that fails (port taken, full
 * disk, a model folder that cannot be loaded) exits non-zero instead of hanging, and `npm start` forwards signals to
 * the one process that owns the port, so stopping npm leaves no server behind.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TINY_MODEL_ID } from '../support/tiny-model.js';
import { CORPUS_DIR, tempDir, tinyModelEnv } from '../support/fixtures.js';
import { fillDisk, onTmpfs, quote, run, runCli, shellCommand, startServing } from '../support/processes.js';

let work: ReturnType<typeof tempDir>;
let base: string;
let lexicalOnly: Record<string, string>;
beforeAll(async () => {
  work = tempDir();
  base = join(work.dir, 'base');
  lexicalOnly = { MODEL_DIR: join(work.dir, 'no-models'), HOST: '127.0.0.1', LEXICAL_THREADS: '1' };
  const r = await runCli('ingest-command.ts', [CORPUS_DIR, '--index', base], { MODEL_DIR: lexicalOnly.MODEL_DIR! });
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => work.cleanup());

const copyOfBase = (name: string): string => {
  const dir = join(work.dir, name);
  cpSync(base, dir, { recursive: true });
  return dir;
};

/** Runs the server command, killing it if it has not exited within `ms` (a hang is a failure). */
async function startExpectingExit(env: Record<string, string>, ms = 30_000) {
  const pending = runCli('serve-command.ts', [], env);
  const timer = new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms));
  return Promise.race([pending, timer]);
}

describe('a start that fails exits non-zero', () => {
  it('when the port is taken, with an index ready', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await startExpectingExit({ ...lexicalOnly, INDEX_DIR: copyOfBase('port'), PORT: String(port) });
      expect(r).not.toBe('hung');
      if (r === 'hung') return;
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^error: port ${port} on 127\\.0\\.0\\.1 is already in use \\(EADDRINUSE\\)`, 'm'));
    } finally {
      taken.close();
    }
  }, 60_000);

  it('when the port is taken, at once: before an empty index is filled with the corpus', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    const fresh = join(work.dir, 'port-fresh');
    try {
      const r = await startExpectingExit({ ...lexicalOnly, INDEX_DIR: fresh, CORPUS_DIR, PORT: String(port) }, 20_000);
      expect(r).not.toBe('hung');
      if (r === 'hung') return;
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: port \d+ on 127\.0\.0\.1 is already in use \(EADDRINUSE\): stop the process listening there, or choose another PORT$/m);
      expect(r.stderr).not.toMatch(/ingesting/);
      expect(existsSync(fresh)).toBe(false);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('when the model folder cannot be loaded', async () => {
    const models = join(work.dir, 'broken-models');
    cpSync(inject('modelRoot'), models, { recursive: true });
    const onnx = join(models, TINY_MODEL_ID, 'onnx');
    for (const f of readdirSync(onnx)) writeFileSync(join(onnx, f), 'not an onnx model');
    const r = await startExpectingExit({ ...tinyModelEnv(), MODEL_DIR: models, HOST: '127.0.0.1', INDEX_DIR: copyOfBase('model'), PORT: '0' });
    expect(r).not.toBe('hung');
    if (r === 'hung') return;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: the model at .* could not be loaded: .*Fix: `npm run model:fetch` installs it again.*set MODEL_DIR to a folder without this model/);
  }, 60_000);

  it('when an API key holds a space (it could never match), naming the key by position only', async () => {
    const r = await startExpectingExit({ ...lexicalOnly, INDEX_DIR: copyOfBase('keys'), PORT: '0', API_KEYS: 'good-key-1,secret half' });
    expect(r).not.toBe('hung');
    if (r === 'hung') return;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: API_KEYS: key 2 of 2 holds a space, so no "Authorization: Bearer <key>" header can ever match it/);
    expect(r.stderr).not.toContain('secret half');
  }, 60_000);

  it('when the disk is full', async () => {
    const mnt = join(work.dir, 'mnt');
    mkdirSync(mnt);
    const index = join(mnt, 'index');
    const script = `cp -a ${quote(base)} ${quote(index)} && ${fillDisk(mnt, 0)} && exec timeout 30 ${shellCommand('serve-command.ts', [])}`;
    const r = await onTmpfs(mnt, 4096, script, { ...lexicalOnly, INDEX_DIR: index, PORT: '0' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/error: the disk is full/);
  }, 60_000);
});

describe('npm start', () => {
  it('runs the server as the process npm signals: SIGTERM to npm stops it and frees the port', async () => {
    const env = { ...lexicalOnly, INDEX_DIR: copyOfBase('npm'), PORT: '0' };
    const npm = await startServing('npm', ['start', '--silent'], env);
    const url = `http://127.0.0.1:${npm.port}/api/health`;
    expect((await fetch(url)).status).toBe(200);
    // The server is npm's own child (no tsx or shell in between).
    const children = await run('pgrep', ['-P', String(npm.child.pid)]);
    const pids = children.stdout.trim().split('\n');
    expect(pids).toHaveLength(1);
    const tree = await run('ps', ['-o', 'args=', '-p', pids[0]!]);
    expect(tree.stdout).toMatch(/^node --import tsx .*serve-command\.ts/);
    npm.child.kill('SIGTERM');
    await npm.exited;
    // The server shuts down gracefully and nothing is left holding the port.
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      try {
        await fetch(url);
        await new Promise((r) => setTimeout(r, 200));
      } catch {
        refused = true;
      }
    }
    expect(refused).toBe(true);
    expect((await run('ps', ['-p', pids[0]!])).code).toBe(1);
    expect(npm.stderr()).toMatch(/index saved and closed/);
  }, 60_000);
});
