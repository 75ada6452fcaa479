/**
 * A benchmark target on SolrCloud (src/eval/evaluate.ts): a temporary collection of the configured cluster
 * (`<SOLR_COLLECTION>-eval-<random>`, SOLR_SHARDS × SOLR_REPLICAS), written through the engine's verbs and deleted
 * when the benchmark is done, so `npm run eval -- --vire …` with ENGINE=solr scores the same questions on Solr.
 */
import { randomBytes } from 'node:crypto';
import type { SolrConfig } from '../store/solr/solr-config.js';
import { deleteCollection } from '../store/solr/solr-collection.js';
import { solrEngine } from '../store/solr/solr-engine.js';
import { SolrHttp } from '../store/solr/solr-http.js';
import { engineTarget, type OpenBenchmarkTarget } from './evaluate.js';

/** Throws `engine_unavailable` when no node of `config.urls` answers. */
export function temporarySolrCollection(config: SolrConfig): OpenBenchmarkTarget {
  return async (embedder) => {
    const collection = `${config.collection}-eval-${randomBytes(4).toString('hex')}`;
    const engine = await solrEngine({ ...config, collection }, { model: embedder ? { id: embedder.modelId, dimension: embedder.dimension } : null });
    return engineTarget(engine, embedder, () => deleteCollection(new SolrHttp(config.urls), collection));
  };
}
