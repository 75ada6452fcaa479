/**
 * Upload jobs survive a restart (issue 14, item 6), with real processes: a finished job is still answered for after
 * the server is killed and started again, and a job a crash interrupted is reported failed with the reason.
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, SHARED_DIR, tempDir } from '../support/fixtures.js';
import { nodeCommand, runCli, startServing, type ServerProcess } from '../support/processes.js';

const ARTICLES = join(SHARED_DIR, 'corpus', 'party-web-articles');

let work: ReturnType<typeof tempDir>;
let index: string;
let env: Record<string, string>;
beforeAll(async () => {
  work = tempDir();
  const base = join(work.dir, 'base');
  const noModel = { MODEL_DIR: join(work.dir, 'no-models') };
  expect((await runCli('ingest-command.ts', [CORPUS_DIR, '--index', base], noModel)).code).toBe(0);
  index = join(work.dir, 'served');
  cpSync(base, index, { recursive: true });
  env = { ...noModel, INDEX_DIR: index, PORT: '0', HOST: '127.0.0.1', API_KEYS: 'secret-key', LEXICAL_THREADS: '0' };
}, 120_000);
afterAll(() => work.cleanup());

type Job = { id: string; status: string; progress: { done: number; total: number }; error?: { code: string }; files: { status: string; error: { code: string } | null }[] };

const start = (): Promise<ServerProcess> => startServing(...nodeCommand('serve-command.ts', []), env);
const jobOf = async (server: ServerProcess, id: string): Promise<{ status: number; job: Job }> => {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/jobs/${id}`);
  return { status: res.status, job: ((await res.json()) as { job: Job }).job };
};

async function upload(server: ServerProcess, names: string[]): Promise<string> {
  const form = new FormData();
  for (const name of names) form.append('file', new Blob([readFileSync(join(ARTICLES, name))]), name);
  const res = await fetch(`http://127.0.0.1:${server.port}/api/documents`, { method: 'POST', body: form, headers: { authorization: 'Bearer secret-key' } });
  expect(res.status).toBe(202);
  return ((await res.json()) as { job: { id: string } }).job.id;
}

async function kill(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

describe('upload jobs across a crash', () => {
  it('a finished job is answered for after a restart, and one the crash interrupted is failed with the reason', async () => {
    const byName = readdirSync(ARTICLES).sort();
    // The 20 largest articles: slow enough to kill the server halfway through.
    const large = [...byName].sort((a, b) => statSync(join(ARTICLES, b)).size - statSync(join(ARTICLES, a)).size).slice(0, 20);
    let server = await start();
    const small = await upload(server, byName.slice(0, 2));
    for (let i = 0; i < 100 && (await jobOf(server, small)).job.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await jobOf(server, small)).job.status).toBe('done');
    const big = await upload(server, large);
    // Crash while the big job is part-way (at least one file stored, some left).
    for (;;) {
      const { job } = await jobOf(server, big);
      expect(job.status === 'done').toBe(false);
      if (job.progress.done >= 1) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await kill(server);

    server = await start();
    try {
      const finished = await jobOf(server, small);
      expect(finished.status).toBe(200);
      expect(finished.job).toMatchObject({ id: small, status: 'done', progress: { done: 2, total: 2 } });
      const interrupted = await jobOf(server, big);
      expect(interrupted.status).toBe(200);
      expect(interrupted.job.status).toBe('failed');
      expect(interrupted.job.error?.code).toBe('interrupted');
      const codes = interrupted.job.files.map((f) => (f.status === 'done' ? 'done' : f.error?.code));
      expect(codes[0]).toBe('done');
      expect(codes).toContain('interrupted');
      expect(new Set(codes)).toEqual(new Set(['done', 'interrupted']));
      expect((await fetch(`http://127.0.0.1:${server.port}/api/jobs/no-such-job`)).status).toBe(404);
    } finally {
      await kill(server);
    }
  }, 120_000);
});
