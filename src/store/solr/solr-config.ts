/**
 * The engine chosen by configuration: `ENGINE=embedded` (default: the index folder) or `ENGINE=solr` with
 * `SOLR_URL` (comma-separated base URLs of cluster nodes, `http://host:8983/solr`), `SOLR_COLLECTION` (default
 * `vndocsearch`), `SOLR_CONFIG` (the configset's name in ZooKeeper, default `vndocsearch`), `SOLR_SHARDS` (default 2)
 * and `SOLR_REPLICAS` (replicationFactor, default 2) for a collection that does not exist yet.
 */
import type { CollectionLayout } from './solr-collection.js';

export interface SolrConfig extends CollectionLayout {
  urls: string[];
  collection: string;
}

export type EngineConfig = { engine: 'embedded' } | ({ engine: 'solr' } & SolrConfig);

function positive(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1; got "${raw}"`);
  return n;
}

/** Reads the engine settings; throws (a configuration mistake, at start-up) on an unknown engine or a bad URL. */
export function readEngineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const engine = env.ENGINE ?? 'embedded';
  if (engine === 'embedded' || engine === '') return { engine: 'embedded' };
  if (engine !== 'solr') throw new Error(`ENGINE must be "embedded" or "solr"; got "${engine}"`);
  const urls = (env.SOLR_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (urls.length === 0) throw new Error('ENGINE=solr needs SOLR_URL: base URLs of the cluster nodes, e.g. http://127.0.0.1:8983/solr');
  for (const u of urls) {
    if (!/^https?:\/\/[^/]+/.test(u)) throw new Error(`SOLR_URL entries must be http(s) URLs; got "${u}"`);
  }
  return {
    engine: 'solr',
    urls,
    collection: env.SOLR_COLLECTION || 'vndocsearch',
    configName: env.SOLR_CONFIG || 'vndocsearch',
    numShards: positive(env.SOLR_SHARDS, 'SOLR_SHARDS', 2),
    replicationFactor: positive(env.SOLR_REPLICAS, 'SOLR_REPLICAS', 2),
  };
}
