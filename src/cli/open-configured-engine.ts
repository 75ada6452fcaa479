/**
 * Opens the SolrCloud engine of ENGINE=solr (src/store/solr/solr-engine.ts) with the installed model (or none), as
 * openConfiguredIndex does for the embedded engine; the collection is created (SOLR_SHARDS × SOLR_REPLICAS, the
 * model's vector dimension) when it does not exist.
 */
import { openEmbedder } from '../embed/open-embedder.js';
import type { Embedder } from '../embed/embedder.js';
import type { SearchEngine } from '../store/engine.js';
import type { SolrConfig } from '../store/solr/solr-config.js';
import { solrEngine, type SolrEngineOptions } from '../store/solr/solr-engine.js';
import { log } from './open-configured-index.js';

export interface ConfiguredEngine {
  engine: SearchEngine;
  embedder: Embedder | null;
}

/**
 * Throws `engine_unavailable` when no node of SOLR_URL answers, `model_changed` for a collection of another model.
 * `vocabulary: false` skips loading the syllable vocabulary (a command that only writes needs none); `passagesOnThread`
 * embeds passages on a worker thread (the server: src/embed/threaded-embedder.ts).
 */
export async function openConfiguredSolr(
  config: SolrConfig,
  { passagesOnThread, ...options }: Pick<SolrEngineOptions, 'vocabulary'> & { passagesOnThread?: boolean } = {},
): Promise<ConfiguredEngine> {
  const { embedder, message } = await openEmbedder(undefined, undefined, undefined, { passagesOnThread });
  log(message);
  const engine = await solrEngine(config, { model: embedder ? { id: embedder.modelId, dimension: embedder.dimension } : null, ...options });
  log(`engine: SolrCloud collection ${config.collection} at ${config.urls.join(', ')}`);
  return { engine, embedder };
}
