/**
 * Typed relations and validity through the real server (issue 15, items 3 and 4): the bundled corpus, two real Party
 * directives where the later replaces the earlier (test/fixtures/relations), a real page reporting the later one and a
 * real regulation whose opening lines give its legal bases.
 */
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI } from '../../src/serve/openapi.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { SHARED_DIR } from '../support/fixtures.js';
import { call, startServer, type Reply, type TestServer } from '../support/http.js';

const DIRECTIVE_45 = resolve('test/fixtures/relations/chi-thi-45-CT-TW.txt');
const DIRECTIVE_35 = resolve('test/fixtures/relations/chi-thi-35-CT-TW.txt');
/** A news page publishing Chỉ thị 45-CT/TW (`Chỉ thị này thay thế Chỉ thị số 35-CT/TW …`), without a number of its own. */
const PAGE_45 = join(SHARED_DIR, 'corpus', 'party-web-articles', '9ec4020fad86e30d.md');
/** Quy định 384-QĐ/TW (Ban Bí thư, 2025), whose `- Căn cứ …` lines name twelve documents. */
const REGULATION_384 = join(SHARED_DIR, 'corpus', 'party-web-articles', 'ca9ba61fc61bf961.md');

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(OPENAPI, 'openapi');
function conformsTo(schema: string, reply: Reply): void {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
  expect(validate(reply.body), ajv.errorsText(validate.errors)).toBe(true);
}

let index: CorpusIndex;
let server: TestServer;
const id: Record<string, string> = {};

