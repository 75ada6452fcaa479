/**
 * How far the loaded model's vectors cover an index's passages, and what to tell people when they do not: an index
 * built before the model was installed (or a reindex cut short) holds passages without vectors, which dense search
 * cannot find. With none at all the index is searched lexically (health and search say `mode: lexical`); with some
 * missing, dense and hybrid search run over the others. Either way `npm run reindex` embeds what is missing.
 * Counts are those of the engine (src/store/engine.ts EngineCounts): passages, and vectors of the loaded model.
 */

export interface VectorCoverage {
  passages: number;
  vectors: number;
  /** Passages without a vector of the model (never negative). */
  missing: number;
  /** True when there are passages and not one vector: dense search would find nothing. */
  none: boolean;
}

export function vectorCoverage(counts: { passages: number; vectors: number }): VectorCoverage {
  const missing = Math.max(0, counts.passages - counts.vectors);
  return { passages: counts.passages, vectors: counts.vectors, missing, none: counts.passages > 0 && counts.vectors === 0 };
}

/** The search response's notice when dense or hybrid search was asked for and vectors are missing; else undefined. */
export function coverageNotice(coverage: VectorCoverage, modelId: string): string | undefined {
  if (coverage.missing === 0) return undefined;
  if (coverage.none) {
    return `the index has no vectors of ${modelId} yet (0 of ${coverage.passages} passages): these results are lexical; run \`npm run reindex\` to embed the passages`;
  }
  return `${coverage.missing} of ${coverage.passages} passages have no vector of ${modelId} yet, so the dense ranking cannot find them; run \`npm run reindex\` to embed them`;
}

/** The operator's start-up line when vectors are missing; else undefined. */
export function coverageLine(coverage: VectorCoverage, modelId: string): string | undefined {
  if (coverage.missing === 0) return undefined;
  const what = coverage.none ? 'searches are lexical until then' : 'dense and hybrid search cannot find the others until then';
  return `vectors: ${coverage.vectors} of ${coverage.passages} passages have a vector of ${modelId}; run \`npm run reindex\` to embed the other ${coverage.missing} (${what})`;
}
