/**
 * Stage 6 of search: walks the ranking, reading passages from the engine only as far down as the result list needs,
 * and keeps k passages: near-duplicates dropped and few per document (src/core/diversify.ts).
 */
import { diversify, type Candidate } from '../../core/diversify.js';
import { passageHeading } from '../../core/passage-context.js';
import type { StoredPassage } from '../../core/types.js';
import type { EngineReader } from '../../store/engine.js';
import type { Hit } from './retrieve.js';

export interface Chosen {
  top: Candidate[];
  /** The passages read, by key (every key of `top` is here). */
  passages: Map<number, StoredPassage>;
  /** How many places of the ranking the walk could reach: the deepest list read, no deeper than the depth allowed. */
  read: number;
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
  /**
   * A check each passage's text must pass (the query's phrases and exclusions, src/search/stages/match-syntax.ts),
   * and the ranking read `reach` deep to make up for passages it refuses, up to `limit` (the number of passages);
   * absent, every passage is taken.
   */
  check?: { accepts: (nfcText: string, heading: string) => boolean; deeper: ((reach: number) => Promise<Hit[]>) | null; limit: number };
  /** Passages already read (by an earlier walk over a shallower ranking), to read again from here. */
  passages?: Map<number, StoredPassage>;
}

/**
 * Passages are read in growing prefixes of the ranking (2k, then twice as many…): diversifying a prefix that yields
 * k results gives the same results as walking the whole ranking, since the walk stops at the k-th.
 */
export async function chooseResults(engine: EngineReader, ranked: Hit[], request: ChooseRequest): Promise<Chosen> {
  const passages = request.passages ?? new Map<number, StoredPassage>();
  // Titles of the passages' documents, for the check (the heading a passage is indexed with: title and section).
  const titles = new Map<string, string | null>();
  let list = ranked;
  let deeper = request.deeper;
  const { check } = request;
  // With a check, the walk is not bounded by `depth`: refused passages are made up for from ever deeper rankings.
  const depth = check ? Number.POSITIVE_INFINITY : request.depth;
  let reach = request.depth;
  let length = Math.max(2 * request.k, 10);
  for (;;) {
    const prefix = list.slice(0, Math.min(length, depth));
    const missing = prefix.map((h) => h.key).filter((key) => !passages.has(key));
    for (const [key, p] of await engine.passages(missing)) passages.set(key, p);
    if (check) {
      const unknown = [...new Set(prefix.map((h) => passages.get(h.key)?.documentId))].filter((id): id is string => id !== undefined && !titles.has(id));
      const summaries = unknown.length > 0 ? await engine.documentSummaries(unknown) : new Map();
      for (const id of unknown) titles.set(id, summaries.get(id)?.title ?? null);
    }
    const candidates: Candidate[] = [];
    for (const hit of prefix) {
      // A passage deleted between retrieval and lookup is simply left out.
      const p = passages.get(hit.key);
      // So is one the check refuses.
      if (p && (!check || check.accepts(p.text, passageHeading(titles.get(p.documentId) ?? null, p.section)))) candidates.push({ key: hit.key, score: hit.score, documentId: p.documentId, text: p.text });
    }
    const top = diversify(candidates, request.k, request.exempt);
    if (top.length >= request.k) return { top, passages, read: Math.min(list.length, depth) };
    if (prefix.length >= Math.min(list.length, depth)) {
      if (!deeper && check?.deeper && reach < check.limit) {
        reach *= 4;
        const listed = new Set(list.map((h) => h.key));
        const more = (await check.deeper(reach)).filter((h) => !listed.has(h.key));
        if (more.length === 0) return { top, passages, read: Math.min(list.length, depth) };
        list = [...list, ...more];
        length *= 2;
        continue;
      }
      if (!deeper) return { top, passages, read: Math.min(list.length, depth) };
      // The shallow list is used up: the top n is exact, so the deeper list begins with the same passages (ties
      // broken by key alike).
      list = await deeper();
      deeper = null;
    }
    length *= 2;
  }
}
