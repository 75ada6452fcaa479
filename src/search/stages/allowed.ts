/**
 * Stage 2 of search: the documents and passages the filters allow (null: no filters, everything is allowed).
 */
import { hasFilters, matchesFilters, type SearchFilters } from '../../core/filters.js';
import type { DocumentFields } from '../../core/types.js';
import { effectiveValidity } from '../../core/validity.js';
import type { IndexHandle } from '../../store/open-index.js';
import { statusChangesByDocument } from '../../store/validity.js';

export interface Allowed {
  documents: string[] | null;
  /** Their passages' keys, read once for both retrievers and the pinning stage. */
  keys: Set<number> | null;
}

export function allowedPassages(handle: IndexHandle, filters: SearchFilters | undefined): Allowed {
  if (!filters || !hasFilters(filters)) return { documents: null, keys: null };
  // The status filter reads the effective status: stated by the source, corrected by indexed documents that replace,
  // repeal or amend it (src/core/validity.ts).
  const changes = filters.status ? statusChangesByDocument(handle.store) : null;
  const effective = (id: string, fields: DocumentFields): DocumentFields =>
    changes?.has(id) ? { ...fields, status: effectiveValidity(fields.status, changes.get(id)!).status } : fields;
  const documents = handle.store.documentIdsWhere((id, fields) => matchesFilters(id, effective(id, fields), filters));
  return { documents, keys: handle.store.passageKeysOf(documents) };
}

/** True when filters allow nothing: no retriever needs to run. */
export const allowsNothing = (allowed: Allowed): boolean => allowed.documents?.length === 0;
