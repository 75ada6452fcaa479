/**
 * Stage 2 of search: the documents and passages the filters allow (null: no filters, everything is allowed).
 */
import { hasFilters, type SearchFilters } from '../../core/filters.js';
import type { StatusChange } from '../../core/validity.js';
import type { IndexHandle } from '../../store/open-index.js';
import { documentsMatching } from '../../store/validity.js';

export interface Allowed {
  documents: string[] | null;
  /** Their passages' keys, read once for both retrievers and the pinning stage. */
  keys: Set<number> | null;
}

/** `changes`: what indexed documents change in others, when the caller has read it (else read here if needed). */
export function allowedPassages(handle: IndexHandle, filters: SearchFilters | undefined, changes?: ReadonlyMap<string, StatusChange[]>): Allowed {
  if (!filters || !hasFilters(filters)) return { documents: null, keys: null };
  // The status filter reads the effective status (src/core/validity.ts).
  const documents = documentsMatching(handle.store, filters, changes);
  return { documents, keys: handle.store.passageKeysOf(documents) };
}

/** True when filters allow nothing: no retriever needs to run. */
export const allowsNothing = (allowed: Allowed): boolean => allowed.documents?.length === 0;
