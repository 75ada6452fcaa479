/**
 * Finding documents through the real server (issue 15, items 5, 6 and 7): a query that names a document by number,
 * in any spelling, returns that document first with the passage that states its content; autocomplete of numbers
 * and titles; documents like a given one. Responses are checked against the OpenAPI document too.
 */
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI } from '../../src/serve/openapi.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE, SEED } from '../support/fixtures.js';
import { ingestFormalDecision } from '../support/formal-document.js';
import { call, startServer, type Reply, type TestServer } from '../support/http.js';

const RESOLUTION = resolve('test/fixtures/nghi-quyet-22-NQ-TW.txt');

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(OPENAPI, 'openapi');
function conforms(schema: 'Suggestions' | 'Similar' | 'SearchResponse', reply: Reply): void {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
  expect(validate(reply.body), ajv.errorsText(validate.errors)).toBe(true);
}

let index: CorpusIndex;
let server: TestServer;
let resolution: string;
let directive: string;
/** Id of the seed article on grassroots Party organisations (it cites Nghị quyết 22-NQ/TW). */
let article: string;
beforeAll(async () => {
  index = await buildCorpusIndex(true, [CITED_DIRECTIVE, RESOLUTION]);
  server = await startServer(index.handle);
  resolution = index.handle.store.documentsNumbered(['22-NQ/TW'])[0]!;
  directive = index.handle.store.documentsNumbered(['05-CT/TW'])[0]!;
  article = index.handle.store.getSource(`corpus/${SEED.tccsd}.txt`)!.documentId;
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

const search = (q: string, mode = 'hybrid') => call(server.base, `/api/search?q=${encodeURIComponent(q)}&mode=${mode}&k=5`);

describe('a query that names a document finds it first, with its body', () => {
  it.each([
    'nghị quyết 22',
    'Nghị quyết 22 khóa X',
    '22/NQ-TW',
    '22 NQ TW',
    'NQ 22',
    'nghi quyet so 22-nq/tw',
    'Nghị quyết số 22-NQ/TW năm 2008',
  ])('%s', async (q) => {
    for (const mode of ['lexical', 'hybrid']) {
      const r = await search(q, mode);
      expect(r.status).toBe(200);
      const first = r.body.results[0];
      expect(first.document.id, `${q} (${mode})`).toBe(resolution);
      // The passage that states its content, not the letterhead, the date line or the editor's note.
      expect(first.passage.text).toMatch(/^Tổ chức cơ sở đảng là nền tảng của Đảng/u);
      conforms('SearchResponse', r);
    }
  });

  it('a citing article still comes right after, and another term names nothing indexed', async () => {
    const r = await search('nghị quyết 22', 'lexical');
    expect(r.body.results.map((x: { document: { id: string } }) => x.document.id)).toContain(article);
    const other = await search('Nghị quyết 22 khóa XIII', 'lexical');
    expect(other.body.results[0]?.document.id).not.toBe(resolution);
  });

  it('names the directive by its short form and issuer', async () => {
    const r = await search('chỉ thị 5 của Bộ Chính trị', 'lexical');
    expect(r.body.results[0].document.id).toBe(directive);
    expect(r.body.results[0].passage.text).toMatch(/^Tiếp tục đẩy mạnh việc học tập/u);
  });
});

describe('GET /api/suggest', () => {
  const suggest = (q: string) => call(server.base, `/api/suggest?q=${encodeURIComponent(q)}`);

  it('completes numbers in any spelling', async () => {
    for (const q of ['22-nq', '22/NQ', 'NQ 22', 'nghị quyết số 22', 'nghi quyet 2']) {
      const r = await suggest(q);
      expect(r.status).toBe(200);
      expect(r.body.suggestions[0], q).toEqual({ label: '22-NQ/TW', documentId: resolution, kind: 'number', detail: expect.stringMatching(/^NGHỊ QUYẾT/u) });
      conforms('Suggestions', r);
    }
    expect((await suggest('05-c')).body.suggestions[0]).toMatchObject({ label: '05-CT/TW', documentId: directive });
  });

  it('completes titles, diacritics optional, at most 10', async () => {
    const r = await suggest('suc chien d');
    expect(r.body.suggestions.map((s: { documentId: string }) => s.documentId)).toContain(resolution);
    expect(r.body.suggestions.every((s: { kind: string }) => s.kind === 'title')).toBe(true);
    const many = await suggest('n');
    expect(many.body.suggestions.length).toBeLessThanOrEqual(10);
    expect((await suggest('zzzz')).body.suggestions).toEqual([]);
    expect((await suggest('')).body.suggestions).toEqual([]);
  });

  it('follows documents added and removed while the server runs', async () => {
    const id = await ingestFormalDecision(index.handle);
    expect((await suggest('27/2019/qd')).body.suggestions[0]).toMatchObject({ label: '27/2019/QĐ-UBND', documentId: id });
    expect((await search('Quyết định 27/2019', 'lexical')).body.results[0].document.id).toBe(id);
    index.handle.removeDocument(id);
    expect((await suggest('27/2019/qd')).body.suggestions).toEqual([]);
  });

  it('refuses what it cannot read', async () => {
    expect((await call(server.base, '/api/suggest')).body.error.code).toBe('missing_query');
    expect((await suggest('x'.repeat(201))).status).toBe(400);
    expect((await call(server.base, '/api/suggest?q=22&k=11')).body.error.code).toBe('invalid_k');
  });
});

describe('GET /api/documents/:id/similar', () => {
  it('lists other documents like this one, fused with vectors when a model is loaded', async () => {
    const r = await call(server.base, `/api/documents/${resolution}/similar?k=3`);
    expect(r.status).toBe(200);
    conforms('Similar', r);
    expect(r.body.mode).toBe('hybrid');
    expect(r.body.similar).toHaveLength(3);
    const ids = r.body.similar.map((s: { document: { id: string } }) => s.document.id);
    expect(ids).not.toContain(resolution);
    // The article on strengthening grassroots Party organisations is the closest in topic.
    expect(ids[0]).toBe(article);
    expect(r.body.terms.length).toBeGreaterThan(5);
    for (const s of r.body.similar) {
      const doc = index.handle.store.getDocument(s.document.id)!;
      expect(doc.text.slice(s.passage.start, s.passage.end)).toBe(s.passage.text);
    }
  });

  it('404 for an unknown document, 400 for a bad k', async () => {
    const missing = await call(server.base, '/api/documents/nope/similar');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('document_not_found');
    expect((await call(server.base, `/api/documents/${resolution}/similar?k=0`)).body.error.code).toBe('invalid_k');
  });
});
