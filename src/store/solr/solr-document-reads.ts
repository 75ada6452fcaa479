/**
 * The document reads of the SolrCloud engine (src/store/engine.ts DocumentReader), answered as the embedded store
 * answers them (test/store/engine-contract.ts), from what solr-documents.ts writes:
 * - a document's record (`!doc`): its fields, sources, whole text, references (JSON), typed relations (JSON,
 *   src/store/solr/solr-relations.ts) and the numbers they name (`relation_target`, `relation_source`,
 *   `status_change_target`), and the keys it cites (`reference_keys`);
 * - its passages, in reading order by `ordinal`, with page, OCR mark and confidence for a paged source.
 * Status changes join relations to documents by number in our code (two queries), as the store's SQL join does.
 */
import { pickReference, type Reference } from '../../core/references.js';
import type { StatusChange } from '../../core/validity.js';
import type { StatusChangeRow, StoredRelation } from '../document-store.js';
import type { Citation, DocumentReader, DocumentSummary } from '../engine.js';
import { statusChangesOfRows } from '../validity.js';
import type { SolrHttp } from './solr-http.js';
import { isoDate, PASSAGE_FIELDS, passageOf, RECORD_FIELDS, type SolrRecord, storedDocumentOf, str, summaryOf } from './solr-records.js';
import type { RecordRelation } from './solr-relations.js';
import { select } from './solr-search.js';

/** More rows than any collection of ours holds for one question. */
const MANY = 1_000_000;
const PASSAGE = '{!term f=type}passage';
const DOCUMENT = '{!term f=type}document';
/** A `{!terms}` query: any of these exact values (commas inside values escaped by choosing another separator). */
const anyOf = (field: string, values: string[]): string => `{!terms f=${field} separator="\u0001"}${values.join('\u0001')}`;
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The JSON array of a stored field (references, relations), or none. */
function jsonList<T>(v: unknown): T[] {
  if (typeof v !== 'string') return [];
  const parsed: unknown = JSON.parse(v);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** A record's relations as the store's rows. */
const relationsOfRecord = (d: SolrRecord): StoredRelation[] =>
  jsonList<RecordRelation>(d.relations).map((r) => ({
    documentId: d.document_id as string,
    type: r.type,
    sourceNumber: r.sourceNumber,
    targetNumber: r.targetNumber,
    partial: r.partial,
    since: r.since,
    sentence: r.sentence,
    start: r.start,
    end: r.end,
    targetStart: r.targetStart,
    targetEnd: r.targetEnd,
    rule: r.rule,
  }));

/** Listing order of the embedded store: date descending with undated last, then title (untitled first), then id. */
function newestFirst(a: { date: string | null; title: string | null; id: string }, b: { date: string | null; title: string | null; id: string }): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : byString(b.date, a.date);
  if (a.title !== b.title) return a.title === null ? -1 : b.title === null ? 1 : byString(a.title, b.title);
  return byString(a.id, b.id);
}

const CHANGES = new Set(['replaces', 'repeals', 'amends']);

