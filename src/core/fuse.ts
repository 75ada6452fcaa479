/**
 * Fusion of the lexical and the dense ranking into one. Four methods, all pure:
 * - `rrf`: reciprocal rank fusion, each list votes 1/(k + rank) for its items; robust to incomparable score scales.
 * - `weighted-rrf`: the same votes, the lexical list's weighted by `lexicalWeight` and the dense list's by 1 − it.
 * - `minmax`: each list's scores rescaled to [0, 1] over the list (best = 1, worst listed = 0, absent = 0), then
 *   `lexicalWeight · lexical + (1 − lexicalWeight) · dense`.
 * - `zscore`: each list's scores standardised over the list ((s − mean) / sd; absent = the list's lowest), then
 *   weighted as in `minmax`.
 * Which one a model uses, and with what weight, k and depth, is part of its model spec (src/embed/model-spec.ts),
 * chosen on the development sets (docs/EVALUATION.md, "Fusion").
 */

export const RRF_K = 60;

export type FusionMethod = 'rrf' | 'weighted-rrf' | 'minmax' | 'zscore';
export const FUSION_METHODS: readonly FusionMethod[] = ['rrf', 'weighted-rrf', 'minmax', 'zscore'];

export interface FusionSpec {
  method: FusionMethod;
  /** Weight of the lexical side in [0, 1] (the dense side gets 1 − it); `rrf` ignores it (equal votes). */
  lexicalWeight: number;
  /** RRF's rank offset (`rrf`, `weighted-rrf`); ignored by the score methods. */
  k: number;
  /** Candidates each retriever contributes at least (search reads max(depth, 3 × results asked)). */
  depth: number;
}

/** Equal-weight RRF at k = 60 over 50 candidates each: the safe default for a model nobody has measured here. */
export const DEFAULT_FUSION: FusionSpec = { method: 'rrf', lexicalWeight: 0.5, k: RRF_K, depth: 50 };

export interface Scored {
  key: number;
  score: number;
}

const byScore = (a: Scored, b: Scored) => b.score - a.score || a.key - b.key;

/** Equal-weight reciprocal rank fusion of ranked key lists (best first); ties broken by key. */
export function reciprocalRankFusion(lists: number[][], k = RRF_K): Scored[] {
  return weightedRankFusion(
    lists.map(() => 1),
    lists,
    k,
  );
}

/** Reciprocal rank fusion where list i's votes are multiplied by weights[i]. */
export function weightedRankFusion(weights: number[], lists: number[][], k = RRF_K): Scored[] {
  const scores = new Map<number, number>();
  lists.forEach((list, i) => {
    const w = weights[i] ?? 1;
    list.forEach((key, rank) => scores.set(key, (scores.get(key) ?? 0) + w / (k + rank + 1)));
  });
  return [...scores.entries()].map(([key, score]) => ({ key, score })).sort(byScore);
}

/**
 * Scores rescaled so that the best of the first `statsDepth` items maps to 1 and the worst of them to 0 (items further
 * down fall below 0); a list whose first items all score the same maps them to 1.
 */
export function minMaxNormalise(list: Scored[], statsDepth = list.length): Map<number, number> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { score } of list.slice(0, statsDepth)) {
    lo = Math.min(lo, score);
    hi = Math.max(hi, score);
  }
  const span = hi - lo;
  return new Map(list.map(({ key, score }) => [key, span > 0 ? (score - lo) / span : 1]));
}

/** Scores standardised by the mean and deviation of the first `statsDepth` items; no spread maps to 0. */
export function zScoreNormalise(list: Scored[], statsDepth = list.length): Map<number, number> {
  const head = list.slice(0, statsDepth);
  if (head.length === 0) return new Map();
  const mean = head.reduce((s, x) => s + x.score, 0) / head.length;
  const sd = Math.sqrt(head.reduce((s, x) => s + (x.score - mean) ** 2, 0) / head.length);
  return new Map(list.map(({ key, score }) => [key, sd > 0 ? (score - mean) / sd : 0]));
}

