/**
 * Stage 5 of search: a query that names a document by number gets that document first, then the passages that cite
 * it, then the rest in ranked order.
 */
import type { ReferencePattern } from '../../core/references.js';
import type { EngineReader, Restriction } from '../../store/engine.js';
import type { Hit } from './retrieve.js';

export interface Pinned {
  ordered: Hit[];
  /** Ids of the documents the query names (they may fill every place of the result list). */
  named: string[];
}

export async function pinNamedDocuments(engine: EngineReader, pattern: ReferencePattern | null, ranked: Hit[], restriction: Restriction | null): Promise<Pinned> {
  if (!pattern) return { ordered: ranked, named: [] };
  const allowedDocuments = restriction ? new Set(restriction.documents) : null;
  const namedDocuments = (await engine.documentsNumbered(pattern.numbers)).filter((id) => allowedDocuments === null || allowedDocuments.has(id));
  const named = (await Promise.all(namedDocuments.map((id) => engine.passageKeys(id)))).flatMap((keys) => keys.slice(0, 1));
  const citing = await engine.citingPassages(pattern, restriction);
  const position = new Map(ranked.map((r, i) => [r.key, i]));
  const byRank = (a: number, b: number) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || a - b;
  const first = [...new Set([...named, ...citing.sort(byRank)])];
  const score = new Map(ranked.map((r) => [r.key, r.score]));
  const firstSet = new Set(first);
  return {
    ordered: [...first.map((key) => ({ key, score: score.get(key) ?? 0 })), ...ranked.filter((r) => !firstSet.has(r.key))],
    named: namedDocuments,
  };
}
