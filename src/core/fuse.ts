/** Reciprocal rank fusion: each list votes 1/(k + rank) for its items; robust to incomparable score scales. */

export const RRF_K = 60;

export function reciprocalRankFusion(lists: number[][], k = RRF_K): { key: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.forEach((key, rank) => scores.set(key, (scores.get(key) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...scores.entries()].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score || a.key - b.key);
}
