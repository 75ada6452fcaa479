/** The citation graph routes and the term filter, over the bundled corpus plus a directive two of its articles cite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE, SEED } from '../support/fixtures.js';
import { call, startServer, type TestServer } from '../support/http.js';

let index: CorpusIndex;
let server: TestServer;
const idOf = new Map<string, string>();

beforeAll(async () => {
  index = await buildCorpusIndex(true, [CITED_DIRECTIVE]);
  server = await startServer(index.handle);
  for (const d of index.handle.store.listDocuments()) idOf.set(d.number ?? d.sources[0]!.replace(/^corpus\/|\.txt$/g, ''), d.id);
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

const textOf = async (id: string): Promise<string> => (await call(server.base, `/api/documents/${id}`)).body.text;

describe('GET /api/documents/:id/references', () => {
  it('lists each cited document once, linked when the index holds it, with mentions that slice the text', async () => {
    const id = idOf.get(SEED.banCanSu)!;
    const r = await call(server.base, `/api/documents/${id}/references`);
    expect(r.status).toBe(200);
    expect(r.body.documentId).toBe(id);
    expect(r.body.references.map((x: { key: string }) => x.key)).toEqual(['nghị quyết Trung ương 4 khóa XI, XII', '05-CT/TW']);
    const [plenum, directive] = r.body.references;
    expect(plenum.document).toBeNull();
    expect(directive.document).toMatchObject({ id: idOf.get('05-CT/TW'), number: '05-CT/TW', kind: 'chỉ thị', term: 'XII', date: '2016-05-15' });
    const text = await textOf(id);
    for (const m of [...plenum.mentions, ...directive.mentions]) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('groups repeated mentions of one document', async () => {
    const r = await call(server.base, `/api/documents/${idOf.get(SEED.tccsd)}/references`);
    const conclusion = r.body.references.find((x: { key: string }) => x.key === '38-KL/TW');
    expect(conclusion.mentions).toHaveLength(2);
    expect(conclusion.document).toBeNull();
  });
});

describe('GET /api/documents/:id/cited-by', () => {
  it('names the indexed documents citing it, each with the citing sentence', async () => {
    const id = idOf.get('05-CT/TW')!;
    const r = await call(server.base, `/api/documents/${id}/cited-by`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ documentId: id, number: '05-CT/TW' });
    // Newest first: the Ban Dân tộc article (2020) before the undated Ban Cán sự one.
    expect(r.body.citedBy.map((c: { document: { id: string } }) => c.document.id)).toEqual([idOf.get(SEED.banDanToc), idOf.get(SEED.banCanSu)]);
    for (const c of r.body.citedBy) {
      const text = await textOf(c.document.id);
      for (const m of c.mentions) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(text.slice(m.sentence.start, m.sentence.end)).toBe(m.sentence.text);
        expect(m.sentence.start).toBeLessThanOrEqual(m.start);
        expect(m.sentence.end).toBeGreaterThanOrEqual(m.end);
      }
    }
    expect(r.body.citedBy[0].mentions[0].sentence.text).toMatch(/^Tiếp tục đẩy mạnh thực hiện .+ Chỉ thị số 05-CT\/TW của Bộ Chính trị và /u);
  });

  it('is empty for a document without a number', async () => {
    const r = await call(server.base, `/api/documents/${idOf.get(SEED.tccsd)}/cited-by`);
    expect(r.body).toEqual({ documentId: idOf.get(SEED.tccsd), number: null, citedBy: [] });
  });

  it('answers 404 for an unknown document', async () => {
    for (const route of ['references', 'cited-by']) {
      const r = await call(server.base, `/api/documents/nope/${route}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('document_not_found');
    }
  });
});

describe('term filter', () => {
  it('keeps documents of that term, however the term is typed', async () => {
    for (const term of ['XII', '12', 'khóa XII']) {
      const r = await call(server.base, `/api/search?q=${encodeURIComponent('học tập và làm theo')}&term=${encodeURIComponent(term)}`);
      expect(r.status).toBe(200);
      expect(r.body.results.length).toBeGreaterThan(0);
      expect(new Set(r.body.results.map((x: { document: { number: string } }) => x.document.number))).toEqual(new Set(['05-CT/TW']));
    }
    const none = await call(server.base, `/api/search?q=${encodeURIComponent('học tập và làm theo')}&term=X`);
    expect(none.body.results).toEqual([]);
  });
});
