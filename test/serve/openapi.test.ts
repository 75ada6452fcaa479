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
