/**
 * Removes documents everywhere: store rows, vectors, their passages in the lexical index, and their points in the
 * vector index (marked deleted; hnswlib reuses the slots for the next vectors added).
 */
import type { IndexHandle } from '../store/open-index.js';
import { sourceKey } from './source-key.js';

export interface Removal {
  documentId: string;
  passages: number;
}

/** Drops a document that no source points at any more, from the store and the vector index. */
export function dropOrphans(handle: IndexHandle): void {
  for (const id of handle.store.orphanedDocuments()) removeDocument(handle, id);
}

/** Removes a document by id, with all its sources. */
export function removeDocument(handle: IndexHandle, documentId: string): Removal | null {
  if (!handle.store.hasDocument(documentId)) return null;
  const keys = handle.removeDocument(documentId);
  return { documentId, passages: keys.length };
}

/** Removes what a path was ingested as: the path is forgotten, and its document too unless another path has it. */
export function removeByIdOrPath(handle: IndexHandle, idOrPath: string): Removal | null {
  const byId = removeDocument(handle, idOrPath);
  if (byId) return byId;
  // Accept the path as given on the command line or as recorded (`corpus/…`).
  const path = [sourceKey(idOrPath), idOrPath].find((p) => handle.store.getSource(p) !== null);
  if (!path) return null;
  const removed = handle.removeSource(path);
  return removed && { documentId: removed.documentId, passages: removed.keys.length };
}
