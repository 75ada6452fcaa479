/**
 * Stage 6 of search: walks the ranking, reading passages from the engine only as far down as the result list needs,
 * and keeps k passages: near-duplicates dropped and few per document (src/core/diversify.ts).
 */
import { diversify, type Candidate } from '../../core/diversify.js';
import type { StoredPassage } from '../../core/types.js';
import type { EngineReader } from '../../store/engine.js';
import type { Hit } from './retrieve.js';

export interface Chosen {
  top: Candidate[];
  /** The passages read, by key (every key of `top` is here). */
  passages: Map<number, StoredPassage>;
}

export interface ChooseRequest {
  k: number;
  /** How deep the ranking may be walked. */
  depth: number;
  /**
   * When the ranking is a lexical list read shallower than `depth` (src/search/search.ts), the deeper list, read
   * only if the walk uses the shallow one up; null otherwise.
   */
  deeper: (() => Promise<Hit[]>) | null;
  /** Documents that may fill every place (the one the query names, the one a filter asks for). */
  exempt: ReadonlySet<string>;
}

/**
 * Passages are read in growing prefixes of the ranking (2k, then twice as many…): diversifying a prefix that yields
 * k results gives the same results as walking the whole ranking, since the walk stops at the k-th.
 */
export async function chooseResults(engine: EngineReader, ranked: Hit[], request: ChooseRequest): Promise<Chosen> {
  const passages = new Map<number, StoredPassage>();
  let list = ranked;
  let deeper = request.deeper;
  let length = Math.max(2 * request.k, 10);
  for (;;) {
    const prefix = list.slice(0, Math.min(length, request.depth));
    const missing = prefix.map((h) => h.key).filter((key) => !passages.has(key));
    for (const [key, p] of await engine.passages(missing)) passages.set(key, p);
    const candidates: Candidate[] = [];
    for (const hit of prefix) {
      // A passage deleted between retrieval and lookup is simply left out.
      const p = passages.get(hit.key);
      if (p) candidates.push({ key: hit.key, score: hit.score, documentId: p.documentId, text: p.text });
    }
    const top = diversify(candidates, request.k, request.exempt);
    if (top.length >= request.k) return { top, passages };
    if (prefix.length >= Math.min(list.length, request.depth)) {
      if (!deeper) return { top, passages };
      // The shallow list is used up: the top n is exact, so the deeper list begins with the same passages (ties
      // broken by key alike).
      list = await deeper();
      deeper = null;
    }
    length *= 2;
  }
}