export function solrDocumentReads(http: SolrHttp, collection: string): DocumentReader {
  const query = (params: [string, string][]) => select(http, collection, params);
  const records = (q: string, fl: string, rows = MANY) => query([['q', q], ['fq', DOCUMENT], ['fl', fl], ['rows', String(rows)]]);
  const record = async (id: string, fl: string): Promise<SolrRecord | null> => (await records(`{!term f=document_id}${id}`, fl, 1))[0] ?? null;
  /** id, number, title and date of the documents whose own number is one of these. */
  const numbered = async (numbers: string[]) =>
    numbers.length === 0
      ? []
      : (await records(anyOf('number_exact', numbers), 'document_id,number,title,date')).map((d) => ({
          id: d.document_id as string,
          number: d.number as string,
          title: str(d.title),
          date: isoDate(d.date),
        }));

  async function documentSummaries(ids: string[]): Promise<Map<string, DocumentSummary>> {
    const out = new Map<string, DocumentSummary>();
    if (ids.length === 0) return out;
    for (const d of await records(anyOf('document_id', ids), RECORD_FIELDS, ids.length)) out.set(d.document_id as string, summaryOf(d));
    return out;
  }

  async function statusChanges(): Promise<ReadonlyMap<string, StatusChange[]>> {
    const stating = await records('status_change_target:*', 'document_id,number,title,date,relations');
    const changes = stating.flatMap((d) => relationsOfRecord(d).filter((r) => CHANGES.has(r.type)));
    const numbers = [...new Set(changes.flatMap((r) => (r.sourceNumber === null ? [r.targetNumber] : [r.targetNumber, r.sourceNumber])))];
    const byNumber = new Map<string, { id: string; number: string; title: string | null; date: string | null }[]>();
    for (const d of await numbered(numbers)) byNumber.set(d.number, [...(byNumber.get(d.number) ?? []), d]);
    const statedBy = new Map(stating.map((d) => [d.document_id as string, { id: d.document_id as string, number: str(d.number), title: str(d.title), date: isoDate(d.date) }]));
    const rows: StatusChangeRow[] = [];
    for (const r of changes) {
      // The document that makes the change: the stating one itself, or the documents numbered as the sentence's subject.
      const self = statedBy.get(r.documentId);
      const makers = r.sourceNumber === null ? (self?.number ? [{ ...self, number: self.number }] : []) : (byNumber.get(r.sourceNumber) ?? []);
      for (const by of makers) {
        for (const target of byNumber.get(r.targetNumber) ?? []) {
          if (target.id === by.id) continue;
          rows.push({
            targetId: target.id,
            type: r.type as StatusChangeRow['type'],
            partial: r.partial,
            since: r.since,
            statedIn: r.documentId,
            sentence: r.sentence,
            start: r.start,
            end: r.end,
            byId: by.id,
            byNumber: by.number,
            byTitle: by.title,
            byDate: by.date,
          });
        }
      }
    }
    return statusChangesOfRows(rows);
  }

  return {
    documentSummaries,
    async documentsNumbered(numbers) {
      return (await numbered(numbers)).map((d) => d.id).sort(byString);
    },
    async document(id) {
      const d = await record(id, `${RECORD_FIELDS},document_text`);
      return d ? { ...storedDocumentOf(d), text: (d.document_text as string | undefined) ?? '' } : null;
    },
    async listDocuments() {
      return (await records('*:*', RECORD_FIELDS)).map(storedDocumentOf).sort(newestFirst);
    },
    async documentPassages(documentId) {
      const docs = await query([['q', `{!term f=document_id}${documentId}`], ['fq', PASSAGE], ['fl', PASSAGE_FIELDS], ['sort', 'ordinal asc'], ['rows', String(MANY)]]);
      return docs.map(passageOf);
    },
    async references(documentId) {
      const d = await record(documentId, 'references');
      return jsonList<Reference>(d?.references)
        .map(pickReference)
        .sort((a, b) => a.start - b.start);
    },
    async citationsOf(key): Promise<Citation[]> {
      const citing = await records(`{!term f=reference_keys}${key}`, 'document_id,references');
      return citing
        .flatMap((d) =>
          jsonList<Reference>(d.references)
            .filter((r) => r.key === key)
            .map((r) => ({ documentId: d.document_id as string, text: r.text, start: r.start, end: r.end })),
        )
        .sort((a, b) => byString(a.documentId, b.documentId) || a.start - b.start);
    },
    async relations(where) {
      const q = 'in' in where ? `{!term f=document_id}${where.in}` : 'target' in where ? `{!term f=relation_target}${where.target}` : `{!term f=relation_source}${where.source}`;
      const keep = (r: StoredRelation): boolean => ('in' in where ? true : 'target' in where ? r.targetNumber === where.target : r.sourceNumber === where.source);
      return (await records(q, 'document_id,relations'))
        .flatMap(relationsOfRecord)
        .filter(keep)
        .sort((a, b) => byString(a.documentId, b.documentId) || a.start - b.start || a.targetStart - b.targetStart);
    },
    statusChanges,
  };
}
