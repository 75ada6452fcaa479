/**
 * The corpus vocabulary diacritic restoration reads (src/core/restore-diacritics.ts SyllableCounts) for a SolrCloud
 * collection: how many passages hold each accented syllable (its tone key, `đươngf`) and each adjacent pair
 * (`đươngf_lôis`). The term field already indexes them (tone keys and their bigrams, prefixed `.`:
 * src/store/solr/solr-documents.ts EXACT_PREFIX), so the counts are a facet over `index_terms` restricted to that
 * prefix and to passages: facet counts are over live documents (deleted and rewritten passages are not counted, as
 * the terms component's document frequencies would count them until a merge), and a distributed facet with no limit
 * is exact. They are the embedded engine's counts (src/store/syllable-counts.ts) for the same passages.
 *
 * The look-ups restoration makes are synchronous, so the counts are held in memory: loaded at open, loaded again by
 * `refresh` (the engine's flush, after its own writes), and again in the background when a look-up finds them older
 * than `maxAgeMs` (writes of other processes). Memory grows with the distinct syllables and pairs of the collection
 * (a few hundred thousand for a thousand articles); a load reads every accent-exact posting of the collection once
 * (Solr's `enum` facet method), so its time grows with the collection's size.
 */
import type { SyllableCounts } from '../../core/restore-diacritics.js';
import { EXACT_PREFIX } from './solr-documents.js';
import type { SolrHttp } from './solr-http.js';

interface FacetResponse {
  response?: { numFound?: number };
  facet_counts?: { facet_fields?: { index_terms?: (string | number)[] } };
}

interface Snapshot {
  counts: Map<string, number>;
  total: number;
  at: number;
}

/** Reads every accent-exact term with the number of live passages holding it, and the number of live passages. */
export async function readVocabulary(http: SolrHttp, collection: string): Promise<{ counts: Map<string, number>; total: number }> {
  const res = (await http.postForm(
    `/${encodeURIComponent(collection)}/select`,
    new URLSearchParams([
      ['q', '{!term f=type}passage'],
      ['rows', '0'],
      ['facet', 'true'],
      ['facet.field', 'index_terms'],
      ['facet.prefix', EXACT_PREFIX],
      ['facet.limit', '-1'],
      ['facet.mincount', '1'],
      ['facet.sort', 'index'],
      // The term field has no docValues and is not uninvertible (schema 1.7): walk its terms from the prefix, counting
      // each one's live postings among the passages, without putting a filter per term in Solr's filter cache.
      ['facet.method', 'enum'],
      ['facet.enum.cache.minDf', String(2 ** 31 - 1)],
    ]),
  )) as FacetResponse;
  const flat = res.facet_counts?.facet_fields?.index_terms ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) counts.set(String(flat[i]).slice(EXACT_PREFIX.length), Number(flat[i + 1]));
  return { counts, total: res.response?.numFound ?? 0 };
}

/** The vocabulary of a collection, as the engine serves it. */
export class SolrVocabulary {
  private snapshot: Snapshot | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly http: SolrHttp,
    private readonly collection: string,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** Loads the counts again; concurrent calls share one load. A failed load keeps the previous counts. */
  refresh(): Promise<void> {
    this.loading ??= readVocabulary(this.http, this.collection)
      .then(({ counts, total }) => {
        this.snapshot = { counts, total, at: Date.now() };
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** The counts as last loaded (null before the first load); older than maxAgeMs, a reload starts in the background. */
  counts(): SyllableCounts | null {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    if (Date.now() - snapshot.at > this.maxAgeMs && !this.loading) this.refresh().catch(() => undefined);
    const { counts, total } = snapshot;
    return {
      syllable: (key) => counts.get(key) ?? 0,
      pair: (first, second) => counts.get(`${first}_${second}`) ?? 0,
      total,
    };
  }
}
