import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIndex } from '../../src/store/check-index.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { bearer, call, startServer, upload, waitForJob, type TestServer } from '../support/http.js';

const KEY = 'test-key-1234';
const page = readFileSync(new URL('../fixtures/news-article.html', import.meta.url));
const note = 'Thông báo của Chi bộ\n\nChi bộ Văn phòng tổ chức sinh hoạt chuyên đề về chuyển đổi số trong công tác đảng vào ngày 15 hằng tháng.';

let index: CorpusIndex;
let server: TestServer;
beforeAll(async () => {
  index = await buildCorpusIndex();
  server = await startServer(index.handle, { apiKeys: ['other-key', KEY] });
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

describe('uploads', () => {
  it('accepts files with a key, runs a job, and makes them searchable', async () => {
    const r = await call(server.base, '/api/documents', {
      method: 'POST',
      headers: bearer(KEY),
      body: upload([
        { name: 'chuyển-đổi-số.txt', bytes: note },
        { name: 'gò-công-tây.html', bytes: page },
      ]),
    });
    expect(r.status).toBe(202);
    expect(r.body.job.files.map((f: { name: string }) => f.name)).toEqual(['chuyển-đổi-số.txt', 'gò-công-tây.html']);
    const done = await waitForJob(server.base, r.body.job.id);
    expect(done.body.job).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
    // The HTML page holds the same article as a bundled text file but different stored text: a new document.
    expect(done.body.job.files.map((f: { outcome: string }) => f.outcome)).toEqual(['added', 'added']);
    const hit = await call(server.base, `/api/search?q=${encodeURIComponent('chuyen doi so trong cong tac dang')}&k=1`);
    expect(hit.body.results[0].document.source).toBe('uploads/chuyển-đổi-số.txt');
  });

  it('answers a re-upload of the same file as unchanged', async () => {
    const r = await call(server.base, '/api/documents', { method: 'POST', headers: bearer(KEY), body: upload([{ name: 'chuyển-đổi-số.txt', bytes: note }]) });
    const done = await waitForJob(server.base, r.body.job.id);
    expect(done.body.job.files[0].outcome).toBe('unchanged');
  });

  it('keeps serving searches while a job runs', async () => {
    const r = await call(server.base, '/api/documents', {
      method: 'POST',
      headers: bearer(KEY),
      body: upload([{ name: 'dai.txt', bytes: `${note}\n\n${'Nội dung bổ sung về công tác kiểm tra của cấp ủy. '.repeat(400)}` }]),
    });
    const searches = await Promise.all(Array.from({ length: 5 }, () => call(server.base, '/api/search?q=chi%20bo&k=3')));
    for (const s of searches) expect(s.status).toBe(200);
    await waitForJob(server.base, r.body.job.id);
  });
});

describe('deletion', () => {
  it('removes a document everywhere and leaves a consistent index', async () => {
    const list = (await call(server.base, '/api/documents')).body.documents;
    const target = list.find((d: { sources: string[] }) => d.sources.includes('uploads/chuyển-đổi-số.txt'));
    const before = index.handle.store.counts();
    const r = await call(server.base, `/api/documents/${target.id}`, { method: 'DELETE', headers: bearer(KEY) });
    expect(r.status).toBe(200);
    expect(r.body.removed).toMatchObject({ documentId: target.id });
    expect((await call(server.base, `/api/documents/${target.id}`)).status).toBe(404);
    const after = index.handle.store.counts();
    expect(after.documents).toBe(before.documents - 1);
    expect(after.vectors).toBe(after.passages);
    const hit = await call(server.base, `/api/search?q=${encodeURIComponent('chuyen doi so trong cong tac dang')}&k=50`);
    expect(hit.body.results.some((x: { document: { id: string } }) => x.document.id === target.id)).toBe(false);
    expect(checkIndex(index.dir)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('API keys', () => {
  it('refuses writes without a valid key', async () => {
    const noKey = await call(server.base, '/api/documents', { method: 'POST', body: upload([{ name: 'a.txt', bytes: note }]) });
    expect(noKey).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const wrong = await call(server.base, '/api/documents/x', { method: 'DELETE', headers: bearer('nope') });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it('turns writing off when no key is configured, reads stay open', async () => {
    const closed = await startServer(index.handle, { apiKeys: [] });
    try {
      const r = await call(closed.base, '/api/documents', { method: 'POST', headers: bearer(KEY), body: upload([{ name: 'a.txt', bytes: note }]) });
      expect(r).toMatchObject({ status: 403, body: { error: { code: 'writes_disabled' } } });
      expect((await call(closed.base, '/api/search?q=chi%20bo')).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe('service hygiene', () => {
  it('limits the rate of searches per client', async () => {
    const limited = await startServer(index.handle, { searchesPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await call(limited.base, '/api/search?q=chi%20bo')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await call(limited.base, '/api/search?q=chi%20bo')).body.error.code).toBe('too_many_requests');
    } finally {
      await limited.close();
    }
  });

  it('sends no CORS headers and no stack traces', async () => {
    const res = await fetch(`${server.base}/api/search?q=x&k=zz`, { headers: { origin: 'http://elsewhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('logs one line per request with its latency', async () => {
    const lines: string[] = [];
    const logged = await startServer(index.handle, { log: (l) => lines.push(l) });
    try {
      await call(logged.base, '/api/health');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(JSON.parse(lines[0]!)).toMatchObject({ method: 'GET', path: '/api/health', status: 200, ms: expect.any(Number) });
    } finally {
      await logged.close();
    }
  });

  it('reports readiness, model and size', async () => {
    const r = await call(server.base, '/api/health');
    expect(r.body).toMatchObject({ status: 'ok', ready: true, mode: 'hybrid', jobs: { queued: 0, running: 0 } });
  });
});
