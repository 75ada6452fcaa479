/**
 * Stage 6 of search: walks the ranking, reading each passage from the store only as far down as the result list
 * needs, and keeps k passages: near-duplicates dropped and few per document (src/core/diversify.ts).
 */
import { diversify, type Candidate } from '../../core/diversify.js';
import type { StoredPassage } from '../../core/types.js';
import type { IndexHandle } from '../../store/open-index.js';
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
  deeper: (() => Hit[]) | null;
  /** Documents that may fill every place (the one the query names, the one a filter asks for). */
  exempt: ReadonlySet<string>;
}

export function chooseResults(handle: IndexHandle, ranked: Hit[], request: ChooseRequest): Chosen {
  const passages = new Map<number, StoredPassage>();
  const { depth } = request;
  let deeper = request.deeper;
  function* candidates(): Generator<Candidate> {
    let list = ranked;
    for (let i = 0; ; i++) {
      if (i === list.length && deeper) {
        // The top n is exact, so the deeper list begins with the same passages (ties broken by key alike).
        list = deeper();
        deeper = null;
      }
      if (i >= Math.min(list.length, depth)) return;
      const hit = list[i];
      if (!hit) return;
      const p = handle.store.getPassage(hit.key);
      // A passage deleted between retrieval and lookup is simply left out.
      if (!p) continue;
      passages.set(hit.key, p);
      yield { key: hit.key, score: hit.score, documentId: p.documentId, text: p.text };
    }
  }
  return { top: diversify(candidates(), request.k, request.exempt), passages };
}
