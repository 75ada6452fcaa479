/**
 * Stage 6b of search, around choosing the results (diversify.ts): when the ranking is used up before k results are
 * chosen (near-duplicates dropped, a document over its cap), the ranking is read again twice as deep, up to a bound,
 * and the results chosen from it, so a search lists k results whenever the index holds k passages that may be listed.
 * Nothing changes when the first ranking yields k results: it is not read again.
 */
import type { EngineReader } from '../../store/engine.js';
import { type ChooseRequest, type Chosen, chooseResults } from './diversify.js';
import type { Hit } from './retrieve.js';

/**
 * Rankings are read at most this deep (passages), and never deeper than the index or the filters hold: a vector search
 * reads this many neighbours, a lexical one stops at the passages holding a query term.
 */
export const MAX_READ_DEPTH = 8192;

export interface DeeperRequest extends ChooseRequest {
  /** The whole ranking (retrieved, fused, pinned and ordered as the first) read `depth` deep. */
  rankAt: (depth: number) => Promise<Hit[]>;
  /** The most passages a ranking can hold (the number of passages indexed), asked only when needed; capped at MAX_READ_DEPTH. */
  limit: () => Promise<number>;
}

/**
 * The results chosen from `ranked`, or from rankings read ever deeper (doubling `depth`) while fewer than k are
 * chosen, until a deeper ranking holds nothing more or the bound is reached. Errors: those of the engine.
 */
export async function chooseReadingDeeper(engine: EngineReader, ranked: Hit[], request: DeeperRequest): Promise<Chosen> {
  let depth = request.depth;
  let chosen = await chooseResults(engine, ranked, request);
  // A ranking shorter than the depth it was read at already holds every passage there is to rank.
  if (chosen.top.length >= request.k || chosen.read < depth) return chosen;
  const bound = Math.min(await request.limit(), MAX_READ_DEPTH);
  while (chosen.top.length < request.k && chosen.read >= depth && depth < bound) {
    depth = Math.min(depth * 2, bound);
    const list = await request.rankAt(depth);
    // A ranking no longer than the one walked holds no passage it did not.
    if (list.length <= chosen.read) break;
    chosen = await chooseResults(engine, list, { ...request, depth, deeper: null, passages: chosen.passages });
  }
  return chosen;
}
