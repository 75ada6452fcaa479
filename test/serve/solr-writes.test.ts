/**
 * The write API with ENGINE=solr (src/serve/engine-write-routes.ts over src/store/solr/), on a real local cluster
 * (engines/solr launcher: 3 nodes) with collections of 2 shards × 2 replicas: the write scenario every engine passes
 * (test/serve/engine-writes-contract.ts), then faults. A node stopped while a job runs loses nothing: every file the
 * job reports done is stored. When no node answers (the server cut off from the cluster by closing the one proxy it
 * reaches the cluster through), uploads and deletions answer 503 `engine_unavailable`, a running job reports its
 * unstored files failed with that code, and writes work again once the cluster answers.
 */
import { readFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestJobs } from '../../src/serve/ingest-jobs.js';
import { engineTarget } from '../../src/serve/ingest-target.js';
import type { SearchEngine } from '../../src/store/engine.js';
import { JobStore } from '../../src/store/job-store.js';
import { deleteCollection } from '../../src/store/solr/solr-collection.js';
import type { SolrConfig } from '../../src/store/solr/solr-config.js';
import { solrEngine } from '../../src/store/solr/solr-engine.js';
import { SolrHttp } from '../../src/store/solr/solr-http.js';
import { corpusFiles, tempDir } from '../support/fixtures.js';
import { bearer, call, waitForJob } from '../support/http.js';
import { sharedCluster } from '../support/solr-cluster.js';
import { engineWritesContract, KEY, NOTE, post, serveEngine } from './engine-writes-contract.js';

const cluster = sharedCluster();

async function config(collection: string, urls?: string[]): Promise<SolrConfig> {
  const c = await cluster();
  return { urls: urls ?? c.urls, collection, configName: c.configName, numShards: 2, replicationFactor: 2 };
}

async function dropCollection(collection: string): Promise<void> {
  await deleteCollection(new SolrHttp((await cluster()).urls), collection);
}

engineWritesContract('solr (2 shards × 2 replicas)', async () => {
  const engine = await solrEngine(await config('writes'), { model: null });
  return {
    engine,
    cleanup: async () => {
      await engine.close();
      await dropCollection('writes');
    },
  };
});

/** A TCP proxy to one node: the only way the server under test reaches the cluster, cut and restored at will. */
class Proxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: URL) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(this.port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Refuses every connection from now on, and drops those open. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  url(): string {
    return `http://127.0.0.1:${this.port}${this.target.pathname}`;
  }
}

const files = (n: number, offset = 0) => corpusFiles().slice(offset, offset + n).map((f) => ({ name: basename(f), bytes: readFileSync(f) }));

describe('engine write API: solr faults', () => {
  const work = tempDir();
  afterAll(() => work.cleanup());

  it('a node stopped while a job runs: the job finishes and every file it reports done is stored', async () => {
    const c = await cluster();
    const engine = await solrEngine(await config('writes_node_down'), { model: null, http: { deadlineMs: 90_000, attemptTimeoutMs: 20_000 } });
    const store = new JobStore(join(work.dir, 'node-down.sqlite'));
    const server = await serveEngine(engine, new IngestJobs(engineTarget(engine, null, store)));
    const victim = c.nodes[1];
    try {
      const r = await call(server.base, '/api/documents', post(files(5)));
      expect(r.status).toBe(202);
      await c.stopNode(victim?.index ?? 1);
      const done = await waitForJob(server.base, r.body.job.id);
      expect(done.body.job.status).toBe('done');
      const stored = done.body.job.files.filter((f: { status: string }) => f.status === 'done');
      expect(stored).toHaveLength(5);
      const summaries = await engine.documentSummaries(stored.map((f: { documentId: string }) => f.documentId));
      for (const f of stored) expect(summaries.get(f.documentId)?.source).toBe(`uploads/${f.name}`);
      // Searches and deletions go on with the node down.
      const target = stored[0].documentId as string;
      expect((await call(server.base, `/api/documents/${target}`, { method: 'DELETE', headers: bearer(KEY) })).status).toBe(200);
      expect((await engine.counts()).documents).toBe(4);
    } finally {
      await c.startNode(victim?.index ?? 1);
      await server.close();
      store.close();
      await engine.close();
      await dropCollection('writes_node_down');
    }
  }, 400_000);

  it('no node answers: uploads and deletions answer 503 engine_unavailable, nothing acknowledged is lost, writes resume after', async () => {
    const c = await cluster();
    const proxy = new Proxy(new URL(c.urls[0] ?? ''));
    await proxy.open();
    const engine: SearchEngine = await solrEngine(await config('writes_cut_off', [proxy.url()]), { model: null, http: { deadlineMs: 3_000, attemptTimeoutMs: 2_000 } });
    const direct = await solrEngine(await config('writes_cut_off'), { model: null, create: false });
    const store = new JobStore(join(work.dir, 'cut-off.sqlite'));
    const server = await serveEngine(engine, new IngestJobs(engineTarget(engine, null, store)));
    try {
      const first = await waitForJob(server.base, (await call(server.base, '/api/documents', post([{ name: 'dau-tien.txt', bytes: NOTE }]))).body.job.id);
      expect(first.body.job.files[0]).toMatchObject({ status: 'done', outcome: 'added' });
      const documentId = first.body.job.files[0].documentId as string;

      // A job running when the cluster goes away: what it reports done is stored, the rest failed with the reason.
      const running = await call(server.base, '/api/documents', post(files(4)));
      expect(running.status).toBe(202);
      await proxy.cut();
      const failed = await waitForJob(server.base, running.body.job.id);
      const reported = failed.body.job.files as { name: string; status: string; documentId: string | null; error: { code: string } | null }[];
      expect(reported.some((f) => f.status === 'failed')).toBe(true);
      for (const f of reported) {
        if (f.status === 'failed') expect(f.error?.code).toBe('engine_unavailable');
        else expect((await direct.documentSummaries([f.documentId ?? ''])).get(f.documentId ?? '')?.source).toBe(`uploads/${f.name}`);
      }
      const before = await direct.counts();
      expect(before.documents).toBe(1 + reported.filter((f) => f.status === 'done').length);

      const refused = await call(server.base, '/api/documents', post([{ name: 'sau.txt', bytes: `${NOTE} Sau.` }]));
      expect([refused.status, refused.body.error.code]).toEqual([503, 'engine_unavailable']);
      const deletion = await call(server.base, `/api/documents/${documentId}`, { method: 'DELETE', headers: bearer(KEY) });
      expect([deletion.status, deletion.body.error.code]).toEqual([503, 'engine_unavailable']);
      // Bad input is still refused for what it is, before the engine is asked.
      const bad = await call(server.base, '/api/documents', post([{ name: 'rong.txt', bytes: '' }]));
      expect([bad.status, bad.body.error.code]).toEqual([422, 'empty_file']);
      expect(await direct.counts()).toEqual(before);

      await proxy.open();
      const again = await waitForJob(server.base, (await call(server.base, '/api/documents', post([{ name: 'sau.txt', bytes: `${NOTE} Sau.` }]))).body.job.id);
      expect(again.body.job.files[0]).toMatchObject({ status: 'done', outcome: 'added' });
      expect((await call(server.base, `/api/documents/${documentId}`, { method: 'DELETE', headers: bearer(KEY) })).status).toBe(200);
    } finally {
      await proxy.cut();
      await server.close();
      store.close();
      await engine.close();
      await dropCollection('writes_cut_off');
    }
  }, 400_000);
});
