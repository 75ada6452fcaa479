/**
 * The write API of the app (src/serve/app.ts, src/serve/engine-write-routes.ts) as one scenario every engine passes: uploads
 * with their checks, jobs kept in a job store across a restart, deletions with API keys. Run over the embedded engine
 * (test/serve/engine-writes.test.ts) and over SolrCloud (test/serve/solr-writes.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { IngestJobs } from '../../src/serve/ingest-jobs.js';
import { engineTarget } from '../../src/serve/ingest-target.js';
import type { SearchEngine } from '../../src/store/engine.js';
import { JobStore } from '../../src/store/job-store.js';
import { tempDir } from '../support/fixtures.js';
import { bearer, call, upload, waitForJob } from '../support/http.js';

export const KEY = 'engine-writes-key';
export const NOTE = 'Thông báo của Chi bộ\n\nChi bộ Văn phòng tổ chức sinh hoạt chuyên đề về chuyển đổi số trong công tác đảng vào ngày 15 hằng tháng.';
const OTHER = 'Thông báo của Đoàn thanh niên\n\nĐoàn thanh niên phường tổ chức ngày hội hiến máu tình nguyện vào sáng Chủ nhật tuần tới.';

export interface EngineApiServer {
  base: string;
  close(): Promise<void>;
}

/** The app over `engine` on a loopback port, its jobs kept in `jobs`. */
export async function serveEngine(engine: SearchEngine, jobs: IngestJobs): Promise<EngineApiServer> {
  const { app } = createApp(engine, null, { apiKeys: [KEY], searchesPerMinute: 0, jobs });
  const server: Server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const post = (files: { name: string; bytes: Uint8Array | string }[], headers: Record<string, string> = bearer(KEY)): RequestInit => ({
  method: 'POST',
  headers,
  body: upload(files),
});

const searchSources = async (base: string, q: string): Promise<string[]> =>
  (await call(base, `/api/search?q=${encodeURIComponent(q)}&k=20`)).body.results.map((r: { document: { source: string } }) => r.document.source);

export function engineWritesContract(name: string, make: () => Promise<{ engine: SearchEngine; cleanup(): Promise<void> }>): void {
  describe(`engine write API: ${name}`, () => {
    let engine: SearchEngine;
    let cleanup: () => Promise<void>;
    const work = tempDir();
    let store: JobStore;
    let server: EngineApiServer;
    beforeAll(async () => {
      ({ engine, cleanup } = await make());
      store = new JobStore(join(work.dir, 'jobs.sqlite'));
      server = await serveEngine(engine, new IngestJobs(engineTarget(engine, null, store)));
    }, 600_000);
    afterAll(async () => {
      await server?.close();
      store?.close();
      await cleanup?.();
      work.cleanup();
    });

    it('queues uploads as a job, stores them through the engine and makes them searchable', async () => {
      const r = await call(server.base, '/api/documents', post([{ name: 'chuyển-đổi-số.txt', bytes: NOTE }, { name: 'hiến-máu.txt', bytes: OTHER }]));
      expect(r.status).toBe(202);
      expect(r.body.job.files.map((f: { name: string }) => f.name)).toEqual(['chuyển-đổi-số.txt', 'hiến-máu.txt']);
      const done = await waitForJob(server.base, r.body.job.id);
      expect(done.body.job).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
      expect(done.body.job.files.map((f: { outcome: string }) => f.outcome)).toEqual(['added', 'added']);
      expect(done.body.job.files.every((f: { passages: number }) => f.passages > 0)).toBe(true);
      expect(await engine.counts()).toMatchObject({ documents: 2 });
      expect(await searchSources(server.base, 'chuyen doi so trong cong tac dang')).toContain('uploads/chuyển-đổi-số.txt');
      // Facets count every matching document: the two notes both hold `tổ chức`, one of them `chuyển đổi số`.
      const facets = async (q: string) => (await call(server.base, `/api/search?q=${encodeURIComponent(q)}&facets=kind,year`)).body.facets;
      const count = (f: { kind: { count: number }[] }) => f.kind.reduce((n, c) => n + c.count, 0);
      const [both, one] = [await facets('tổ chức'), await facets('"chuyển đổi số"')];
      expect(Object.keys(both)).toEqual(['kind', 'year']);
      expect(count(one)).toBeLessThan(count(both));
    });

    it('answers a re-upload as unchanged, the same text under another name as linked, and a changed file as updated', async () => {
      const again = await waitForJob(server.base, (await call(server.base, '/api/documents', post([{ name: 'chuyển-đổi-số.txt', bytes: NOTE }]))).body.job.id);
      expect(again.body.job.files[0].outcome).toBe('unchanged');
      const copy = await waitForJob(server.base, (await call(server.base, '/api/documents', post([{ name: 'ban-sao.txt', bytes: NOTE }]))).body.job.id);
      expect(copy.body.job.files[0].outcome).toBe('linked');
      const changed = `${OTHER}\n\nBan tổ chức đề nghị đoàn viên đăng ký trước thứ Sáu.`;
      const updated = await waitForJob(server.base, (await call(server.base, '/api/documents', post([{ name: 'hiến-máu.txt', bytes: changed }]))).body.job.id);
      expect(updated.body.job.files[0]).toMatchObject({ status: 'done', outcome: 'updated' });
      expect(await engine.counts()).toMatchObject({ documents: 2 });
      expect(await searchSources(server.base, 'dang ky truoc thu sau')).toContain('uploads/hiến-máu.txt');
    });

    it('refuses a request with one bad file (4xx), and the collection is left as it was', async () => {
      const before = await engine.counts();
      const cases: [RequestInit, number, string][] = [
        [post([{ name: 'tot.txt', bytes: `${NOTE} Tốt.` }, { name: 'rong.txt', bytes: '' }]), 422, 'empty_file'],
        [post([{ name: '../evil.txt', bytes: NOTE }]), 400, 'invalid_filename'],
        [post([{ name: 'a.txt', bytes: 'x' }, { name: 'a.txt', bytes: 'y' }]), 400, 'duplicate_filename'],
        [post([{ name: 'to.txt', bytes: new Uint8Array(50 * 1024 * 1024 + 1) }]), 413, 'too_large'],
        [{ method: 'POST', headers: { ...bearer(KEY), 'content-type': 'application/json' }, body: '{}' }, 415, 'not_multipart'],
        [post([{ name: 'a.txt', bytes: NOTE }], {}), 401, 'unauthorized'],
        [post([{ name: 'a.txt', bytes: NOTE }], bearer('wrong')), 401, 'unauthorized'],
      ];
      for (const [init, status, code] of cases) {
        const r = await call(server.base, '/api/documents', init);
        expect([r.status, r.body.error?.code]).toEqual([status, code]);
      }
      expect(await engine.counts()).toEqual(before);
    });

    it('deletes a document with a key, and answers 404 for one it does not hold', async () => {
      const hits = (await call(server.base, `/api/search?q=${encodeURIComponent('hiến máu tình nguyện')}&k=1`)).body.results;
      const target = hits[0].document.id as string;
      expect((await call(server.base, `/api/documents/${target}`, { method: 'DELETE' })).status).toBe(401);
      const r = await call(server.base, `/api/documents/${target}`, { method: 'DELETE', headers: bearer(KEY) });
      expect(r.status).toBe(200);
      expect(r.body.removed).toMatchObject({ documentId: target });
      expect(r.body.removed.passages).toBeGreaterThan(0);
      expect(await searchSources(server.base, 'hien mau tinh nguyen')).not.toContain('uploads/hiến-máu.txt');
      expect(await engine.counts()).toMatchObject({ documents: 1 });
      const again = await call(server.base, `/api/documents/${target}`, { method: 'DELETE', headers: bearer(KEY) });
      expect([again.status, again.body.error.code]).toEqual([404, 'document_not_found']);
    });

    it('answers for a job after a restart (the job store), and 404 for a job it never had', async () => {
      const r = await call(server.base, '/api/documents', post([{ name: 'them.txt', bytes: `${OTHER} Thêm.` }]));
      await waitForJob(server.base, r.body.job.id);
      const restarted = await serveEngine(engine, new IngestJobs(engineTarget(engine, null, store)));
      try {
        const job = await call(restarted.base, `/api/jobs/${r.body.job.id}`);
        expect(job.body.job).toMatchObject({ id: r.body.job.id, status: 'done' });
        const missing = await call(restarted.base, '/api/jobs/no-such-job');
        expect([missing.status, missing.body.error.code]).toEqual([404, 'job_not_found']);
      } finally {
        await restarted.close();
      }
    });
  });
}
