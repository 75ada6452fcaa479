/**
 * The document reads over HTTP on both engines: the same files ingested into an index folder and into a SolrCloud
 * collection of 2 shards × 2 replicas on a real local 3-node cluster (ENGINE=solr), each served by the one app of
 * src/serve/app.ts (the folder through src/serve/embedded-app.ts), then the same requests to both servers on
 * loopback, whose answers must be equal (but for the ingestion time): the document list, each document with its
 * passages (pages of a PDF, OCR marks), what it cites, what cites it and its typed relations with validity, the 404s,
 * autocomplete, similar documents (lexical), the document page, and validity marks and the effective status filter
 * in search.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPathsIntoEngine } from '../../src/ingest/ingest-engine.js';
import { createApp } from '../../src/serve/app.js';
import { deleteCollection } from '../../src/store/solr/solr-collection.js';
import type { SolrConfig } from '../../src/store/solr/solr-config.js';
import { solrEngine } from '../../src/store/solr/solr-engine.js';
import { SolrHttp } from '../../src/store/solr/solr-http.js';
import type { SearchEngine } from '../../src/store/engine.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE, CORPUS_DIR, SHARED_DIR } from '../support/fixtures.js';
import { call, startServer, type Reply, type TestServer } from '../support/http.js';
import { type SolrCluster, sharedCluster } from '../support/solr-cluster.js';

const DECREES = join(SHARED_DIR, 'corpus', 'decrees');
const FILES = [
  CITED_DIRECTIVE,
  resolve('test/fixtures/relations/chi-thi-35-CT-TW.txt'),
  resolve('test/fixtures/relations/chi-thi-45-CT-TW.txt'),
  // A page without a number of its own publishing 45-CT/TW; Quy định 384-QĐ/TW with its `Căn cứ` lines.
  join(SHARED_DIR, 'corpus', 'party-web-articles', '9ec4020fad86e30d.md'),
  join(SHARED_DIR, 'corpus', 'party-web-articles', 'ca9ba61fc61bf961.md'),
  // Nghị định 123/2021/NĐ-CP as a text PDF with a scanned last page (paged passages, some OCR'd) amends Nghị định
  // 100/2019/NĐ-CP (a text PDF).
  join(DECREES, 'nd-123_2021-12-28-1-.signed.pdf'),
  join(DECREES, 'nd100_2019.pdf'),
];

const startCluster = sharedCluster();
let cluster: SolrCluster;
let index: CorpusIndex;
let engine: SearchEngine;
let embedded: TestServer;
let solr: { base: string; server: Server };
let settings: SolrConfig;

beforeAll(async () => {
  cluster = await startCluster();
  settings = { urls: cluster.urls, collection: 'document_routes', configName: cluster.configName, numShards: 2, replicationFactor: 2 };
  index = await buildCorpusIndex(false, FILES);
  engine = await solrEngine(settings, { model: null });
  const summary = await ingestPathsIntoEngine(engine, null, [CORPUS_DIR, ...FILES]);
  expect(summary.failed).toEqual([]);
  embedded = await startServer(index.handle);
  const server = createServer(createApp(engine, null, { searchesPerMinute: 0 }).app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  solr = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}, 600_000);

afterAll(async () => {
  await embedded?.close();
  await new Promise((r) => (solr ? solr.server.close(r) : r(undefined)));
  index?.handle.close();
  index?.cleanup();
  if (settings) await deleteCollection(new SolrHttp(settings.urls), settings.collection).catch(() => undefined);
}, 120_000);

/** A reply without what differs by nature between two ingests: the time each document was stored. */
function comparable(reply: Reply): Reply {
  return JSON.parse(JSON.stringify(reply), (key, value) => (key === 'ingestedAt' ? 'at ingest' : value)) as Reply;
}

/** The same request to both servers; both answers, the embedded one first. */
async function both(path: string): Promise<[Reply, Reply]> {
  return Promise.all([call(embedded.base, path), call(solr.base, path)]);
}

async function expectSame(path: string): Promise<Reply> {
  const [mine, theirs] = await both(path);
  expect(comparable(theirs), path).toEqual(comparable(mine));
  return mine;
}

