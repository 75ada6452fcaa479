/**
 * BM25's inverse document frequency (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
 * 2009, eq. 3.3), floored at 1e-6 so that a term in more than half the passages still counts a little instead of
 * negatively (Lucene's BM25Similarity adds 1 inside the log for the same reason; we keep the classic form and floor).
 * `live`: passages in the collection; `df`: passages holding the term (0 ≤ df ≤ live). A term no passage holds gets
 * the highest value, ln((live + 0.5) / 0.5).
 */
export function bm25Idf(live: number, df: number): number {
  return Math.max(1e-6, Math.log((live - df + 0.5) / (df + 0.5)));
}
