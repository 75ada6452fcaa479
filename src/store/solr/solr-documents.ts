/**
 * Our documents as Solr documents (engines/solr/configset/conf/managed-schema.xml): one per passage, with its
 * pre-analysed index terms (src/core/lexical-terms.ts, the embedded lexical index's very terms) and its vector, and
 * one per document with the whole stored text. Document fields are repeated on each passage for filter queries;
 * the *_match fields hold what the filters compare (folded, lower case: src/core/filters.ts).
 */
import { fold } from '../../core/normalize.js';
import type { PreparedDocument } from '../../core/types.js';
import { documentTerms } from '../passage-terms.js';
import { pageFields } from './solr-records.js';
import { relationFields } from './solr-relations.js';
import { encodeVector, MEAN_FIELD } from './solr-vectors.js';

/** Prefix of tone-key terms in the one term field, so `toan` (folded) and `toan` (tone key, level tone) stay apart. */
export const EXACT_PREFIX = '.';

/** What a document carries into Solr beyond its prepared form. */
export interface SolrDocumentInput {
  document: PreparedDocument;
  /** Paths it was ingested from. */
  sources: string[];
  /** ISO timestamp. */
  ingestedAt: string;
  /** One vector per passage (passage order), or null when no model embeds them. */
  vectors: ArrayLike<number>[] | null;
  /** The SearchEngine's integer key of each passage (passage order), when the engine allocated them. */
  keys?: number[];
  /** The model the vectors are of, stored with each passage that has one. */
  vectorModel?: string;
  /** The normalised mean of the vectors, kept on the record (solr-vectors.ts) when the collection has the field. */
  meanVector?: Float32Array | null;
}

export type SolrDoc = Record<string, string | number | boolean | string[] | number[]>;

/** The id of a passage: `<documentId>!<ordinal>` (the compositeId prefix keeps a document on one shard). */
export const passageId = (documentId: string, ordinal: number): string => `${documentId}!${ordinal}`;
/** The id of a document's own record. */
export const documentRecordId = (documentId: string): string => `${documentId}!doc`;

/**
 * A vector as JSON numbers every Solr node reads alike. Solr's JSON loader keeps a number literal of more than about
 * 20 characters (JavaScript writes `0.0000027268538360658567`) as a string, and the shard leader the batch is
 * forwarded to then refuses the vector (ClassCastException: the whole batch fails). So components are written with
 * 9 significant digits (a float32 carries about 7), and those below 1e-6, which JavaScript writes in exponent form,
 * as 0: for unit vectors a change in cosine below 1e-6 per component.
 */
export function vectorValues(vector: ArrayLike<number>): number[] {
  return Array.from(vector, (v) => (Number.isFinite(v) && Math.abs(v) >= 1e-6 ? Number(v.toPrecision(9)) : 0));
}

const matchForm = (value: string | null): string | null => (value === null ? null : fold(value.normalize('NFC')));

/** The document's fields, as stored and as matched, without nulls (Solr leaves absent fields absent). */
export function documentFields(doc: PreparedDocument, sources: string[], ingestedAt: string): SolrDoc {
  const out: SolrDoc = { document_id: doc.id, format: doc.format, content_hash: doc.contentHash, kind: doc.kind, source: sources, ingested_at: ingestedAt };
  const put = (name: string, value: string | number | string[] | null) => {
    if (value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) out[name] = value;
  };
  put('title', doc.title);
  put('number', doc.number);
  put('number_match', doc.number?.toLowerCase() ?? null);
  put('number_exact', doc.number);
  put('issuer', doc.issuer);
  put('issuer_match', matchForm(doc.issuer));
  put('author', doc.author);
  put('author_match', matchForm(doc.author));
  put('signer', doc.signer);
  put('signer_match', matchForm(doc.signer));
  put('signer_title', doc.signerTitle);
  put('on_behalf_of', doc.onBehalfOf);
  put('term', doc.term);
  put('term_values', doc.term?.split(/\s*,\s*/) ?? null);
  put('status', doc.status);
  if (doc.date !== null) {
    put('date', `${doc.date}T00:00:00Z`);
    put('year', Number(doc.date.slice(0, 4)));
  }
  return out;
}

/** The one term field: folded terms, then tone keys with their prefix (one BM25 length over both, as ours). */
export function termField(folded: string[], exact: string[]): string {
  return [...folded, ...exact.map((t) => EXACT_PREFIX + t)].join(' ');
}

/** The Solr documents of one of our documents: its record first, then its passages in order. */
export function solrDocuments(input: SolrDocumentInput): SolrDoc[] {
  const { document: doc, vectors } = input;
  if (vectors !== null && vectors.length !== doc.passages.length) {
    throw new Error(`${doc.passages.length} passages but ${vectors.length} vectors`);
  }
  if (input.keys !== undefined && input.keys.length !== doc.passages.length) {
    throw new Error(`${doc.passages.length} passages but ${input.keys.length} keys`);
  }
  const fields = documentFields(doc, input.sources, input.ingestedAt);
  const terms = documentTerms(
    doc,
    doc.passages.map((p) => p.ordinal),
  );
  const record: SolrDoc = {
    ...fields,
    id: documentRecordId(doc.id),
    type: 'document',
    document_text: doc.text,
    passage_count: doc.passages.length,
    abbreviations: JSON.stringify(doc.abbreviations),
    references: JSON.stringify(doc.references),
    ...relationFields(doc),
  };
  if (input.meanVector) record[MEAN_FIELD] = encodeVector(input.meanVector);
  const passages = doc.passages.map((p, i): SolrDoc => {
    const out: SolrDoc = {
      ...fields,
      id: passageId(doc.id, p.ordinal),
      type: 'passage',
      ordinal: p.ordinal,
      text: p.text,
      start: p.start,
      end: p.end,
      index_terms: termField(terms[i]!.folded, terms[i]!.exact),
    };
    if (p.section !== null) out.section = p.section;
    Object.assign(out, pageFields(p));
    if (vectors !== null) {
      out.vector = vectorValues(vectors[i]!);
      if (input.vectorModel !== undefined) out.vector_model = input.vectorModel;
    }
    if (input.keys !== undefined) out.passage_key = input.keys[i]!;
    // Citations inside the passage, by canonical key (the embedded store joins citations to passages by offsets).
    const cites = [...new Set(doc.references.filter((r) => r.start >= p.start && r.end <= p.end).map((r) => r.key))];
    if (cites.length > 0) out.cites = cites;
    return out;
  });
  return [record, ...passages];
}
