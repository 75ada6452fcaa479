/**
 * How many passages of the collection hold each folded index term (src/store/engine.ts `foldedFrequencies`, read by
 * similar documents, src/search/similar.ts): Lucene's document frequencies of the `index_terms` field from the
 * TermsComponent (`/terms`, summed over the shards), and the count of passages. Lucene counts a deleted passage
 * until its segment is merged, so right after deletions a term may count a few passages more than the embedded
 * index does.
 */
import type { TermStats } from '../../core/distinctive-terms.js';
import type { SolrHttp } from './solr-http.js';

/** Terms asked per request: a long document has thousands of candidate syllables and bigrams. */
const BATCH = 2_000;

export async function solrFoldedFrequencies(http: SolrHttp, collection: string, terms: string[]): Promise<TermStats> {
  const path = `/${encodeURIComponent(collection)}`;
  const count = (await http.postForm(`${path}/select`, new URLSearchParams([['q', '{!term f=type}passage'], ['rows', '0']]))) as { response?: { numFound?: number } };
  const df = new Map<string, number>();
  for (let i = 0; i < terms.length; i += BATCH) {
    const params = new URLSearchParams([['terms.fl', 'index_terms'], ['terms.limit', '-1'], ['terms.list', terms.slice(i, i + BATCH).join(',')], ['distrib', 'true'], ['shards.qt', '/terms'], ['json.nl', 'flat']]);
    const res = (await http.postForm(`${path}/terms`, params)) as { terms?: { index_terms?: (string | number)[] } };
    const flat = res.terms?.index_terms ?? [];
    for (let j = 0; j + 1 < flat.length; j += 2) df.set(String(flat[j]), Number(flat[j + 1]));
  }
  return { live: count.response?.numFound ?? 0, df: terms.map((t) => df.get(t) ?? 0) };
}
