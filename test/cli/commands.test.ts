import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, SEED, tempDir, tinyModelEnv } from '../support/fixtures.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Commands run as one process (node with tsx's loader), so signals reach the process doing the work. */
const node = (script: string, args: string[]) => [process.execPath, ['--import', 'tsx', join('src', 'cli', script), ...args]] as const;

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    const [cmd, argv] = node(script, args);
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let work: ReturnType<typeof tempDir>;
beforeAll(() => {
  work = tempDir();
});
afterAll(() => work.cleanup());

describe('ingest and search commands with the test model', () => {
  const indexArgs = () => ['--index', join(work.dir, 'with-model')];

  it('ingests the corpus and reports a summary', async () => {
    const r = await run('ingest-command.ts', [CORPUS_DIR, ...indexArgs()], tinyModelEnv());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/model test\/tiny-vi-embedder/);
    expect(r.stderr).toMatch(/added 5, updated 0, unchanged 0/);
    const again = await run('ingest-command.ts', [CORPUS_DIR, ...indexArgs()], tinyModelEnv());
    expect(again.stderr).toMatch(/added 0, updated 0, unchanged 5/);
  });

  it('prints only the API object on stdout with --json', async () => {
    const r = await run('search-command.ts', ['sinh hoạt chi bộ', '--k', '3', '--json', ...indexArgs()], tinyModelEnv());
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.mode).toBe('hybrid');
    expect(body.results).toHaveLength(3);
    expect(body.results[0].document.source).toContain(SEED.tccsd);
    expect(body.answer.text).toMatch(/\[1\]/);
  });

  it('prints a readable list without --json', async () => {
    const r = await run('search-command.ts', ['go cong tay', ...indexArgs()], tinyModelEnv());
    expect(r.stdout).toMatch(/^\[1\] Nâng cao chất lượng lãnh đạo của Đảng bộ xã, thị trấn ở huyện Gò Công Tây/m);
  });

  it('explains usage errors with exit code 2', async () => {
    const r = await run('search-command.ts', [...indexArgs()], tinyModelEnv());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: npm run search/);
    const bad = await run('search-command.ts', ['x', '--k', 'lots', ...indexArgs()], tinyModelEnv());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"k" must be a whole number/);
  });

  it('checks an index folder and reports what it found as JSON', async () => {
    const r = await run('check-command.ts', ['--json', ...indexArgs()], {});
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, documents: 5, problems: [] });
    expect(report.vectors).toBe(report.passages);
    const missing = await run('check-command.ts', ['--json', '--index', join(work.dir, 'nowhere')], {});
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).ok).toBe(false);
  });

  it('deletes a document by path and rebuilds derived indexes without a model', async () => {
    const del = await run('ingest-command.ts', ['--delete', join(CORPUS_DIR, `${SEED.banDanToc}.txt`), ...indexArgs()], tinyModelEnv());
    expect(del.code).toBe(0);
    expect(del.stderr).toMatch(/removed document \w+ \(\d+ passages\)/);
    const gone = await run('ingest-command.ts', ['--delete', 'no-such-id', ...indexArgs()], tinyModelEnv());
    expect(gone.code).toBe(1);
    const rebuilt = await run('rebuild-command.ts', [...indexArgs()], {});
    expect(rebuilt.stderr).toMatch(/rebuilt the lexical index of \d+ passages and the vector index of \d+ vectors/);
    const report = JSON.parse((await run('check-command.ts', ['--json', ...indexArgs()], {})).stdout);
    expect(report).toMatchObject({ ok: true, documents: 4 });
  });

  it('exits 1 and lists the files that failed', async () => {
    const r = await run('ingest-command.ts', [join(work.dir, 'nope.txt'), ...indexArgs()], tinyModelEnv());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Failed files:[\s\S]*nope\.txt\s+not_found/);
  });
});

describe('npm start on a fresh index without a model', () => {
  it('ingests the bundled corpus, says it is lexical-only, and serves cited passages', async () => {
    const env = { INDEX_DIR: join(work.dir, 'served'), PORT: '0', HOST: '127.0.0.1', MODEL_DIR: join(work.dir, 'no-models') };
    const [cmd, argv] = node('serve-command.ts', []);
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stderr = '';
      const port = await new Promise<number>((ready, fail) => {
        child.stderr.on('data', (d: Buffer) => {
          stderr += d;
          const m = /on http:\/\/localhost:(\d+)/.exec(stderr);
          if (m) ready(Number(m[1]));
        });
        child.on('exit', () => fail(new Error(stderr)));
      });
      expect(stderr).toMatch(/lexical-only mode: .*npm run model:fetch/);
      expect(stderr).toMatch(/added 5/);
      const res = await fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent('sinh hoạt chi bộ')}`);
      const body = (await res.json()) as { mode: string; answer: unknown; results: { document: { source: string } }[] };
      expect(body.mode).toBe('lexical');
      expect(body.answer).not.toBeNull();
      expect(body.results[0]!.document.source).toBe(`corpus/${SEED.tccsd}.txt`);
      const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { mode: string; model: unknown };
      expect(health).toMatchObject({ mode: 'lexical', model: null });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
