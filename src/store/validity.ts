/** Effective validity of stored documents (src/core/validity.ts) from the relations the store holds. */
import { matchesFilters, type SearchFilters } from '../core/filters.js';
import type { DocumentFields } from '../core/types.js';
import { effectiveValidity, type StatusChange, type Validity } from '../core/validity.js';
import type { DocumentStore, StatusChangeRow } from './document-store.js';

/** Changes indexed documents make to others, by the changed document's id. One query over the relations table. */
export function statusChangesByDocument(store: DocumentStore): Map<string, StatusChange[]> {
  return statusChangesOfRows(store.statusChanges());
}

/**
 * Status change rows (DocumentStore.statusChanges, or an engine's equivalent) grouped by the changed document's id,
 * one change per changing document, type and extent (a page may repeat the sentence). Rows are taken in one order,
 * so that every engine lists the same changes: what a document says itself before what others report of it, then
 * by the changing document's id, the stating document's id and the sentence's position.
 */
export function statusChangesOfRows(rows: StatusChangeRow[]): Map<string, StatusChange[]> {
  const out = new Map<string, StatusChange[]>();
  const reported = (r: StatusChangeRow): number => (r.statedIn === r.byId ? 0 : 1);
  const ordered = [...rows].sort((a, b) => reported(a) - reported(b) || compare(a.byId, b.byId) || compare(a.statedIn, b.statedIn) || a.start - b.start || compare(a.targetId, b.targetId));
  for (const r of ordered) {
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
    const list = out.get(r.targetId) ?? [];
    if (!list.some((c) => c.by.id === change.by.id && c.type === change.type && c.partial === change.partial)) list.push(change);
    out.set(r.targetId, list);
  }
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
