/**
 * Stage 5 of search: a query that names a document by number gets that document first, then the passages that cite
 * it, then the rest in ranked order.
 */
import type { ReferencePattern } from '../../core/references.js';
import type { IndexHandle } from '../../store/open-index.js';
import type { Hit } from './retrieve.js';

export interface Pinned {
  ordered: Hit[];
  /** Ids of the documents the query names (they may fill every place of the result list). */
  named: string[];
}

export function pinNamedDocuments(handle: IndexHandle, pattern: ReferencePattern | null, ranked: Hit[], allowedKeys: Set<number> | null): Pinned {
  if (!pattern) return { ordered: ranked, named: [] };
  const namedDocuments = handle.store.documentsNumbered(pattern.numbers);
  const named = namedDocuments.flatMap((id) => handle.store.passageKeys(id).slice(0, 1));
  const citing = handle.store.citingPassages(pattern);
  const position = new Map(ranked.map((r, i) => [r.key, i]));
  const byRank = (a: number, b: number) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || a - b;
  const first = [...new Set([...named, ...citing.sort(byRank)])].filter((key) => allowedKeys === null || allowedKeys.has(key));
  const score = new Map(ranked.map((r) => [r.key, r.score]));
  const firstSet = new Set(first);
  return {
    ordered: [...first.map((key) => ({ key, score: score.get(key) ?? 0 })), ...ranked.filter((r) => !firstSet.has(r.key))],
    named: namedDocuments,
  };
}
