/**
 * The SolrCloud engine against the SearchEngine contract (test/store/engine-contract.ts), on a real local cluster
 * (engines/solr launcher: 3 nodes) with collections of 2 shards × 2 replicas: lexical only, and with the tiny test
 * model's vectors (its dimension set on the collection at creation); then the product with ENGINE=solr.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import type { SearchResponse } from '../../src/core/types.js';
import { engineNearMean, findSimilar } from '../../src/search/similar.js';
import { createApp } from '../../src/serve/app.js';
import { readEngineConfig, type SolrConfig } from '../../src/store/solr/solr-config.js';
import { STATUS_CHANGES_TTL_MS, solrEngine } from '../../src/store/solr/solr-engine.js';
import { deleteCollection } from '../../src/store/solr/solr-collection.js';
import { SolrHttp } from '../../src/store/solr/solr-http.js';
import { allocateKeys } from '../../src/store/solr/solr-keys.js';
import { CITED_DIRECTIVE, corpusFiles, loadTinyEmbedder, tempDir } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { runCli } from '../support/processes.js';
import { SOLR_ENGINE_DIR, sharedCluster } from '../support/solr-cluster.js';
import { zip } from '../support/zip.js';
import { engineContract } from './engine-contract.js';

const cluster = sharedCluster();

async function config(collection: string): Promise<SolrConfig> {
  const c = await cluster();
  return { urls: c.urls, collection, configName: c.configName, numShards: 2, replicationFactor: 2 };
}

engineContract('solr, lexical only (2 shards × 2 replicas)', async () => {
  const settings = await config('contract_lexical');
  const engine = await solrEngine(settings, { model: null });
  return {
    engine,
    embed: null,
    cleanup: async () => {
      await engine.close();
      await deleteCollection(new SolrHttp(settings.urls), settings.collection);
    },
  };
});

engineContract('solr, with a model (HNSW)', async () => {
  const settings = await config('contract_vectors');
  const embedder = await loadTinyEmbedder();
  const engine = await solrEngine(settings, { model: { id: embedder.modelId, dimension: embedder.dimension } });
  return {
    engine,
    embed: (texts) => embedder.embedPassages(texts),
    cleanup: async () => {
      await engine.close();
      await deleteCollection(new SolrHttp(settings.urls), settings.collection);
    },
  };
});

/**
 * ENGINE=solr through the product, on the same cluster: `npm run ingest` and `npm run search` with the engine's
 * environment, the server's search, document list, autocomplete and similar documents.
 */
describe('ENGINE=solr through the product (lexical only)', () => {
  const files = [CITED_DIRECTIVE, ...corpusFiles().slice(0, 3)];
  let env: Record<string, string>;
  let noModels: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    const c = await cluster();
    noModels = tempDir();
    env = { ENGINE: 'solr', SOLR_URL: c.urls.join(','), SOLR_COLLECTION: 'product', SOLR_CONFIG: c.configName, MODEL_DIR: noModels.dir, EMBEDDINGS_URL: '' };
  }, 600_000);
  afterAll(() => noModels?.cleanup());

  it('ingests through the engine, again without change, and searches from the command line', async () => {
    const first = await runCli('ingest-command.ts', files, env);
    expect(first.code, first.stderr).toBe(0);
    const again = await runCli('ingest-command.ts', [files[0] ?? ''], env);
    expect(again.code, again.stderr).toBe(0);
    const counts = await (await solrEngine(readEngineConfig(env) as SolrConfig, { model: null })).counts();
    expect(counts.documents).toBe(files.length);
    const found = await runCli('search-command.ts', ['--json', '--k', '5', 'chỉ thị 05-CT/TW'], env);
    expect(found.code, found.stderr).toBe(0);
    const response = JSON.parse(found.stdout) as SearchResponse;
    expect(response.results.length).toBe(5);
    expect(response.results.some((r) => r.document.number === '05-CT/TW')).toBe(true);
  }, 300_000);

  it('serves GET /api/search, the document reads, autocomplete and similar documents through the engine', async () => {
    const engine = await solrEngine(readEngineConfig(env) as SolrConfig, { model: null });
    const { app } = createApp(engine, null, { searchesPerMinute: 0 });
    const server: Server = createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const hits = await call(base, `/api/search?q=${encodeURIComponent('tổ chức cơ sở đảng')}&k=3`);
      expect(hits.status).toBe(200);
      expect(hits.body.results).toHaveLength(3);
      expect(hits.body.results[0].passage.text.length).toBeGreaterThan(0);
      const health = await call(base, '/api/health');
      expect(health.body).toMatchObject({ engine: 'solr', mode: 'lexical', documents: files.length });
      const documents = await call(base, '/api/documents');
      expect(documents.status).toBe(200);
      expect(documents.body.documents).toHaveLength(files.length);
      const suggest = await call(base, '/api/suggest?q=05');
      expect(suggest.status).toBe(200);
      expect(suggest.body.suggestions.map((s: { label: string }) => s.label)).toContain('05-CT/TW');
      const similar = await call(base, `/api/documents/${documents.body.documents[0].id}/similar?k=2`);
      expect(similar.status).toBe(200);
      expect(similar.body).toMatchObject({ mode: 'lexical' });
      expect(similar.body.similar).toHaveLength(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('removes a document by its path from the command line', async () => {
    const removed = await runCli('ingest-command.ts', ['--delete', files[0] ?? ''], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await (await solrEngine(readEngineConfig(env) as SolrConfig, { model: null })).counts()).documents).toBe(files.length - 1);
    const missing = await runCli('ingest-command.ts', ['--delete', 'never/ingested.txt'], env);
    expect(missing.code).toBe(1);
  }, 120_000);
});

