/**
 * Postings look-ups on a SolrCloud collection (EngineReader.passagesWithAll and restrictToPassages), so phrases and
 * facets work with ENGINE=solr as with the embedded index: a passage holds a folded term when the pre-analysed term
 * field `index_terms` (engines/solr/configset) holds it, the very terms our lexical index posts (src/core/lexical-terms.ts).
 * Each term is one `{!term}` filter query (exact, nothing to escape, cached by Solr apart from the rest), so a
 * look-up is an intersection of cached filters, unranked; keys come back in ascending order.
 */
import { filterQueries, type SolrFilters } from './solr-filters.js';
import type { SolrHttp } from './solr-http.js';
import { select } from './solr-search.js';

/** More rows than any collection of ours holds for one question. */
const MANY = 1_000_000;

const fqs = (values: string[]): [string, string][] => values.map((f): [string, string] => ['fq', f]);

/** Keys of the passages, among those the filters allow, indexed under every one of the folded terms; none for no terms. */
export async function passagesWithAll(http: SolrHttp, collection: string, foldedTerms: readonly string[], filters: SolrFilters): Promise<number[]> {
  const terms = [...new Set(foldedTerms)].filter((t) => t !== '');
  if (terms.length === 0) return [];
  const docs = await select(http, collection, [
    ['q', '*:*'],
    ...fqs(terms.map((t) => `{!term f=index_terms}${t}`)),
    ...fqs(filterQueries(filters)),
    ['fl', 'passage_key'],
    ['sort', 'passage_key asc'],
    ['rows', String(MANY)],
  ]);
  return docs.flatMap((d) => (typeof d.passage_key === 'number' ? [d.passage_key] : []));
}

/** The filters narrowed to these passages, and the documents (ascending ids) of those the filters allow. */
export async function restrictToPassages(
  http: SolrHttp,
  collection: string,
  keys: readonly number[],
  filters: SolrFilters,
): Promise<{ documents: string[]; filters: SolrFilters }> {
  const allowed = filters.passageKeys ? new Set(filters.passageKeys) : null;
  const passageKeys = [...new Set(keys)].filter((k) => allowed === null || allowed.has(k)).sort((a, b) => a - b);
  const narrowed: SolrFilters = { ...filters, passageKeys };
  if (passageKeys.length === 0) return { documents: [], filters: narrowed };
  // The documents as a facet: one id per document, however many of its passages remain.
  const res = (await http.postForm(
    `/${encodeURIComponent(collection)}/select`,
    new URLSearchParams([
      ['q', '*:*'],
      ...fqs(filterQueries(narrowed)),
      ['rows', '0'],
      ['facet', 'true'],
      ['facet.field', 'document_id'],
      ['facet.limit', '-1'],
      ['facet.mincount', '1'],
      ['facet.sort', 'index'],
    ]),
  )) as { facet_counts?: { facet_fields?: { document_id?: (string | number)[] } } };
  const flat = res.facet_counts?.facet_fields?.document_id ?? [];
  return { documents: flat.filter((_, i) => i % 2 === 0).map(String), filters: narrowed };
}
