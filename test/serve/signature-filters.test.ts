/**
 * The `signer` and `status` filters through the real server, over the bundled corpus plus an invented formal decision
 * with a signature block and a stated status. Assertions use the values the API itself returns for the decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/core/normalize.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { ingestFormalDecision } from '../support/formal-document.js';
import { call, startServer, type TestServer } from '../support/http.js';

let index: CorpusIndex;
let server: TestServer;
let decision: { id: string; signer: string; status: string };

beforeAll(async () => {
  index = await buildCorpusIndex(true);
  const id = await ingestFormalDecision(index.handle);
  server = await startServer(index.handle);
  const { body } = await call(server.base, `/api/documents/${id}`);
  decision = { id, signer: body.signer, status: body.status };
});
afterAll(async () => {
  await server.close();
  index.handle.close();
  index.cleanup();
});

const search = async (params: Record<string, string>) => call(server.base, `/api/search?${new URLSearchParams({ k: '50', ...params })}`);
const QUERY = 'tiếp công dân';

describe('signature and status of a formal document', () => {
  it('are stored and listed with the document', async () => {
    expect(decision.signer).toEqual(expect.any(String));
    expect(decision.status).toEqual(expect.any(String));
    const listed = (await call(server.base, '/api/documents')).body.documents.find((d: { id: string }) => d.id === decision.id);
    expect(listed).toMatchObject({ signer: decision.signer, status: decision.status });
    expect(listed.signerTitle).toEqual(expect.any(String));
    expect(listed.onBehalfOf).toEqual(expect.any(String));
  });

  it('filter by status: every result has exactly that status, and the decision is among them', async () => {
    const { status, body } = await search({ q: QUERY, status: decision.status });
    expect(status).toBe(200);
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) expect(r.document.status).toBe(decision.status);
    expect(body.results.map((r: { document: { id: string } }) => r.document.id)).toContain(decision.id);
    // Without the filter the same query also finds documents of another (or no) status.
    const all = await search({ q: QUERY, mode: 'lexical' });
    expect(all.body.results.some((r: { document: { status: string | null } }) => r.document.status !== decision.status)).toBe(true);
  });

  it('filter by another status leaves the decision out', async () => {
    const other = ['in-force', 'not-yet-in-force', 'partly-in-force', 'no-longer-in-force'].find((s) => s !== decision.status)!;
    const { status, body } = await search({ q: QUERY, status: other });
    expect(status).toBe(200);
    for (const r of body.results) expect(r.document.status).toBe(other);
    expect(body.results.map((r: { document: { id: string } }) => r.document.id)).not.toContain(decision.id);
  });

  it('filter by part of the signer, typed without diacritics: every result was signed by a matching name', async () => {
    const surname = decision.signer.split(/\s+/).at(-1)!;
    for (const typed of [fold(decision.signer), surname.toUpperCase()]) {
      const { status, body } = await search({ q: QUERY, signer: typed });
      expect(status, typed).toBe(200);
      expect(body.results.length, typed).toBeGreaterThan(0);
      for (const r of body.results) expect(fold(r.document.signer ?? '').toLowerCase()).toContain(fold(typed).toLowerCase());
      expect(body.results.map((r: { document: { id: string } }) => r.document.id)).toContain(decision.id);
    }
    const nobody = await search({ q: QUERY, signer: 'Không Có Ai' });
    expect(nobody.body.results).toEqual([]);
  });

  it.each(['expired', 'Hết hiệu lực', 'IN-FORCE'])('answers 400 invalid_status with a plain message to status=%s', async (value) => {
    const { status, body } = await search({ q: QUERY, status: value });
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'invalid_status', message: '"status" must be one of in-force, not-yet-in-force, partly-in-force, no-longer-in-force' });
  });
});