function scoreFusion(lexical: Scored[], dense: Scored[], w: number, statsDepth: number, normalise: (l: Scored[], d: number) => Map<number, number>): Scored[] {
  // An item one retriever did not return, or returned below its first `statsDepth`, scores as the lowest of that
  // first `statsDepth` (0 after min-max). So reading a list deeper (src/search/stages/read-deeper.ts) adds items
  // below, and never moves the items ranked before.
  const clamped = (list: Scored[]): { values: Map<number, number>; floor: number } => {
    const all = normalise(list, statsDepth);
    const head = list.slice(0, statsDepth).map(({ key }) => all.get(key) ?? 0);
    const floor = head.length ? Math.min(...head) : 0;
    return { values: new Map(list.slice(0, statsDepth).map(({ key }) => [key, all.get(key) ?? floor])), floor };
  };
  const { values: lex, floor: lexFloor } = clamped(lexical);
  const { values: den, floor: denFloor } = clamped(dense);
  for (const { key } of lexical) if (!lex.has(key)) lex.set(key, lexFloor);
  for (const { key } of dense) if (!den.has(key)) den.set(key, denFloor);
  const keys = new Set([...lex.keys(), ...den.keys()]);
  return [...keys].map((key) => ({ key, score: w * (lex.get(key) ?? lexFloor) + (1 - w) * (den.get(key) ?? denFloor) })).sort(byScore);
}

/**
 * One ranking from a lexical and a dense candidate list (each best first, with its retriever's scores: BM25 and
 * cosine), as the spec says; the first `depth` (default `spec.depth`) of each list take part, and the score methods
 * normalise by the first `spec.depth` alone (items below it score as its lowest), so asking for more candidates does
 * not change how scores compare nor the order of the items ranked at `spec.depth`.
 * Scores of the result are the fused scores (comparable within one result list only). Ties are broken by key.
 */
export function fuse(lexical: Scored[], dense: Scored[], spec: FusionSpec, depth = spec.depth): Scored[] {
  const lex = lexical.slice(0, depth);
  const den = dense.slice(0, depth);
  const w = Math.min(1, Math.max(0, spec.lexicalWeight));
  switch (spec.method) {
    case 'rrf':
      return reciprocalRankFusion([lex.map((c) => c.key), den.map((c) => c.key)], spec.k);
    case 'weighted-rrf':
      return weightedRankFusion([w, 1 - w], [lex.map((c) => c.key), den.map((c) => c.key)], spec.k);
    case 'minmax':
      return scoreFusion(lex, den, w, spec.depth, minMaxNormalise);
    case 'zscore':
      return scoreFusion(lex, den, w, spec.depth, zScoreNormalise);
  }
}

/**
 * Reads `method[:lexicalWeight[:depth[:k]]]` (`rrf`, `weighted-rrf:0.6:100`, `minmax:0.3`), filling what is left out
 * from `base`. Throws an Error naming the part that is wrong.
 */
export function parseFusionSpec(text: string, base: FusionSpec = DEFAULT_FUSION): FusionSpec {
  const [method, weight, depth, k] = text.trim().split(':');
  if (!FUSION_METHODS.includes(method as FusionMethod)) throw new Error(`fusion method must be one of ${FUSION_METHODS.join(', ')}; got "${method}"`);
  const num = (s: string | undefined, name: string, fallback: number, ok: (x: number) => boolean) => {
    if (s === undefined || s === '') return fallback;
    const x = Number(s);
    if (!Number.isFinite(x) || !ok(x)) throw new Error(`fusion ${name} out of range: "${s}"`);
    return x;
  };
  return {
    method: method as FusionMethod,
    lexicalWeight: num(weight, 'lexical weight', base.lexicalWeight, (x) => x >= 0 && x <= 1),
    depth: num(depth, 'depth', base.depth, (x) => Number.isInteger(x) && x >= 1),
    k: num(k, 'k', base.k, (x) => x >= 0),
  };
}

/** The spec written back as `method:weight:depth:k`, for reports. */
export function formatFusionSpec(spec: FusionSpec): string {
  return `${spec.method}:${spec.lexicalWeight}:${spec.depth}:${spec.k}`;
}
