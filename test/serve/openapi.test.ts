import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI } from '../../src/serve/openapi.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE } from '../support/fixtures.js';
import { ingestFormalDecision } from '../support/formal-document.js';
import { bearer, call, startServer, upload, waitForJob, type Reply, type TestServer } from '../support/http.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(OPENAPI, 'openapi');

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Validates a reply against the response schema the OpenAPI document gives for that path, method and status. */
function conforms(path: string, method: string, reply: Reply): void {
  const operation = (OPENAPI.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[path]![method]!;
  const status = String(reply.status);
  expect(Object.keys(operation.responses), `${method} ${path} documents ${status}`).toContain(status);
  const response = operation.responses[status] as { $ref?: string };
  const ref = response.$ref
    ? `openapi${response.$ref.replace('responses/Error', 'responses/Error/content/application~1json/schema')}`
    : `openapi#/paths/${pointer(path)}/${method}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(ref)!;
  expect(validate(reply.body), `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

let index: CorpusIndex;
let server: TestServer;
beforeAll(async () => {
  index = await buildCorpusIndex(true, [CITED_DIRECTIVE]);
  // A decision whose signature and status are set, so those fields are checked with values, not only as null.
  await ingestFormalDecision(index.handle);
  server = await startServer(index.handle, { apiKeys: ['k'] });
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

describe('responses match the OpenAPI document', () => {
  it('is served at /api/openapi.json', async () => {
    const r = await call(server.base, '/api/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/api/search', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/references', '/api/documents/{id}/cited-by', '/api/jobs/{id}', '/api/health']));
  });

  it('search, with and without an answer, and its errors', async () => {
    conforms('/api/search', 'get', await call(server.base, '/api/search?q=sinh%20hoat%20chi%20bo&k=5'));
    conforms('/api/search', 'get', await call(server.base, '/api/search?q=gi%C3%A1%20v%C3%A0ng&mode=lexical'));
    const suggested = await call(server.base, '/api/search?q=to%20chuc%20co%20so%20dang&k=3');
    expect(suggested.body.suggestedQuery).toBe('tổ chức cơ sở đảng');
    conforms('/api/search', 'get', suggested);
    conforms('/api/search', 'get', await call(server.base, '/api/search?q=to%20chuc%20co%20so%20dang&k=3&exact=1'));
    conforms('/api/search', 'get', await call(server.base, '/api/search?q=x&exact=2'));
    conforms('/api/search', 'get', await call(server.base, '/api/search?k=5'));
    conforms('/api/search', 'get', await call(server.base, '/api/search?q=x&term=m%C6%B0%E1%BB%9Di'));
    const filtered = await call(server.base, '/api/search?q=ti%E1%BA%BFp%20c%C3%B4ng%20d%C3%A2n&status=no-longer-in-force&signer=khai');
    expect(filtered.body.results.length).toBeGreaterThan(0);
    conforms('/api/search', 'get', filtered);
    conforms('/api/search', 'get', await call(server.base, '/api/search?q=x&status=expired'));
  });

  it('the citation graph: what a document cites and what cites it', async () => {
    const directive = index.handle.store.documentsNumbered(['05-CT/TW'])[0]!;
    const cited = await call(server.base, `/api/documents/${directive}/cited-by`);
    expect(cited.body.citedBy.length).toBeGreaterThan(0);
    conforms('/api/documents/{id}/cited-by', 'get', cited);
    const citing = cited.body.citedBy[0].document.id;
    const refs = await call(server.base, `/api/documents/${citing}/references`);
    expect(refs.body.references.some((r: { document: unknown }) => r.document !== null)).toBe(true);
    conforms('/api/documents/{id}/references', 'get', refs);
    conforms('/api/documents/{id}/references', 'get', await call(server.base, '/api/documents/nope/references'));
    conforms('/api/documents/{id}/cited-by', 'get', await call(server.base, '/api/documents/nope/cited-by'));
  });

  it('documents, one document, health, jobs, upload and delete', async () => {
    const list = await call(server.base, '/api/documents');
    conforms('/api/documents', 'get', list);
    const signed = list.body.documents.find((d: { signer: string | null }) => d.signer !== null);
    expect(signed).toBeDefined();
    conforms('/api/documents/{id}', 'get', await call(server.base, `/api/documents/${signed.id}`));
    conforms('/api/documents/{id}', 'get', await call(server.base, `/api/documents/${list.body.documents[0].id}`));
    conforms('/api/documents/{id}', 'get', await call(server.base, '/api/documents/nope'));
    conforms('/api/health', 'get', await call(server.base, '/api/health'));
    const posted = await call(server.base, '/api/documents', { method: 'POST', headers: bearer('k'), body: upload([{ name: 'x.txt', bytes: 'Chi bộ họp bàn về công tác phát triển đảng viên mới trong năm.' }]) });
    conforms('/api/documents', 'post', posted);
    const job = await waitForJob(server.base, posted.body.job.id);
    conforms('/api/jobs/{id}', 'get', job);
    conforms('/api/jobs/{id}', 'get', await call(server.base, '/api/jobs/nope'));
    conforms('/api/documents', 'post', await call(server.base, '/api/documents', { method: 'POST', body: upload([{ name: 'x.txt', bytes: 'x' }]) }));
    const removed = await call(server.base, `/api/documents/${job.body.job.files[0].documentId}`, { method: 'DELETE', headers: bearer('k') });
    conforms('/api/documents/{id}', 'delete', removed);
    conforms('/api/documents/{id}', 'delete', await call(server.base, '/api/documents/nope', { method: 'DELETE', headers: bearer('k') }));
  });
});

describe('search parameters that cannot be answered as asked (issue 14, item 11)', () => {
  let lexical: CorpusIndex;
  let plain: TestServer;
  beforeAll(async () => {
    lexical = await buildCorpusIndex(false);
    plain = await startServer(lexical.handle);
  });
  afterAll(async () => {
    await plain.close();
    lexical.handle.close();
    lexical.cleanup();
  });

  it('mode=dense or hybrid without a model runs lexically and says so in a notice', async () => {
    for (const mode of ['dense', 'hybrid']) {
      const r = await call(plain.base, `/api/search?q=chi%20bo&mode=${mode}&k=3`);
      expect(r.status).toBe(200);
      expect(r.body.mode).toBe('lexical');
      expect(r.body.notice).toBe(`mode ${mode} needs the embedding model, which is not loaded on this server: these results are lexical`);
      conforms('/api/search', 'get', r);
    }
    const asked = await call(plain.base, '/api/search?q=chi%20bo&mode=lexical&k=3');
    expect(asked.body).not.toHaveProperty('notice');
    // With a model, dense runs as asked, without a notice.
    const withModel = await call(server.base, '/api/search?q=chi%20bo&mode=dense&k=3');
    expect(withModel.body.mode).toBe('dense');
    expect(withModel.body).not.toHaveProperty('notice');
  });

  it('refuses impossible dates, a "from" after "to", an unknown kind and a query of punctuation only with a 400 that says why', async () => {
    const cases: [string, string, RegExp][] = [
      ['q=chi%20bo&from=2025-02-30', 'invalid_date', /"from" is 2025-02-30, a day that does not exist/],
      ['q=chi%20bo&from=2025-03-01&to=2025-02-01', 'invalid_date', /"from" \(2025-03-01\) is after "to" \(2025-02-01\)/],
      ['q=chi%20bo&kind=abc', 'invalid_kind', /"kind" must be one of: nghị quyết, chỉ thị, kết luận/],
      [`q=${encodeURIComponent('?!... —')}`, 'query_without_words', /no letters or digits/],
      [`q=${encodeURIComponent('?!')}&mode=dense`, 'query_without_words', /no letters or digits/],
    ];
    for (const [query, code, message] of cases) {
      for (const base of [plain.base, server.base]) {
        const r = await call(base, `/api/search?${query}`);
        expect(r.status, query).toBe(400);
        expect(r.body.error.code, query).toBe(code);
        expect(r.body.error.message, query).toMatch(message);
        conforms('/api/search', 'get', r);
      }
    }
    // A kind typed without diacritics still filters.
    const r = await call(server.base, `/api/search?q=${encodeURIComponent('chỉ thị')}&kind=chi%20thi&k=3`);
    expect(r.status).toBe(200);
    for (const hit of r.body.results) expect(hit.document.kind).toBe('chỉ thị');
  });
});