describe('document reads: the embedded and the Solr server answer alike', () => {
  let ids: string[] = [];
  const idOf = (number: string): string => (index.handle.store.listDocuments().find((d) => d.number === number)?.id ?? '');

  it('GET /api/documents lists the same documents in the same order', async () => {
    const list = await expectSame('/api/documents');
    expect(list.status).toBe(200);
    ids = list.body.documents.map((d: { id: string }) => d.id);
    expect(ids.length).toBe(index.handle.store.counts().documents);
  });

  it('GET /api/health: the same fields and counts, naming each engine', async () => {
    const [mine, theirs] = await both('/api/health');
    expect([mine.body.engine, theirs.body.engine]).toEqual(['embedded', 'solr']);
    expect(Object.keys(theirs.body).sort()).toEqual(Object.keys(mine.body).sort());
    expect(theirs.body.documents).toBe(mine.body.documents);
    expect(theirs.body.passages).toBe(mine.body.passages);
    expect(theirs.body.jobs).toEqual({ queued: 0, running: 0 });
  });

  it('GET /api/documents/:id and its references, cited-by and relations, for every document', async () => {
    for (const id of ids) {
      const doc = await expectSame(`/api/documents/${id}`);
      expect(doc.status).toBe(200);
      for (const p of doc.body.passages) expect(typeof p.start).toBe('number');
      for (const route of ['references', 'cited-by', 'relations']) expect((await expectSame(`/api/documents/${id}/${route}`)).status).toBe(200);
    }
  }, 300_000);

  it('pages of a text PDF, citations both ways and validity from relations are there (not only equal)', async () => {
    const decree123 = await call(solr.base, `/api/documents/${idOf('123/2021/NĐ-CP')}`);
    expect(decree123.body.passages.length).toBeGreaterThan(10);
    // Its last page, signed and stamped, is a scan (OCR'd, with the page's confidence); the others have a text layer.
    const passages: { page?: number; ocr?: boolean; confidence?: number | null }[] = decree123.body.passages;
    expect(passages.filter((p) => typeof p.page !== 'number' || (p.ocr === true ? typeof p.confidence !== 'number' : p.ocr !== false || p.confidence !== null))).toEqual([]);
    expect(passages.map((p) => p.page)).toEqual(passages.map((p) => p.page).sort((a, b) => (a ?? 0) - (b ?? 0)));
    const citedBy = await call(solr.base, `/api/documents/${idOf('05-CT/TW')}/cited-by`);
    expect(citedBy.body.citedBy.length).toBeGreaterThan(0);
    const d35 = await call(solr.base, `/api/documents/${idOf('35-CT/TW')}/relations`);
    expect(d35.body.validity).toMatchObject({ status: 'no-longer-in-force', endedBy: { type: 'replaces', by: { id: idOf('45-CT/TW'), number: '45-CT/TW' } } });
    const d100 = await call(solr.base, `/api/documents/${idOf('100/2019/NĐ-CP')}/relations`);
    expect(d100.body.validity.status).toBe('partly-in-force');
    expect(d100.body.incoming.some((e: { type: string; other: { number: string } }) => e.type === 'amends' && e.other.number === '123/2021/NĐ-CP')).toBe(true);
  });

  it('answers 404 document_not_found alike for an unknown id, on every route', async () => {
    for (const route of ['', '/references', '/cited-by', '/relations']) {
      const reply = await expectSame(`/api/documents/no-such-document${route}`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('document_not_found');
    }
  });

  it('GET /api/suggest completes numbers and titles alike', async () => {
    for (const q of ['05', 'ct 5', 'nghị định 123', 'nghi dinh 100', '100/2019', 'chỉ thị', 'quy dinh ve', '']) {
      const reply = await expectSame(`/api/suggest?q=${encodeURIComponent(q)}`);
      expect(reply.status).toBe(200);
      if (q !== '') expect(reply.body.suggestions.length).toBeGreaterThan(0);
    }
    expect((await expectSame('/api/suggest')).status).toBe(400);
  });

  it('GET /api/documents/:id/similar: the same distinctive terms, and mostly the same documents (BM25 differs slightly)', async () => {
    for (const number of ['45-CT/TW', '123/2021/NĐ-CP', '384-QĐ/TW']) {
      const [mine, theirs] = await both(`/api/documents/${idOf(number)}/similar?k=5`);
      expect(theirs.status).toBe(200);
      expect(theirs.body.mode).toBe('lexical');
      expect(theirs.body.terms).toEqual(mine.body.terms);
      const top = (reply: Reply): string[] => reply.body.similar.map((s: { document: { id: string } }) => s.document.id);
      const shared = top(theirs).filter((id) => top(mine).includes(id));
      const message = `${number}: embedded ${top(mine).join(' ')}; solr ${top(theirs).join(' ')}`;
      expect(top(theirs).length, message).toBeGreaterThanOrEqual(3);
      expect(shared.length / top(theirs).length, message).toBeGreaterThanOrEqual(0.6);
    }
    const unknown = await expectSame('/api/documents/no-such-document/similar');
    expect(unknown.status).toBe(404);
  });

  it('serves the document page itself', async () => {
    const [mine, theirs] = await both(`/documents/${ids[0]}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toBe(mine.body);
  });

  it('marks a replaced document no longer in force in search results, on Solr too', async () => {
    const q = encodeURIComponent('chỉ thị 35-CT/TW');
    const [mine, theirs] = await both(`/api/search?q=${q}&k=10`);
    const statusOf = (reply: Reply) => reply.body.results.find((r: { document: { number: string } }) => r.document.number === '35-CT/TW')?.document.status;
    expect(statusOf(theirs)).toBe('no-longer-in-force');
    expect(statusOf(theirs)).toBe(statusOf(mine));
    const ended = (reply: Reply) => [...new Set(reply.body.results.map((r: { document: { id: string } }) => r.document.id))].sort();
    const [mineEnded, theirsEnded] = await both(`/api/search?q=${q}&k=10&status=no-longer-in-force`);
    expect(ended(theirsEnded)).toEqual(ended(mineEnded));
    expect(ended(theirsEnded)).toContain(idOf('35-CT/TW'));
  });
});
