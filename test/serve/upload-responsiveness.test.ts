/**
 * The server keeps answering while an upload is embedded (README: searches go on being served during uploads), with
 * the real multilingual-e5-small and a real `npm start` process on loopback. Before passages were embedded on a
 * worker thread (src/embed/threaded-embedder.ts), onnxruntime's synchronous inference held the event loop: health
 * took 11–19 s and a lexical search 12–18 s during such a job. The bound here is generous (2 s): correctness, not a
 * benchmark. Then SIGTERM stops the server, thread included, with exit code 0.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bearer, call, upload } from '../support/http.js';
import { CORPUS_DIR, SEED, SHARED_DIR, tempDir } from '../support/fixtures.js';
import { nodeCommand, startServing } from '../support/processes.js';

const MODELS_ROOT = resolve(process.env.REAL_MODEL_DIR ?? 'models');
const BOUND_MS = 2000;

/** About 1,000 lines of real Vietnamese articles: one text file whose passages take the model tens of seconds. */
function largeText(): string {
  const dir = join(SHARED_DIR, 'corpus', 'party-web-articles');
  const lines: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length >= 1000) break;
  }
  return lines.join('\n');
}

async function timed(base: string, path: string): Promise<number> {
  const started = performance.now();
  const r = await call(base, path);
  expect(r.status).toBe(200);
  return performance.now() - started;
}

const work = tempDir();
afterAll(() => work.cleanup());

describe('the server while an upload is embedded (real model)', () => {
  it('answers health, lexical and hybrid searches within 2 s, and stops cleanly after', async () => {
    const corpus = join(work.dir, 'corpus');
    mkdirSync(corpus);
    copyFileSync(join(CORPUS_DIR, `${SEED.banCanSu}.txt`), join(corpus, `${SEED.banCanSu}.txt`));
    const server = await startServing(...nodeCommand('serve-command.ts', []), {
      INDEX_DIR: join(work.dir, 'index'),
      CORPUS_DIR: corpus,
      MODEL_DIR: MODELS_ROOT,
      API_KEYS: 'k9',
      PORT: '0',
      HOST: '127.0.0.1',
      LEXICAL_THREADS: '1',
      SEARCH_RATE_LIMIT: '0',
    });
    try {
      expect(server.stderr()).toMatch(/passages embedded on a worker thread/);
      const base = `http://127.0.0.1:${server.port}`;
      const res = await fetch(`${base}/api/documents`, { method: 'POST', headers: bearer('k9'), body: upload([{ name: 'big.txt', bytes: largeText() }]) });
      expect(res.status).toBe(202);
      const { job } = (await res.json()) as { job: { id: string } };
      const worst = { health: 0, lexical: 0, hybrid: 0, jobs: 0 };
      let polls = 0;
      let finished: { status: string; files: { passages: number }[] } | null = null;
      while (!finished) {
        const started = performance.now();
        const state = await call(base, `/api/jobs/${job.id}`);
        worst.jobs = Math.max(worst.jobs, performance.now() - started);
        if (state.body.job.finishedAt) {
          finished = state.body.job;
          break;
        }
        worst.health = Math.max(worst.health, await timed(base, '/api/health'));
        worst.lexical = Math.max(worst.lexical, await timed(base, `/api/search?q=${encodeURIComponent('sinh hoạt chi bộ')}&mode=lexical`));
        worst.hybrid = Math.max(worst.hybrid, await timed(base, `/api/search?q=${encodeURIComponent('công tác cán bộ')}&mode=hybrid`));
        polls++;
        await new Promise((r) => setTimeout(r, 200));
      }
      console.log(`during the job (${polls} polls): worst health ${worst.health.toFixed(0)} ms, lexical ${worst.lexical.toFixed(0)} ms, hybrid ${worst.hybrid.toFixed(0)} ms, job state ${worst.jobs.toFixed(0)} ms`);
      expect(finished?.status).toBe('done');
      expect(finished?.files[0]?.passages).toBeGreaterThan(30);
      // The job ran long enough to be polled while it ran.
      expect(polls).toBeGreaterThanOrEqual(3);
      for (const ms of Object.values(worst)) expect(ms).toBeLessThan(BOUND_MS);
      const health = await call(base, '/api/health');
      expect(health.body.mode).toBe('hybrid');
    } finally {
      server.child.kill('SIGTERM');
    }
    const exit = await Promise.race([server.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toMatch(/index saved and closed/);
  }, 600_000);
});
