/**
 * Solr documents read back as ours (engines/solr/configset/conf/managed-schema.xml; written by solr-documents.ts):
 * a document's record as its fields, summary or stored document, a passage as a stored passage.
 */
import type { DocumentKind } from '../../core/references.js';
import type { DocumentFields, DocumentStatus, PassagePage, SourceFormat, StoredDocument, StoredPassage } from '../../core/types.js';
import type { DocumentSummary } from '../engine.js';

export type SolrRecord = Record<string, unknown>;

/** A non-empty string, else null (Solr leaves empty fields absent). */
export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** An ISO date of a `pdate` field (`2016-05-15T00:00:00Z` → `2016-05-15`). */
export const isoDate = (v: unknown): string | null => str(v)?.slice(0, 10) ?? null;
/** A multi-valued string field, sorted (the order the embedded store lists sources in). */
const sortedStrings = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]).slice().sort() : []);

/** Stored fields a passage is read with (`fl`). */
export const PASSAGE_FIELDS = 'id,passage_key,document_id,ordinal,text,section,start,end,page,ocr,confidence';
/** Stored fields of a document record without its text (`fl`). */
export const RECORD_FIELDS = 'document_id,format,title,date,kind,number,issuer,term,author,signer,signer_title,on_behalf_of,status,source,passage_count,ingested_at';

/** The metadata of a record (or of a passage, which repeats them). */
export function fieldsOf(d: SolrRecord): DocumentFields {
  return {
    title: str(d.title),
    date: isoDate(d.date),
    kind: d.kind as DocumentKind,
    number: str(d.number),
    issuer: str(d.issuer),
    term: str(d.term),
    author: str(d.author),
    signer: str(d.signer),
    signerTitle: str(d.signer_title),
    onBehalfOf: str(d.on_behalf_of),
    status: (str(d.status) as DocumentStatus | null) ?? null,
  };
}

/** Metadata and first source (sorted) of a record. */
export function summaryOf(d: SolrRecord): DocumentSummary {
  return { ...fieldsOf(d), source: sortedStrings(d.source)[0] ?? null };
}

/** A record as the stored document the API lists (RECORD_FIELDS). */
export function storedDocumentOf(d: SolrRecord): StoredDocument {
  return {
    id: d.document_id as string,
    ...fieldsOf(d),
    format: d.format as SourceFormat,
    sources: sortedStrings(d.source),
    passageCount: typeof d.passage_count === 'number' ? d.passage_count : 0,
    ingestedAt: str(d.ingested_at) ?? '',
  };
}

/**
 * A passage (PASSAGE_FIELDS) as stored, as the embedded store gives it: its id is the product's passage id
 * (`<documentId>-<ordinal>`, not Solr's `<documentId>!<ordinal>`), and page, OCR mark and confidence are present only
 * for a paged source.
 */
export function passageOf(d: SolrRecord): StoredPassage {
  return {
    key: d.passage_key as number,
    id: `${String(d.document_id)}-${String(d.ordinal)}`,
    documentId: d.document_id as string,
    ordinal: d.ordinal as number,
    text: d.text as string,
    section: str(d.section),
    start: d.start as number,
    end: d.end as number,
    ...(typeof d.page === 'number' ? { page: d.page, ocr: d.ocr === true, confidence: typeof d.confidence === 'number' ? d.confidence : null } : {}),
  };
}

/** A passage's page, OCR mark and confidence as Solr fields, left out when absent (what passageOf reads back). */
export function pageFields(p: PassagePage): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  if (p.page != null) out.page = p.page;
  if (p.ocr !== undefined) out.ocr = p.ocr;
  if (p.confidence != null) out.confidence = p.confidence;
  return out;
}
