/**
 * Stage 2 of search: the documents and passages the filters allow (null: no filters, everything is allowed).
 */
import { hasFilters, matchesFilters, type SearchFilters } from '../../core/filters.js';
import type { IndexHandle } from '../../store/open-index.js';

export interface Allowed {
  documents: string[] | null;
  /** Their passages' keys, read once for both retrievers and the pinning stage. */
  keys: Set<number> | null;
}

export function allowedPassages(handle: IndexHandle, filters: SearchFilters | undefined): Allowed {
  if (!filters || !hasFilters(filters)) return { documents: null, keys: null };
  const documents = handle.store.documentIdsWhere((id, fields) => matchesFilters(id, fields, filters));
  return { documents, keys: handle.store.passageKeysOf(documents) };
}

/** True when filters allow nothing: no retriever needs to run. */
export const allowsNothing = (allowed: Allowed): boolean => allowed.documents?.length === 0;
