import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedApp } from '../../src/serve/embedded-app.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { SEED } from '../support/fixtures.js';

let index: CorpusIndex;
let server: Server;
let base: string;

beforeAll(async () => {
  index = await buildCorpusIndex();
  server = createEmbeddedApp(index.handle).app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  index.handle.close();
  index.cleanup();
});

const get = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, any> };
};

describe('GET /api/search', () => {
  it('answers with exactly the documented shape', async () => {
    const { status, body } = await get(`/api/search?q=${encodeURIComponent('sinh hoạt chi bộ')}&k=5`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['answer', 'correctedQuery', 'mode', 'query', 'results', 'suggestedQuery']);
    expect(body.correctedQuery).toBeNull();
    expect(body.suggestedQuery).toBeNull();
    expect(body.mode).toBe('hybrid');
    expect(Object.keys(body.answer).sort()).toEqual(['citations', 'sentences', 'text']);
    expect(Object.keys(body.answer.citations[0]).sort()).toEqual(['documentId', 'n', 'passageId']);
    expect(body.results).toHaveLength(5);
    for (const r of body.results) {
      expect(Object.keys(r).sort()).toEqual(['document', 'highlights', 'passage', 'rank', 'score']);
      expect(Object.keys(r.document).sort()).toEqual(['author', 'date', 'id', 'issuer', 'kind', 'number', 'onBehalfOf', 'signer', 'signerTitle', 'source', 'status', 'term', 'title']);
      expect(Object.keys(r.passage).sort()).toEqual(['end', 'id', 'section', 'start', 'text']);
    }
    // The article prints no publication date: 13-11-2018 opening its body is Kết luận 38-KL/TW's.
    expect(body.results[0].document).toMatchObject({ source: `corpus/${SEED.tccsd}.txt`, kind: 'bài viết', author: 'Hà Ban', date: null });
    expect(body.results.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('searches a query typed with the input method off as Vietnamese, and says so', async () => {
    const typed = (await get(`/api/search?q=${encodeURIComponent('sinh hoatj chi booj')}&k=5`)).body;
    const plain = (await get(`/api/search?q=${encodeURIComponent('sinh hoạt chi bộ')}&k=5`)).body;
    expect(typed.query).toBe('sinh hoatj chi booj');
    expect(typed.correctedQuery).toBe('sinh hoạt chi bộ');
    expect(typed.results).toEqual(plain.results);
  });

  it('restores a query typed without diacritics from the corpus, ranks it as the restored query, and searches as typed with exact=1', async () => {
    const plain = 'thuc hien duong loi, chu truong cua Dang';
    const restored = (await get(`/api/search?q=${encodeURIComponent(plain)}&k=5`)).body;
    const accented = (await get(`/api/search?q=${encodeURIComponent('thực hiện đường lối, chủ trương của Đảng')}&k=5`)).body;
    expect(restored.query).toBe(plain);
    expect(restored.suggestedQuery).toBe('thực hiện đường lối, chủ trương của Đảng');
    expect(restored.correctedQuery).toBeNull();
    expect(restored.results).toEqual(accented.results);
    expect(accented.suggestedQuery).toBeNull();
    const exact = (await get(`/api/search?q=${encodeURIComponent(plain)}&k=5&exact=1`)).body;
    expect(exact.query).toBe(plain);
    expect(exact.suggestedQuery).toBeNull();
    expect(exact.results.map((r: { passage: { id: string } }) => r.passage.id)).not.toEqual(restored.results.map((r: { passage: { id: string } }) => r.passage.id));
    // exact=1 also keeps Telex keystrokes as typed.
    const telex = (await get(`/api/search?q=${encodeURIComponent('sinh hoatj chi booj')}&k=5&exact=1`)).body;
    expect(telex.correctedQuery).toBeNull();
    const bad = await get(`/api/search?q=chi%20bo&exact=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_parameter');
  });

  it('cites passages whose offsets slice GET /api/documents/:id text exactly', async () => {
    const { body } = await get(`/api/search?q=${encodeURIComponent('xay dung dang')}&k=30`);
    expect(body.results.length).toBe(30);
    const texts = new Map<string, string>();
    for (const r of body.results) {
      if (!texts.has(r.document.id)) texts.set(r.document.id, (await get(`/api/documents/${r.document.id}`)).body.text);
      expect(texts.get(r.document.id)!.slice(r.passage.start, r.passage.end)).toBe(r.passage.text);
    }
  });

  it('gives each answer sentence with offsets that slice the cited document', async () => {
    const { body } = await get(`/api/search?q=${encodeURIComponent('sinh hoạt chi bộ')}&k=5`);
    for (const s of body.answer.sentences) {
      const cited = body.answer.citations.find((c: { n: number }) => c.n === s.n);
      const doc = (await get(`/api/documents/${cited.documentId}`)).body.text as string;
      expect(doc.slice(s.start, s.end)).toBe(s.text);
      expect(body.answer.text).toContain(`${s.text} [${s.n}]`);
    }
  });

  it('highlights the query words, diacritics ignored, with offsets into the document text', async () => {
    const { body } = await get(`/api/search?q=${encodeURIComponent('sinh hoat chi bo')}&k=3`);
    const doc = (await get(`/api/documents/${body.results[0].document.id}`)).body.text as string;
    const marked = body.results[0].highlights.map(([s, e]: [number, number]) => doc.slice(s, e));
    expect(marked).toContain('sinh hoạt chi bộ');
    for (const [s, e] of body.results[0].highlights) {
      expect(s).toBeGreaterThanOrEqual(body.results[0].passage.start);
      expect(e).toBeLessThanOrEqual(body.results[0].passage.end);
    }
  });

  it.each([
    ['', 'missing_query'],
    ['?q=', 'missing_query'],
    ['?q=%20%20', 'missing_query'],
    ['?q=x&k=abc', 'invalid_k'],
    ['?q=x&k=0', 'invalid_k'],
    ['?q=x&k=101', 'invalid_k'],
    ['?q=x&k=2.5', 'invalid_k'],
    ['?q=x&mode=semantic', 'invalid_mode'],
    ['?q=a&q=b', 'invalid_parameter'],
    [`?q=${'a'.repeat(2001)}`, 'query_too_long'],
  ])('answers 400 to %s', async (query, code) => {
    const { status, type, body } = await get(`/api/search${query}`);
    expect(status).toBe(400);
    expect(type).toMatch(/application\/json/);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
  });

  it('answers many clients at once (lexical scoring on the search thread) exactly as one at a time', async () => {
    const paths = ['sinh hoạt chi bộ', 'xay dung dang', 'Ban Cán sự Đảng', 'vai trò của chi bộ'].flatMap((q) =>
      ['hybrid', 'lexical'].map((mode) => `/api/search?q=${encodeURIComponent(q)}&k=5&mode=${mode}`),
    );
    paths.push(`/api/search?q=${encodeURIComponent('chi bộ')}&k=3&kind=${encodeURIComponent('bài viết')}`);
    const alone: unknown[] = [];
    for (const path of paths) alone.push((await get(path)).body);
    const together = await Promise.all([...paths, ...paths].map(async (path) => (await get(path)).body));
    expect(together).toEqual([...alone, ...alone]);
  });

  it('accepts a query of exactly 2,000 characters', async () => {
    expect((await get(`/api/search?q=${'chi bộ '.repeat(400).slice(0, 2000)}`)).status).toBe(200);
  });

  it('honours mode=lexical and mode=dense', async () => {
    for (const mode of ['lexical', 'dense']) {
      const { body } = await get(`/api/search?q=chi%20bo&mode=${mode}&k=3`);
      expect(body.mode).toBe(mode);
      expect(body.results).toHaveLength(3);
    }
  });
});

describe('documents and health', () => {
  it('lists the documents with metadata', async () => {
    const { status, body } = await get('/api/documents');
    expect(status).toBe(200);
    expect(body.documents).toHaveLength(5);
    const doc = body.documents.find((d: { sources: string[] }) => d.sources[0] === `corpus/${SEED.phoiHop}.txt`);
    expect(doc).toMatchObject({ date: '2015-10-23', format: 'txt' });
    expect(doc.passageCount).toBeGreaterThan(5);
  });

  it('returns one document with its stored text and passage offsets', async () => {
    const list = (await get('/api/documents')).body.documents;
    const { status, body } = await get(`/api/documents/${list[0].id}`);
    expect(status).toBe(200);
    expect(body.text.length).toBeGreaterThan(1000);
    expect(body.text).toBe(body.text.normalize('NFC'));
    for (const p of body.passages) expect(p.end).toBeGreaterThan(p.start);
    for (const r of body.references) expect(body.text.slice(r.start, r.end)).toBe(r.text);
  });

  it('answers 404 with a JSON error for unknown ids and routes', async () => {
    const doc = await get('/api/documents/does-not-exist');
    expect(doc.status).toBe(404);
    expect(doc.body.error.code).toBe('document_not_found');
    const route = await get('/api/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('not_found');
  });

  it('reports mode, model and counts', async () => {
    const { body } = await get('/api/health');
    expect(body).toMatchObject({ status: 'ok', mode: 'hybrid', documents: 5, model: { id: 'test/tiny-vi-embedder', dimension: 64 } });
    expect(body.vectors).toBe(body.passages);
  });
});
