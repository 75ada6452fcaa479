/**
 * A SolrCloud collection of our passages: created from our configset (engines/solr/configset, uploaded to ZooKeeper
 * under `configName`) with `numShards` shards of `replicationFactor` replicas, routed by compositeId (a document and
 * its passages share a shard: ids are `<documentId>!…`).
 */
import { UserError } from '../../core/errors.js';
import type { SolrHttp } from './solr-http.js';

export interface CollectionLayout {
  numShards: number;
  replicationFactor: number;
  /** The configset's name in ZooKeeper. */
  configName: string;
}

export interface ReplicaState {
  shard: string;
  node: string;
  /** The node's base URL and the replica's core there (a core answers for itself alone with `distrib=false`). */
  baseUrl: string;
  core: string;
  state: string;
  leader: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Names of the cluster's collections. */
export async function listCollections(http: SolrHttp): Promise<string[]> {
  const res = await http.get('/admin/collections', { action: 'LIST' });
  return (res.collections as string[] | undefined) ?? [];
}

/**
 * Creates `name` unless it exists (an existing one is kept as it is, whatever its layout), then waits until every
 * replica is active. `properties` become core properties of its replicas (the configset reads
 * `vndocsearch.vectorDimension`). Throws `engine_rejected` when Solr refuses (e.g. no configset of that name).
 */
export async function createCollection(http: SolrHttp, name: string, layout: CollectionLayout, properties: Record<string, string> = {}): Promise<void> {
  if (!(await listCollections(http)).includes(name)) {
    const coreProperties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [`property.${k}`, v]));
    await http.get('/admin/collections', {
      ...coreProperties,
      action: 'CREATE',
      name,
      numShards: layout.numShards,
      replicationFactor: layout.replicationFactor,
      'collection.configName': layout.configName,
      'router.name': 'compositeId',
      waitForFinalState: 'true',
    });
  }
  await waitForActive(http, name, layout.numShards * layout.replicationFactor);
}

/** Deletes `name`; nothing happens when there is no such collection. */
export async function deleteCollection(http: SolrHttp, name: string): Promise<void> {
  if (!(await listCollections(http)).includes(name)) return;
  await http.get('/admin/collections', { action: 'DELETE', name });
}

/** Every replica of `name`, with its shard, node, state (`active`, `down`, `recovering`, …) and leadership. */
export async function replicaStates(http: SolrHttp, name: string): Promise<ReplicaState[]> {
  const res = await http.get('/admin/collections', { action: 'CLUSTERSTATUS', collection: name });
  const cluster = res.cluster as { collections: Record<string, { shards: Record<string, { replicas: Record<string, Record<string, string>> }> }>; live_nodes: string[] };
  const live = new Set(cluster.live_nodes);
  const shards = cluster.collections[name]?.shards ?? {};
  return Object.entries(shards).flatMap(([shard, { replicas }]) =>
    Object.values(replicas).map((r) => ({
      shard,
      node: r.node_name ?? '',
      baseUrl: r.base_url ?? '',
      core: r.core ?? '',
      // A replica on a node that left is reported active until its node's state is cleaned up: it is down.
      state: live.has(r.node_name ?? '') ? (r.state ?? 'unknown') : 'down',
      leader: r.leader === 'true',
    })),
  );
}

/** Waits until `expected` replicas of `name` are active on live nodes (`engine_unavailable` after `timeoutMs`). */
export async function waitForActive(http: SolrHttp, name: string, expected: number, timeoutMs = 120_000): Promise<ReplicaState[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const replicas = await replicaStates(http, name);
    if (replicas.filter((r) => r.state === 'active').length >= expected) return replicas;
    if (Date.now() > deadline) {
      throw new UserError('engine_unavailable', `collection ${name}: ${replicas.filter((r) => r.state === 'active').length} of ${expected} replicas active after ${timeoutMs / 1000} s`);
    }
    await sleep(250);
  }
}