beforeAll(async () => {
  index = await buildCorpusIndex(false, [DIRECTIVE_35, DIRECTIVE_45, PAGE_45, REGULATION_384]);
  server = await startServer(index.handle);
  for (const d of index.handle.store.listDocuments()) id[d.number ?? d.sources[0]!.split('/').pop()!] = d.id;
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

const textOf = async (documentId: string): Promise<string> => (await call(server.base, `/api/documents/${documentId}`)).body.text;

describe('GET /api/documents/:id/relations', () => {
  it('outgoing: Chỉ thị 45-CT/TW replaces 35-CT/TW, linked, with the sentence and its offsets in the text', async () => {
    const r = await call(server.base, `/api/documents/${id['45-CT/TW']}/relations`);
    expect(r.status).toBe(200);
    conformsTo('Relations', r);
    expect(r.body.number).toBe('45-CT/TW');
    const replaces = r.body.outgoing.filter((e: { type: string; other: { number: string } }) => e.type === 'replaces' && e.other.number === '35-CT/TW');
    // The same clause replaces Kết luận 118-KL/TW, not indexed here.
    expect(r.body.outgoing).toContainEqual(expect.objectContaining({ type: 'replaces', other: { number: '118-KL/TW', document: null } }));
    // Said by the directive itself, and reported by the page that publishes it (its title names 45-CT/TW).
    expect(replaces.map((e: { statedIn: { id: string } }) => e.statedIn.id)).toEqual([id['45-CT/TW'], id['9ec4020fad86e30d.md']]);
    expect(replaces[0]).toMatchObject({ label: 'thay thế', partial: false, other: { number: '35-CT/TW', document: { id: id['35-CT/TW'], number: '35-CT/TW' } }, statedIn: { id: id['45-CT/TW'] } });
    const text = await textOf(id['45-CT/TW']!);
    const { sentence } = replaces[0];
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentence.text.startsWith('Chỉ thị này thay thế Chỉ thị số 35-CT/TW, ngày 14/6/2024')).toBe(true);
    expect(r.body.validity.status).toBeNull();
  });

  it('incoming: 35-CT/TW is replaced by 45-CT/TW (and a page reporting it says so too); no longer in force since 45’s date', async () => {
    const r = await call(server.base, `/api/documents/${id['35-CT/TW']}/relations`);
    conformsTo('Relations', r);
    const incoming = r.body.incoming.map((e: { type: string; other: { number: string }; statedIn: { id: string } }) => [e.type, e.other.number, e.statedIn.id]);
    expect(incoming).toEqual(expect.arrayContaining([['replaces', '45-CT/TW', id['45-CT/TW']], ['replaces', '45-CT/TW', id['9ec4020fad86e30d.md']]]));
    for (const e of r.body.incoming) {
      const text = await textOf(e.statedIn.id);
      expect(text.slice(e.sentence.start, e.sentence.end)).toBe(e.sentence.text);
    }
    expect(r.body.validity).toMatchObject({ status: 'no-longer-in-force', stated: null, endedBy: { type: 'replaces', since: '2025-04-14', by: { id: id['45-CT/TW'], number: '45-CT/TW' } } });
  });

  it('căn cứ: the legal bases of Quy định 384-QĐ/TW, none indexed here, each by its number', async () => {
    const r = await call(server.base, `/api/documents/${id['384-QĐ/TW']}/relations`);
    conformsTo('Relations', r);
    const basis = r.body.outgoing.filter((e: { type: string }) => e.type === 'based-on');
    expect(basis.map((e: { other: { number: string } }) => e.other.number)).toEqual(expect.arrayContaining(['57-NQ/TW', '379-QĐ/TW', '53/2022/NĐ-CP']));
    expect(basis.every((e: { other: { document: unknown }; label: string }) => e.other.document === null && e.label === 'căn cứ')).toBe(true);
  });

  it('is a 404 for an unknown document', async () => {
    const r = await call(server.base, '/api/documents/nope/relations');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('document_not_found');
  });
});

describe('validity in search', () => {
  const query = encodeURIComponent('Đại hội đảng bộ các cấp thực hiện 4 nội dung');

  it('puts the replacing directive above the one it replaced when both match, and gives each its effective status', async () => {
    const r = await call(server.base, `/api/search?q=${query}&k=10&mode=lexical`);
    const order = r.body.results.map((x: { document: { id: string } }) => x.document.id);
    const first45 = order.indexOf(id['45-CT/TW']);
    const first35 = order.indexOf(id['35-CT/TW']);
    expect(first45).toBeGreaterThanOrEqual(0);
    expect(first35).toBeGreaterThan(first45);
    const replaced = r.body.results.find((x: { document: { id: string } }) => x.document.id === id['35-CT/TW']);
    expect(replaced.document.status).toBe('no-longer-in-force');
  });

  it('the status filter reads the effective status: no-longer-in-force finds 35-CT/TW, whose source states none', async () => {
    const r = await call(server.base, `/api/search?q=${query}&k=10&status=no-longer-in-force`);
    expect(r.status).toBe(200);
    expect(new Set(r.body.results.map((x: { document: { id: string } }) => x.document.id))).toEqual(new Set([id['35-CT/TW']]));
  });

  it('the status facet counts the effective status, as the filter does', async () => {
    const r = await call(server.base, `/api/search?q=${query}&k=10&facets=status`);
    expect(r.status).toBe(200);
    const filtered = await call(server.base, `/api/search?q=${query}&k=10&status=no-longer-in-force`);
    const count = r.body.facets.status.find((f: { value: string }) => f.value === 'no-longer-in-force')?.count;
    expect(count).toBe(new Set(filtered.body.results.map((x: { document: { id: string } }) => x.document.id)).size);
    expect(count).toBeGreaterThan(0);
  });

  it('an answer quoting a directive no longer in force marks it, and names what replaced it', async () => {
    const q = encodeURIComponent('Bầu cấp ủy nhiệm kỳ 2025-2030');
    const r = await call(server.base, `/api/search?q=${q}&k=3&document=${id['35-CT/TW']}`);
    expect(r.body.answer).not.toBeNull();
    expect(r.body.answer.text).toContain('[1, hết hiệu lực]');
    expect(r.body.answer.citations[0]).toMatchObject({ documentId: id['35-CT/TW'], noLongerInForce: { since: '2025-04-14', replacedBy: { id: id['45-CT/TW'], number: '45-CT/TW' } } });
    conformsTo('SearchResponse', r);
    // Quoting the directive in force carries no mark.
    const current = await call(server.base, `/api/search?q=${q}&k=3&document=${id['45-CT/TW']}`);
    expect(current.body.answer.text).not.toContain('hết hiệu lực');
    expect(current.body.answer.citations[0]).not.toHaveProperty('noLongerInForce');
  });
});