describe('Solr passage keys', () => {
  it('are claimed in disjoint blocks by concurrent writers of different processes (optimistic concurrency)', async () => {
    const settings = await config('keys');
    await solrEngine(settings, { model: null });
    // Two clients, as two processes would be, each claiming blocks at the same time.
    const one = new SolrHttp(settings.urls);
    const other = new SolrHttp([...settings.urls].reverse());
    const sizes = [3, 1, 7, 2, 5, 4, 6, 1];
    const firsts = await Promise.all(sizes.map((n, i) => allocateKeys(i % 2 === 0 ? one : other, settings.collection, n)));
    const claimed = sizes.flatMap((n, i) => Array.from({ length: n }, (_, j) => (firsts[i] ?? 0) + j));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(Math.min(...claimed)).toBe(1);
    expect(Math.max(...claimed)).toBe(claimed.length);
    await deleteCollection(one, settings.collection);
  }, 120_000);
});

describe('Solr status changes, kept a while by each engine', () => {
  it("shows its own writes at once and another writer's within STATUS_CHANGES_TTL_MS", async () => {
    const settings = await config('status_changes');
    const reader = await solrEngine(settings, { model: null, vocabulary: false });
    const writer = await solrEngine(settings, { model: null, vocabulary: false });
    const prepare = (path: string) => prepareDocument(readFileSync(path, 'utf8'), 'txt');
    const d35 = prepare('test/fixtures/relations/chi-thi-35-CT-TW.txt');
    const d45 = prepare('test/fixtures/relations/chi-thi-45-CT-TW.txt');
    await writer.addDocument(d35, 'chi-thi-35.txt', 'hash-35', null);
    expect((await reader.statusChanges()).has(d35.id)).toBe(false);
    expect((await writer.statusChanges()).has(d35.id)).toBe(false);
    await writer.addDocument(d45, 'chi-thi-45.txt', 'hash-45', null);
    const written = Date.now();
    expect((await writer.statusChanges()).get(d35.id)?.map((c) => c.by.id)).toEqual([d45.id]);
    let seen = false;
    while (!seen && Date.now() - written < STATUS_CHANGES_TTL_MS + 1_000) {
      seen = (await reader.statusChanges()).has(d35.id);
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen).toBe(true);
    await deleteCollection(new SolrHttp(settings.urls), settings.collection);
  }, 120_000);
});

describe('Solr mean vectors and a collection from an older configset', () => {
  it('writes no mean where the schema has no vector_mean: documents are stored and similar documents stay lexical', async () => {
    const c = await cluster();
    const conf = join(SOLR_ENGINE_DIR, 'configset/conf');
    const schema = readFileSync(join(conf, 'managed-schema.xml'), 'utf8').replace(/<field name="vector_mean"[^>]*\/>/, '');
    expect(schema).not.toContain('name="vector_mean"');
    const body = zip({ 'managed-schema.xml': schema, 'solrconfig.xml': readFileSync(join(conf, 'solrconfig.xml'), 'utf8') });
    const uploaded = await fetch(`${c.urls[0]}/admin/configs?action=UPLOAD&name=before_means`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(body) });
    expect(uploaded.status, await uploaded.text()).toBe(200);
    const settings = { ...(await config('before_means')), configName: 'before_means' };
    const embedder = await loadTinyEmbedder();
    const engine = await solrEngine(settings, { model: { id: embedder.modelId, dimension: embedder.dimension } });
    const docs = [CITED_DIRECTIVE, ...corpusFiles().slice(0, 3)].map((path) => prepareDocument(readFileSync(path, 'utf8'), 'txt'));
    for (const doc of docs) {
      await engine.addDocument(doc, `${doc.id}.txt`, 'hash', { model: embedder.modelId, values: await embedder.embedPassages(doc.passages.map((p) => p.text)) });
    }
    expect((await engine.counts()).vectors).toBe(docs.reduce((n, d) => n + d.passages.length, 0));
    const id = docs[0]?.id ?? '';
    expect(await engine.documentVector(id)).toBeNull();
    const similar = await findSimilar(engine, engineNearMean(engine), id, 2);
    expect(similar?.mode).toBe('lexical');
    expect(similar?.similar).toHaveLength(2);
    await deleteCollection(new SolrHttp(settings.urls), settings.collection);
  }, 180_000);
});
