/**
 * Heavy and hostile uploads through the real server: each file is read in the parse process, so searches are
 * answered meanwhile, and a file over a bound gets a clear 4xx while the index stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { bearer, call, startServer, upload, type TestServer } from '../support/http.js';

const KEY = 'test-key-1234';
let index: CorpusIndex;
let server: TestServer;
beforeAll(async () => {
  index = await buildCorpusIndex(false);
  server = await startServer(index.handle, { apiKeys: [KEY] });
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

const post = (name: string, bytes: Uint8Array | string) => call(server.base, '/api/documents', { method: 'POST', headers: bearer(KEY), body: upload([{ name, bytes }]) });

/** Distinct paragraphs of about 90 words: `count` of them make about `count` passages. */
function manyParagraphs(count: number): string {
  const words = ['cán bộ', 'đảng viên', 'chi bộ', 'công tác', 'kiểm tra', 'giám sát', 'nghị quyết', 'thực hiện', 'nhiệm vụ', 'tổ chức'];
  return Array.from({ length: count }, (_, i) => `Đoạn ${i + 1}. ${Array.from({ length: 90 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ')}.`).join('\n\n');
}

describe('heavy uploads', () => {
  it('answers searches while a heavy file is read, then refuses it with too_many_passages and changes nothing', async () => {
    const before = index.handle.store.counts();
    const text = manyParagraphs(11_000);
    const started = performance.now();
    let finished = 0;
    const pending = post('nhieu-doan.txt', text).then((r) => {
      finished = performance.now();
      return r;
    });
    const latencies: number[] = [];
    while (finished === 0) {
      const t = performance.now();
      const sentWhileReading = finished === 0;
      const r = await call(server.base, `/api/search?q=${encodeURIComponent('chi bộ')}&k=3`);
      expect(r.status).toBe(200);
      if (sentWhileReading) latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const reply = await pending;
    const took = finished - started;
    console.log(`heavy upload read in ${Math.round(took)} ms; ${latencies.length} searches meanwhile, slowest ${Math.round(Math.max(...latencies))} ms`);
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('too_many_passages');
    expect(reply.body.error.message).toMatch(/limit is 10,000/);
    // The reading took seconds; every search sent meanwhile was answered in a small part of it.
    expect(took).toBeGreaterThan(2000);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(Math.min(1500, took / 3));
    expect(index.handle.store.counts()).toEqual(before);
  }, 240_000);

  it('refuses an HTML page nested 100,000 levels (1.1 MB) with too_deep, at once', async () => {
    const before = index.handle.store.counts();
    const deep = `<html><body>${'<div>'.repeat(100_000)}chữ${'</div>'.repeat(100_000)}</body></html>`;
    const started = performance.now();
    const r = await post('sau.html', deep);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'too_deep' });
    expect(r.body.error.message).toMatch(/sau\.html: the HTML nests elements over 2,000 levels/);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(index.handle.store.counts()).toEqual(before);
  }, 60_000);

  it('refuses a 49 MB text of one line with line_too_long', async () => {
    const before = index.handle.store.counts();
    const line = 'chi bộ '.repeat(5_400_000);
    const r = await post('mot-dong.txt', line);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'line_too_long' });
    expect(r.body.error.message).toMatch(/line 1 is 37,800,000 characters long; the limit is 100,000/);
    expect(index.handle.store.counts()).toEqual(before);
    // The server still answers.
    expect((await call(server.base, '/api/search?q=chi%20bo&k=1')).status).toBe(200);
  }, 120_000);

  it('still ingests a normal page', async () => {
    const r = await post('thong-bao.txt', `Thông báo của Chi bộ\n\n${manyParagraphs(3)}`);
    expect(r.status).toBe(202);
  });
});
