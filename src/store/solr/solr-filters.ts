/**
 * Search filters (src/core/filters.ts, same meanings as `matchesFilters`) as Solr filter queries on passages: each
 * filter is one `fq`, cached by Solr apart from the query, and applied before ranking (kNN takes them as its
 * pre-filter).
 */
import { parseKind, parseTerm, type SearchFilters } from '../../core/filters.js';
import { fold } from '../../core/normalize.js';

/**
 * Filters of the Solr engine: ours, plus `source` (a path the document was ingested from, exactly), `passageKeys`
 * (only these passages, by `passage_key`: a restriction narrowed to a phrase's candidates, src/store/solr/solr-postings.ts)
 * and `documentIds` (only these documents: what the effective `status` filter allows, src/store/solr/solr-restrict.ts).
 */
export interface SolrFilters extends SearchFilters {
  source?: string;
  passageKeys?: number[];
  documentIds?: string[];
}

/** Backslash before each character the standard query parser reads as syntax, and before whitespace. */
export function escapeQueryText(value: string): string {
  return value.replace(/[+\-!(){}[\]^"~*?:\\/&|\s]/g, (c) => `\\${c}`);
}

/** `{!term}`: one exact indexed value, nothing to escape. */
const term = (field: string, value: string): string => `{!term f=${field}}${value}`;
/** A folded part of a folded value (`issuer` contains `phu loc`). */
const contains = (field: string, part: string): string => `${field}:*${escapeQueryText(fold(part.normalize('NFC').trim()))}*`;
const day = (iso: string): string => `${iso}T00:00:00Z`;

/** The filter queries of `filters` (empty values are no filter), always restricted to passages. */
export function filterQueries(filters: SolrFilters): string[] {
  const fq = ['{!term f=type}passage'];
  const given = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
  if (given(filters.document)) fq.push(term('document_id', filters.document));
  if (given(filters.kind)) fq.push(term('kind', parseKind(filters.kind) ?? filters.kind.normalize('NFC')));
  if (given(filters.number)) fq.push(term('number_match', filters.number.toLowerCase()));
  if (given(filters.issuer)) fq.push(contains('issuer_match', filters.issuer));
  if (given(filters.author)) fq.push(contains('author_match', filters.author));
  if (given(filters.signer)) fq.push(contains('signer_match', filters.signer));
  if (given(filters.status)) fq.push(term('status', filters.status));
  if (given(filters.term)) fq.push(term('term_values', parseTerm(filters.term) ?? filters.term));
  if (given(filters.from) || given(filters.to)) {
    fq.push(`date:[${given(filters.from) ? day(filters.from) : '*'} TO ${given(filters.to) ? day(filters.to) : '*'}]`);
  }
  if (given(filters.source)) fq.push(term('source', filters.source));
  // No keys allows nothing (a pure negative query matches no document).
  if (filters.passageKeys) fq.push(filters.passageKeys.length > 0 ? `{!terms f=passage_key}${filters.passageKeys.join(',')}` : '-*:*');
  // No document at all: a type no Solr document has.
  if (filters.documentIds) fq.push(filters.documentIds.length === 0 ? term('type', 'none') : `{!terms f=document_id}${filters.documentIds.join(',')}`);
  return fq;
}
