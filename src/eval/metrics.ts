/** Ranking metrics for binary relevance: the rank (1-based) of each relevant item among the retrieved ones. */

export interface QueryOutcome {
  /** 1-based ranks of the relevant items found, ascending. */
  relevantRanks: number[];
  /** How many items are relevant in all (found or not). */
  relevantTotal: number;
}

export interface Metrics {
  queries: number;
  'ndcg@10': number;
  'mrr@10': number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
}

const ndcg = (o: QueryOutcome, k: number): number => {
  const dcg = o.relevantRanks.filter((r) => r <= k).reduce((s, r) => s + 1 / Math.log2(r + 1), 0);
  let ideal = 0;
  for (let i = 1; i <= Math.min(k, o.relevantTotal); i++) ideal += 1 / Math.log2(i + 1);
  return ideal === 0 ? 0 : dcg / ideal;
};

const mrr = (o: QueryOutcome, k: number): number => {
  const first = o.relevantRanks.find((r) => r <= k);
  return first ? 1 / first : 0;
};

/** Share of the relevant items within the top k (for one relevant item: a hit rate). */
const recall = (o: QueryOutcome, k: number): number => (o.relevantTotal === 0 ? 0 : o.relevantRanks.filter((r) => r <= k).length / o.relevantTotal);

export function aggregate(outcomes: QueryOutcome[]): Metrics {
  const mean = (f: (o: QueryOutcome) => number) => (outcomes.length === 0 ? 0 : outcomes.reduce((s, o) => s + f(o), 0) / outcomes.length);
  return {
    queries: outcomes.length,
    'ndcg@10': mean((o) => ndcg(o, 10)),
    'mrr@10': mean((o) => mrr(o, 10)),
    'recall@1': mean((o) => recall(o, 1)),
    'recall@5': mean((o) => recall(o, 5)),
    'recall@10': mean((o) => recall(o, 10)),
  };
}
