/**
 * The terms that set a document apart: its index terms (folded syllables and bigrams, src/core/lexical-terms.ts)
 * weighted by tf-idf, for finding documents like it (`Văn bản tương tự`). A term that no other passage holds finds
 * nothing else and is left out, as are function words, numbers and terms most passages hold.
 */
import { isStopword } from './stopwords.js';

export interface TermStats {
  /** Live passages in the index. */
  live: number;
  /** Passages holding each term, the document's own included. */
  df: number[];
}

/** Terms given at most: enough to say what a document is about, few enough to search quickly. */
export const DISTINCTIVE_TERMS = 24;

/** Whether a folded term (`dang_vien`, `chuyen`) can name a topic: letters, and no function word in it. */
export function isTopicTerm(term: string): boolean {
  const parts = term.split('_');
  return parts.every((p) => /\p{L}/u.test(p) && p.length > 1 && !isStopword(p, true));
}

/**
 * The `limit` most distinctive terms of a document, best first, from each term's count in it (`counts`: term →
 * occurrences, `passages`: term → own passages holding it) and the index statistics of the same terms (`stats`,
 * in the order of `terms`). Weight: (1 + ln tf) · ln((N − df + 0.5) / (df + 0.5)), BM25's idf; ties by term.
 * Terms said once are left out when enough are said twice or more: a rare pair of syllables met once across two
 * words (`chỉ tiêu đóng góp` → `tieu_dong`) is distinctive of nothing.
 */
export function distinctiveTerms(
  terms: string[],
  counts: ReadonlyMap<string, number>,
  passages: ReadonlyMap<string, number>,
  stats: TermStats,
  limit = DISTINCTIVE_TERMS,
): string[] {
  const weighted: [string, number][] = [];
  const repeated = terms.filter((t) => (counts.get(t) ?? 0) >= 2).length >= limit;
  terms.forEach((term, i) => {
    if (repeated && (counts.get(term) ?? 0) < 2) return;
    const df = stats.df[i] ?? 0;
    if (df - (passages.get(term) ?? 0) < 1) return;
    const idf = Math.log((stats.live - df + 0.5) / (df + 0.5));
    if (idf <= 0) return;
    weighted.push([term, (1 + Math.log(counts.get(term) ?? 1)) * idf]);
  });
  return weighted
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([t]) => t);
}
