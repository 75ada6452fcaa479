/**
 * BM25 idf of single index terms for a SolrCloud collection (src/store/engine.ts `inverseFrequencies`), read from the
 * syllable vocabulary the engine already holds in memory for diacritic restoration (src/store/solr/solr-vocabulary.ts:
 * live passages holding each accent-exact syllable), so the answer stage weighs a question's words on Solr as it does
 * on the embedded engine (src/search/stages/answer.ts).
 *
 * Same formula as src/store/lexical-index.ts: max(1e-6, ln((N − df + 0.5) / (df + 0.5))) over the N live passages.
 * Accent-exact terms (`exact`) read their own count. A folded term (`phat`) is counted as the sum of its accented
 * forms' counts (`phát`, `phạt`, …; src/core/syllables.ts accentedForms), capped at N: a passage holding two of them
 * counts twice, so a folded term's df is an upper bound and its idf a lower bound of the embedded engine's.
 */
import type { SyllableCounts } from '../../core/restore-diacritics.js';
import { bm25Idf } from '../../core/bm25.js';
import { accentedForms } from '../../core/syllables.js';
import { toneKey } from '../../core/normalize.js';

/** idf per term, in the order given; null counts (vocabulary not loaded) or an empty collection give 0 each. */
export function vocabularyIdf(counts: SyllableCounts | null, terms: string[], exact: boolean): number[] {
  if (!counts || counts.total === 0) return terms.map(() => 0);
  const n = counts.total;
  return terms.map((term) => {
    const df = exact ? counts.syllable(term) : Math.min(n, folded(counts, term));
    return bm25Idf(n, df);
  });
}

function folded(counts: SyllableCounts, term: string): number {
  const keys = new Set([term, ...accentedForms(term)].map(toneKey));
  let df = 0;
  for (const key of keys) df += counts.syllable(key);
  return df;
}
