/**
 * What a set of filters allows on the Solr engine (src/store/engine.ts `restrict`), the `status` filter reading the
 * effective status as the embedded engine does (src/store/validity.ts documentsMatching): stated by the source,
 * corrected by indexed documents that replace, repeal or amend it (statusChanges, solr-document-reads.ts). The other
 * filters are filter queries on the documents' records; the status is then decided here per document, and the
 * retrievers are restricted to the documents it allows by id.
 */
import { hasFilters, type SearchFilters } from '../../core/filters.js';
import type { DocumentStatus } from '../../core/types.js';
import { effectiveValidity, type StatusChange } from '../../core/validity.js';
import type { Restriction } from '../engine.js';
import { filterQueries, type SolrFilters } from './solr-filters.js';
import type { SolrHttp } from './solr-http.js';
import { str } from './solr-records.js';
import { select } from './solr-search.js';

/** The Solr engine's restriction carries the filters, applied as filter queries by both retrievers. */
export interface SolrRestriction extends Restriction {
  filters: SolrFilters;
}

const PASSAGE = '{!term f=type}passage';
const DOCUMENT = '{!term f=type}document';
/** More rows than any collection of ours holds. */
const MANY = 1_000_000;

/** The restriction of `filters`, or null for none; `statusChanges` is read only when a status is asked for. */
export async function solrRestrict(
  http: SolrHttp,
  collection: string,
  filters: SearchFilters | undefined,
  statusChanges: () => Promise<ReadonlyMap<string, StatusChange[]>>,
): Promise<SolrRestriction | null> {
  if (!filters || !hasFilters(filters)) return null;
  const { status, ...others } = filters;
  const fq = filterQueries(others).filter((f) => f !== PASSAGE);
  const records = await select(http, collection, [['q', '*:*'], ['fq', DOCUMENT], ...fq.map((f): [string, string] => ['fq', f]), ['fl', 'document_id,status'], ['sort', 'document_id asc'], ['rows', String(MANY)]]);
  if (!status) return { documents: records.map((d) => d.document_id as string), filters };
  const changes = await statusChanges();
  const documents = records
    .filter((d) => effectiveValidity(str(d.status) as DocumentStatus | null, changes.get(d.document_id as string) ?? []).status === status)
    .map((d) => d.document_id as string);
  return { documents, filters: { ...others, documentIds: documents } };
}
