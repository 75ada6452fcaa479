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

/** Adds (or replaces) one document with its passages and commits; throws after cleaning up when it cannot. */
export async function writeDocument(http: SolrHttp, collection: string, input: SolrDocumentInput): Promise<void> {
  const docs = solrDocuments(input);
  const id = input.document.id;
  const update = `/${encodeURIComponent(collection)}/update`;
  try {
    await http.postJson(update, {}, docs);
    // Passages of an older split of the same document (ordinals past the new count) go in the same commit.
    const stale = `+document_id:${JSON.stringify(id)} +type:passage +ordinal:[${input.document.passages.length} TO *]`;
    await http.postJson(update, { commit: 'true' }, { delete: { query: stale } });
  } catch (err) {
    await deleteDocument(http, collection, id).catch(() => undefined);
    throw err;
  }
}

/** Deletes a document's record and passages, and commits. */
export async function deleteDocument(http: SolrHttp, collection: string, documentId: string): Promise<void> {
  await http.postJson(`/${encodeURIComponent(collection)}/update`, { commit: 'true' }, { delete: { query: ofDocument(documentId) } });
}

/** Deletes every document (a collection emptied for a rebuild), and commits. */
export async function deleteAll(http: SolrHttp, collection: string): Promise<void> {
  await http.postJson(`/${encodeURIComponent(collection)}/update`, { commit: 'true' }, { delete: { query: '*:*' } });
}
