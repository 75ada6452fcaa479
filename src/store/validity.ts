/** Effective validity of stored documents (src/core/validity.ts) from the relations the store holds. */
import { matchesFilters, type SearchFilters } from '../core/filters.js';
import type { DocumentFields } from '../core/types.js';
import { effectiveValidity, type StatusChange, type Validity } from '../core/validity.js';
import type { DocumentStore } from './document-store.js';

/** Changes indexed documents make to others, by the changed document's id. One query over the relations table. */
export function statusChangesByDocument(store: DocumentStore): Map<string, StatusChange[]> {
  const out = new Map<string, StatusChange[]>();
  for (const r of store.statusChanges()) {
    const change: StatusChange = {
      type: r.type,
      partial: r.partial,
      since: r.since,
      by: { id: r.byId, number: r.byNumber, title: r.byTitle, date: r.byDate },
      statedIn: r.statedIn,
      sentence: r.sentence,
      start: r.start,
      end: r.end,
    };
    // One change per changing document and type: a page may repeat the sentence.
    const list = out.get(r.targetId) ?? [];
    if (!list.some((c) => c.by.id === change.by.id && c.type === change.type && c.partial === change.partial)) list.push(change);
    out.set(r.targetId, list);
  }
  return out;
}

/** The effective validity of one document (null when it is not stored). */
export function validityOf(store: DocumentStore, documentId: string, changes = statusChangesByDocument(store)): Validity | null {
  const fields = store.documentSummaries([documentId]).get(documentId);
  if (!fields) return null;
  return effectiveValidity(fields.status, changes.get(documentId) ?? []);
}

/**
 * Documents no longer in force because an indexed document replaced or repealed them as a whole, with the ids of the
 * documents that did: what search uses to put a replacement first.
 */
export function replacedDocuments(byDocument: ReadonlyMap<string, StatusChange[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, changes] of byDocument) {
    const by = changes.filter((c) => (c.type === 'replaces' || c.type === 'repeals') && !c.partial).map((c) => c.by.id);
    if (by.length > 0) out.set(id, [...new Set(by)]);
  }
  return out;
}

/**
 * Ids of the documents the filters allow, the `status` filter reading the effective status (stated by the source,
 * corrected by indexed documents that replace, repeal or amend it). `changes`: statusChangesByDocument, when read.
 */
export function documentsMatching(store: DocumentStore, filters: SearchFilters, changes?: ReadonlyMap<string, StatusChange[]>): string[] {
  const byDocument = filters.status ? (changes ?? statusChangesByDocument(store)) : null;
  const effective = (id: string, fields: DocumentFields): DocumentFields => {
    const list = byDocument?.get(id);
    return list ? { ...fields, status: effectiveValidity(fields.status, list).status } : fields;
  };
  return store.documentIdsWhere((id, fields) => matchesFilters(id, effective(id, fields), filters));
}
