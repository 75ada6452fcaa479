/**
 * Stage 5 of search: a query that names a document by number, in any spelling (`22-NQ/TW`, `22 NQ TW`, `NQ 22`,
 * `Nghị quyết 22 khóa X`), gets that document first, shown by the passage that states its content (not its
 * letterhead, date line or an editor's note: src/core/statement-passage.ts), then the passages that cite it, then the
 * rest in ranked order.
 */
import { identityMatches, identityOfDocument, type DocumentIdentity } from '../../core/document-identity.js';
import type { ReferencePattern } from '../../core/references.js';
import { isStatementPassage, statementPassageIndex } from '../../core/statement-passage.js';
import type { IndexHandle } from '../../store/open-index.js';
import { NO_NAMES, type NamesInQuery } from './read-query.js';
import type { Hit } from './retrieve.js';

export interface Pinned {
  ordered: Hit[];
  /** Ids of the documents the query names (they may fill every place of the result list). */
  named: string[];
}

/**
 * A short name (`nghị quyết 1`) may fit many documents of a large index: beyond this many, only those the ranking
 * also found are pinned, best ranked first, this many at most.
 */
export const MAX_NAMED = 3;

/**
 * Of the stored documents a name without its issuer fits (`nghị quyết 72`), those it most likely means: none that
 * the indexed texts cite less than a document of the same name that is not stored. `nghị quyết 72` in an index of
 * articles about 72-NQ/TW (not stored) and one provincial 72/2025/NQ-HĐND means the former: the articles, found
 * by ranking and citation, answer it; the provincial resolution is not pinned over them.
 */
function likelyMeant(handle: IndexHandle, identity: DocumentIdentity, ids: string[]): string[] {
  if (identity.issuer !== null || ids.length === 0) return ids;
  const stored = new Set(ids.map((id) => handle.catalog.numberOf(id)));
  const cited = handle.store.citedNumbers(identity.number).filter((c) => {
    const other = identityOfDocument({ number: c.number });
    return other !== null && identityMatches(identity, other);
  });
  const citedBy = new Map(cited.map((c) => [c.number, c.documents]));
  const rival = Math.max(0, ...cited.filter((c) => !stored.has(c.number)).map((c) => c.documents));
  return ids.filter((id) => (citedBy.get(handle.catalog.numberOf(id) ?? '') ?? 0) >= rival);
}

/** The documents the names fit, exact numbers first, then by their best rank. */
function namedDocuments(handle: IndexHandle, pattern: ReferencePattern | null, names: NamesInQuery, rankOf: (id: string) => number): string[] {
  const out = new Set(pattern ? handle.store.documentsNumbered(pattern.numbers) : []);
  const found = handle.catalog.named(names.identities);
  for (const [i, all] of found.entries()) {
    const ids = likelyMeant(handle, names.identities[i]!, all);
    const fitting = ids.length <= MAX_NAMED ? ids : ids.filter((id) => rankOf(id) < Infinity).sort((a, b) => rankOf(a) - rankOf(b)).slice(0, MAX_NAMED);
    for (const id of fitting) out.add(id);
  }
  return [...out].sort((a, b) => rankOf(a) - rankOf(b));
}

export function pinNamedDocuments(
  handle: IndexHandle,
  pattern: ReferencePattern | null,
  ranked: Hit[],
  allowedKeys: Set<number> | null,
  names: NamesInQuery = NO_NAMES,
): Pinned {
  if (!pattern && names.identities.length === 0) return { ordered: ranked, named: [] };
  const position = new Map(ranked.map((r, i) => [r.key, i]));
  const rankOfKey = (key: number) => position.get(key) ?? Infinity;
  const bestRank = new Map<string, number>();
  const rankOf = (id: string) => {
    let rank = bestRank.get(id);
    if (rank === undefined) bestRank.set(id, (rank = Math.min(...handle.store.passageKeys(id).map(rankOfKey))));
    return rank;
  };
  const documents = pattern || names.identities.length > 0 ? namedDocuments(handle, pattern, names, rankOf) : [];
  const named = documents.flatMap((id) => {
    const passages = handle.store.documentPassages(id);
    // A query with a topic besides the name is shown the statement passage that ranks best for it.
    const topical = names.topical
      ? passages.filter((p) => rankOfKey(p.key) < Infinity && isStatementPassage(p.text)).sort((a, b) => rankOfKey(a.key) - rankOfKey(b.key))[0]
      : undefined;
    const shown = topical ?? passages[statementPassageIndex(passages)];
    return shown ? [shown.key] : [];
  });
  const citing = pattern ? handle.store.citingPassages(pattern) : [];
  const byRank = (a: number, b: number) => rankOfKey(a) - rankOfKey(b) || a - b;
  const first = [...new Set([...named, ...citing.sort(byRank)])].filter((key) => allowedKeys === null || allowedKeys.has(key));
  const score = new Map(ranked.map((r) => [r.key, r.score]));
  const firstSet = new Set(first);
  return {
    ordered: [...first.map((key) => ({ key, score: score.get(key) ?? 0 })), ...ranked.filter((r) => !firstSet.has(r.key))],
    named: documents,
  };
}
