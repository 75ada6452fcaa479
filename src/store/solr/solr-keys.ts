/**
 * Integer passage keys in a SolrCloud collection. The SearchEngine interface (src/store/engine.ts) names passages by
 * number; Solr's ids are strings (`<documentId>!<ordinal>`). Each passage therefore carries a `passage_key` (plong)
 * allocated at write time from one counter record in the collection (`_keys!counter`, type `counter`, field
 * `next_key`): a writer reads it by real-time get, then claims a block of keys with Solr's optimistic concurrency
 * (`_version_`), and retries when another writer claimed first. Keys are unique in the collection for every writer
 * and every process, stable across restarts, and never reused while the counter lives (a rewritten document gets new
 * keys; `deleteAll` removes the counter with everything, so keys start over in an emptied collection).
 */
import { UserError } from '../../core/errors.js';
import type { SolrHttp } from './solr-http.js';

export const COUNTER_ID = '_keys!counter';
const ATTEMPTS = 50;

interface RealTimeGet {
  /** `_version_` as its digits (SolrHttp keeps 64-bit versions exact). */
  doc?: { next_key?: number; _version_?: string } | null;
}

/** Claims `count` consecutive keys; returns the first (keys start at 1). */
export async function allocateKeys(http: SolrHttp, collection: string, count: number): Promise<number> {
  const path = `/${encodeURIComponent(collection)}`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const got = (await http.get(`${path}/get`, { id: COUNTER_ID, fl: 'next_key,_version_' })) as RealTimeGet;
    const first = got.doc?.next_key ?? 1;
    // -1: the record must not exist yet; otherwise the version read must still be the current one.
    const version = /^-?\d+$/.test(got.doc?._version_ ?? '') ? got.doc?._version_ : '-1';
    const record = JSON.stringify({ id: COUNTER_ID, type: 'counter', document_id: '_keys', next_key: first + count });
    try {
      // The version written as its digits: JSON numbers from JavaScript cannot carry 64 bits.
      await http.postJson(`${path}/update`, {}, `[${record.slice(0, -1)},"_version_":${version}}]`);
      return first;
    } catch (err) {
      if (!(err instanceof UserError && /version conflict|already exists/i.test(err.message))) throw err;
    }
  }
  throw new UserError('engine_unavailable', `could not claim passage keys in ${collection}: ${ATTEMPTS} writers claimed first`);
}
