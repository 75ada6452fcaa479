/**
 * Stage 2 of search: the documents and passages the filters allow (null: no filters, everything is allowed).
 */
import { hasFilters, matchesFilters, type SearchFilters } from '../../core/filters.js';
import type { DocumentFields } from '../../core/types.js';
import { effectiveValidity, type StatusChange } from '../../core/validity.js';
import type { IndexHandle } from '../../store/open-index.js';
import { statusChangesByDocument } from '../../store/validity.js';

export interface Allowed {
  documents: string[] | null;
  /** Their passages' keys, read once for both retrievers and the pinning stage. */
  keys: Set<number> | null;
}

/** `changes`: what indexed documents change in others, when the caller has read it (else read here if needed). */
export function allowedPassages(handle: IndexHandle, filters: SearchFilters | undefined, changes?: ReadonlyMap<string, StatusChange[]>): Allowed {
  if (!filters || !hasFilters(filters)) return { documents: null, keys: null };
  // The status filter reads the effective status: stated by the source, corrected by indexed documents that replace,
  // repeal or amend it (src/core/validity.ts).
  const byDocument = filters.status ? (changes ?? statusChangesByDocument(handle.store)) : null;
  const effective = (id: string, fields: DocumentFields): DocumentFields => {
    const list = byDocument?.get(id);
    return list ? { ...fields, status: effectiveValidity(fields.status, list).status } : fields;
  };
  const documents = handle.store.documentIdsWhere((id, fields) => matchesFilters(id, effective(id, fields), filters));
  return { documents, keys: handle.store.passageKeysOf(documents) };
}

/** True when filters allow nothing: no retriever needs to run. */
export const allowsNothing = (allowed: Allowed): boolean => allowed.documents?.length === 0;
