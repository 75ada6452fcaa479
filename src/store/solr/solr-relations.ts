/**
 * What a document's Solr record carries for the document reads (src/store/solr/solr-document-reads.ts): the keys it
 * cites, and its typed relations (src/core/relations.ts) read from its text at write time, as the embedded store
 * reads them at addDocument, with the numbers they name indexed for the relation and validity queries.
 */
import { findRelations, type Relation, subjectNumber } from '../../core/relations.js';
import type { PreparedDocument } from '../../core/types.js';

/** A relation as the record keeps it (JSON): the embedded store's row without the stating document's id. */
export type RecordRelation = Relation;

const CHANGES = new Set(['replaces', 'repeals', 'amends']);

/**
 * The relations a document states, with the subject as the embedded store keeps it (document-store.ts
 * relationInsert): a page without a number of its own that speaks for the document its title names has that number
 * as the subject of what it says of itself.
 */
export function recordRelations(doc: PreparedDocument): RecordRelation[] {
  const subject = subjectNumber(doc.number, doc.title);
  return findRelations(doc.text, subject).map((r) => ({ ...r, sourceNumber: r.sourceNumber ?? (doc.number === null ? subject : null) }));
}

/** The record's fields for citations and relations (empty multi-valued fields left out). */
export function relationFields(doc: PreparedDocument): Record<string, string | string[]> {
  const relations = recordRelations(doc);
  const out: Record<string, string | string[]> = { relations: JSON.stringify(relations) };
  const put = (name: string, values: string[]) => {
    const distinct = [...new Set(values)];
    if (distinct.length > 0) out[name] = distinct;
  };
  put('reference_keys', doc.references.map((r) => r.key));
  put('relation_target', relations.map((r) => r.targetNumber));
  put('relation_source', relations.flatMap((r) => (r.sourceNumber === null ? [] : [r.sourceNumber])));
  put('status_change_target', relations.filter((r) => CHANGES.has(r.type)).map((r) => r.targetNumber));
  return out;
}
