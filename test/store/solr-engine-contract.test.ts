/**
 * The SolrCloud engine against the SearchEngine contract (test/store/engine-contract.ts), on a real local cluster
 * (engines/solr launcher: 3 nodes) with collections of 2 shards × 2 replicas: lexical only, and with the tiny test
 * model's vectors (its dimension set on the collection at creation).
 */
import { afterAll } from 'vitest';
import type { SolrConfig } from '../../src/store/solr/solr-config.js';
import { solrEngine } from '../../src/store/solr/solr-engine.js';
import { deleteCollection } from '../../src/store/solr/solr-collection.js';
import { SolrHttp } from '../../src/store/solr/solr-http.js';
import { loadTinyEmbedder } from '../support/fixtures.js';
import { startSolrCluster, type SolrCluster } from '../support/solr-cluster.js';
import { engineContract } from './engine-contract.js';

let started: Promise<SolrCluster> | null = null;
const cluster = (): Promise<SolrCluster> => {
  started ??= startSolrCluster(3);
  return started;
};
afterAll(async () => {
  await (await started)?.close();
}, 120_000);

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
