/**
 * The typed relations around one stored document (src/core/relations.ts), both ways: what it says of others
 * (outgoing) and what indexed documents say of it (incoming), each with the sentence that says so, and its validity.
 * Read through the engine's document reads (src/store/engine.ts DocumentReader: the embedded store's relations table
 * filled at ingest, or the Solr document records), so a page costs a few indexed queries on either engine.
 */
import type { LinkedDocument, Quote } from '../core/citation-graph.js';
import { RELATION_LABELS, type RelationType, subjectNumber } from '../core/relations.js';
import { effectiveValidity, type Validity } from '../core/validity.js';
import { linkedDocuments } from './citation-graph.js';
import type { StoredRelation } from './document-store.js';
import type { DocumentReader } from './engine.js';

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
export async function relationsOf(reader: DocumentReader, documentId: string): Promise<DocumentRelations | null> {
  const fields = (await reader.documentSummaries([documentId])).get(documentId);
  if (!fields) return null;
  const validity = effectiveValidity(fields.status, (await reader.statusChanges()).get(documentId) ?? []);
  const number = subjectNumber(fields.number, fields.title);
  const own = (await reader.relations({ in: documentId })).filter((r) => r.sourceNumber === null || r.sourceNumber === number);
  const saidElsewhere = number ? (await reader.relations({ source: number })).filter((r) => r.documentId !== documentId) : [];
  const aboutIt = number ? (await reader.relations({ target: number })).filter((r) => r.documentId !== documentId && r.sourceNumber !== number) : [];
  const numbers = new Set([...own, ...saidElsewhere].map((r) => r.targetNumber));
  for (const r of aboutIt) if (r.sourceNumber) numbers.add(r.sourceNumber);
  const stating = new Set([...saidElsewhere, ...aboutIt].map((r) => r.documentId));
  const ids = [...new Set([...(await reader.documentsNumbered([...numbers])), ...stating])].filter((id) => id !== documentId).sort();
  const linked = await linkedDocuments(reader, ids);
  const byNumber = new Map<string, LinkedDocument>();
  // Several stored documents may carry one number (two editions); the first by id stands for it.
  for (const id of ids) {
    const d = linked.get(id);
    if (d?.number && !byNumber.has(d.number)) byNumber.set(d.number, d);
  }
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
