/**
 * The typed relations around one stored document (src/core/relations.ts), both ways: what it says of others
 * (outgoing) and what indexed documents say of it (incoming), each with the sentence that says so, and its validity.
 * Read from the relations table filled at ingest (document-store.ts), so a page costs a few indexed queries.
 */
import type { LinkedDocument, Quote } from '../core/citation-graph.js';
import { RELATION_LABELS, type RelationType, subjectNumber } from '../core/relations.js';
import type { Validity } from '../core/validity.js';
import { linkedDocuments } from './citation-graph.js';
import type { DocumentStore, StoredRelation } from './document-store.js';
import { validityOf } from './validity.js';

export interface RelatedDocument {
  /** Its number as the sentence writes it (canonical), or null for an indexed page without one. */
  number: string | null;
  /** The indexed document, when the index holds it. */
  document: LinkedDocument | null;
}

export interface RelationEdge {
  type: RelationType;
  /** Vietnamese label (`thay thế`). */
  label: string;
  partial: boolean;
  since: string | null;
  /** The other end: the target of an outgoing relation, the source of an incoming one. */
  other: RelatedDocument;
  /** The sentence that states it, in the text of `statedIn`. */
  sentence: Quote;
  /** The indexed document whose text states it (this document, the other one, or a third that reports it). */
  statedIn: { id: string; title: string | null };
  rule: string;
}

export interface DocumentRelations {
  documentId: string;
  /** The number it speaks for: its own, or the one its title names. */
  number: string | null;
  validity: Validity;
  outgoing: RelationEdge[];
  incoming: RelationEdge[];
}

/** Relations of a stored document, or null when the store does not hold it. */
export function relationsOf(store: DocumentStore, documentId: string): DocumentRelations | null {
  const fields = store.documentSummaries([documentId]).get(documentId);
  const validity = validityOf(store, documentId);
  if (!fields || !validity) return null;
  const number = subjectNumber(fields.number, fields.title);
  const own = store.relations({ in: documentId }).filter((r) => r.sourceNumber === null || r.sourceNumber === number);
  const saidElsewhere = number ? store.relations({ source: number }).filter((r) => r.documentId !== documentId) : [];
  const aboutIt = number ? store.relations({ target: number }).filter((r) => r.documentId !== documentId && r.sourceNumber !== number) : [];
  const numbers = new Set([...own, ...saidElsewhere].map((r) => r.targetNumber));
  for (const r of aboutIt) if (r.sourceNumber) numbers.add(r.sourceNumber);
  const stating = new Set([...saidElsewhere, ...aboutIt].map((r) => r.documentId));
  const linked = linkedDocuments(store, [...store.documentsNumbered([...numbers]), ...stating].filter((id) => id !== documentId));
  const byNumber = new Map<string, LinkedDocument>();
  for (const d of linked.values()) if (d.number && !byNumber.has(d.number)) byNumber.set(d.number, d);
  const titleOf = (id: string) => (id === documentId ? fields.title : (linked.get(id)?.title ?? null));
  const edge = (r: StoredRelation, other: RelatedDocument): RelationEdge => ({
    type: r.type,
    label: RELATION_LABELS[r.type],
    partial: r.partial,
    since: r.since,
    other,
    sentence: { text: r.sentence, start: r.start, end: r.end },
    statedIn: { id: r.documentId, title: titleOf(r.documentId) },
    rule: r.rule,
  });
  const target = (r: StoredRelation): RelatedDocument => ({ number: r.targetNumber, document: byNumber.get(r.targetNumber) ?? null });
  const source = (r: StoredRelation): RelatedDocument =>
    r.sourceNumber !== null
      ? { number: r.sourceNumber, document: byNumber.get(r.sourceNumber) ?? null }
      : { number: linked.get(r.documentId)?.number ?? null, document: linked.get(r.documentId) ?? null };
  return {
    documentId,
    number,
    validity,
    outgoing: [...own, ...saidElsewhere].map((r) => edge(r, target(r))),
    incoming: aboutIt.map((r) => edge(r, source(r))),
  };
}
