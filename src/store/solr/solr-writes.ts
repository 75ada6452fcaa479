/**
 * Writes to a SolrCloud collection, whole document or nothing as a person sees it:
 * - a document's record and passages go in one batch, then the passages of an older split of it beyond the new
 *   count are deleted and the collection committed: searches (which see only committed writes, the configset having
 *   no soft autocommit) see the old version or the new one;
 * - a batch that no node takes (a node stopped, a leader being elected) is retried by SolrHttp until its deadline —
 *   ids are fixed, so a retried batch overwrites rather than duplicates — so an ingest resumes once the cluster does;
 * - when it still fails, what may have been written for the document is deleted (best effort) and the error is
 *   thrown (`engine_unavailable`, `engine_rejected`): the caller reports the document as not done.
 * A write that returned is acknowledged by each shard's leader and its live replicas (Solr's transaction logs), so
 * a node stopped afterwards loses nothing; a replica that was down catches up from its leader when it returns.
 */
import { solrDocuments, type SolrDocumentInput } from './solr-documents.js';
import type { SolrHttp } from './solr-http.js';

/** The `{!term}` query of a document's Solr documents (its record and passages). */
const ofDocument = (documentId: string): string => `{!term f=document_id}${documentId}`;

/**
 * Solr's JSON update commands in one body, in order (the format repeats keys: `{"add":…,"add":…,"delete":…}`, so
 * it is written by hand): each Solr document added, then the passages of an older split of the same document
 * (ordinals past the new count) deleted.
 */
function updateBody(input: SolrDocumentInput): string {
  const adds = solrDocuments(input).map((doc) => `"add":{"doc":${JSON.stringify(doc)}}`);
  const stale = `+document_id:${JSON.stringify(input.document.id)} +type:passage +ordinal:[${input.document.passages.length} TO *]`;
  return `{${adds.join(',')},"delete":{"query":${JSON.stringify(stale)}}}`;
}

/**
 * Makes committed writes visible. A soft commit: durability is the transaction log's (each write is in the tlog of
 * the shard leader and its live replicas before Solr answers; a restarted node replays its own), and the configset's
 * hard autocommit persists segments in the background.
 */
const COMMIT = { commit: 'true', softCommit: 'true' };

/** Adds (or replaces) one document with its passages and commits; throws after cleaning up when it cannot. */
export async function writeDocument(http: SolrHttp, collection: string, input: SolrDocumentInput): Promise<void> {
  const body = updateBody(input);
  try {
    await http.postJson(`/${encodeURIComponent(collection)}/update`, COMMIT, body);
  } catch (err) {
    await deleteDocument(http, collection, input.document.id).catch(() => undefined);
    throw err;
  }
}

/** Deletes a document's record and passages, and commits. */
export async function deleteDocument(http: SolrHttp, collection: string, documentId: string): Promise<void> {
  await http.postJson(`/${encodeURIComponent(collection)}/update`, COMMIT, { delete: { query: ofDocument(documentId) } });
}

/** Deletes every document (a collection emptied for a rebuild), and commits. */
export async function deleteAll(http: SolrHttp, collection: string): Promise<void> {
  await http.postJson(`/${encodeURIComponent(collection)}/update`, COMMIT, { delete: { query: '*:*' } });
}
