/**
 * Each document's mean vector on Solr: the normalised mean of its passage vectors (src/core/mean-vector.ts), written
 * once on the document's record (`vector_mean`, stored only) when the document is written with vectors, and read
 * back for similar documents' vector half (src/search/similar.ts), as the embedded engine computes it from its stored
 * passage vectors. Solr gives no passage vector back (the `vector` field is indexed, not stored: storing it would
 * add 1.5 KB a passage; one mean a document is a fraction of that, and one record to read instead of every passage).
 * Stored as base64 of the float32 values, little-endian, so the read vector is bit for bit the written one.
 * A collection created from a configset before the field (engines/solr/configset) has no `vector_mean`: the engine
 * asks the collection's schema once at open and then writes none, and its similar documents stay lexical.
 */
import type { SolrHttp } from './solr-http.js';

export const MEAN_FIELD = 'vector_mean';
const DOCUMENT = '{!term f=type}document';

/** float32 values as base64 (little-endian). */
export function encodeVector(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes.toString('base64');
}

/** The float32 values of `encodeVector`'s text; null for anything else (absent, not a whole number of floats). */
export function decodeVector(text: unknown): Float32Array | null {
  if (typeof text !== 'string' || text === '') return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0 || bytes.length % 4 !== 0) return null;
  return Float32Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
}

/** Whether the collection's schema has the mean vector field (a configset from before it has not). */
export async function hasMeanField(http: SolrHttp, collection: string): Promise<boolean> {
  const res = (await http.get(`/${encodeURIComponent(collection)}/schema/fields`, {})) as { fields?: { name?: string }[] };
  return (res.fields ?? []).some((f) => f.name === MEAN_FIELD);
}

/** The mean vector written on a document's record, or null (no such document, written without vectors or before the field). */
export async function documentMeanVector(http: SolrHttp, collection: string, documentId: string): Promise<Float32Array | null> {
  const params = new URLSearchParams([['q', `{!term f=document_id}${documentId}`], ['fq', DOCUMENT], ['fl', MEAN_FIELD], ['rows', '1']]);
  const res = (await http.postForm(`/${encodeURIComponent(collection)}/select`, params)) as { response?: { docs?: Record<string, unknown>[] } };
  return decodeVector(res.response?.docs?.[0]?.[MEAN_FIELD]);
}
