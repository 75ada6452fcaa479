/**
 * Stage 5 of search: a query that names a document by number, in any spelling (`22-NQ/TW`, `22 NQ TW`, `NQ 22`,
 * `Nghị quyết 22 khóa X`), gets that document first, shown by the passage that states its content (not its
 * letterhead, date line or an editor's note: src/core/statement-passage.ts), then the passages that cite it, then the
 * rest in ranked order.
 */
import { identityMatches, identityOfDocument, type DocumentIdentity } from '../../core/document-identity.js';
import type { ReferencePattern } from '../../core/references.js';
import { isStatementPassage, statementPassageIndex } from '../../core/statement-passage.js';
import type { EngineReader, Restriction } from '../../store/engine.js';
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
async function likelyMeant(engine: EngineReader, identity: DocumentIdentity, ids: string[]): Promise<string[]> {
  if (identity.issuer !== null || ids.length === 0) return ids;
  const numbers = new Map([...(await engine.documentSummaries(ids))].map(([id, d]) => [id, d.number]));
  const stored = new Set(numbers.values());
  const cited = (await engine.citedNumbers(identity.number)).filter((c) => {
    const other = identityOfDocument({ number: c.number });
    return other !== null && identityMatches(identity, other);
  });
  const citedBy = new Map(cited.map((c) => [c.number, c.documents]));
  const rival = Math.max(0, ...cited.filter((c) => !stored.has(c.number)).map((c) => c.documents));
  return ids.filter((id) => (citedBy.get(numbers.get(id) ?? '') ?? 0) >= rival);
}

export async function pinNamedDocuments(
  engine: EngineReader,
  pattern: ReferencePattern | null,
  ranked: Hit[],
  restriction: Restriction | null,
  names: NamesInQuery = NO_NAMES,
): Promise<Pinned> {
  if (!pattern && names.identities.length === 0) return { ordered: ranked, named: [] };
  const allowedDocuments = restriction ? new Set(restriction.documents) : null;
  const position = new Map(ranked.map((r, i) => [r.key, i]));
  const rankOfKey = (key: number) => position.get(key) ?? Infinity;
  const keysOf = new Map<string, number[]>();
  const passageKeys = async (id: string) => {
    let keys = keysOf.get(id);
    if (!keys) keysOf.set(id, (keys = await engine.passageKeys(id)));
    return keys;
  };
  const rankOf = async (id: string) => Math.min(...(await passageKeys(id)).map(rankOfKey));

  // The documents the names fit: exact numbers first, then by their best rank.
  const found = new Set(pattern ? await engine.documentsNumbered(pattern.numbers) : []);
  const byIdentity = names.identities.length > 0 ? await engine.documentsNamed(names.identities) : [];
  for (const [i, all] of byIdentity.entries()) {
    const ids = await likelyMeant(engine, names.identities[i]!, all);
    if (ids.length <= MAX_NAMED) ids.forEach((id) => found.add(id));
    else {
      const ranks = await Promise.all(ids.map(async (id) => [id, await rankOf(id)] as const));
      for (const [id] of ranks.filter(([, r]) => r < Infinity).sort((a, b) => a[1] - b[1]).slice(0, MAX_NAMED)) found.add(id);
    }
  }
  const allowed = [...found].filter((id) => allowedDocuments === null || allowedDocuments.has(id));
  const ranks = new Map(await Promise.all(allowed.map(async (id) => [id, await rankOf(id)] as const)));
  const documents = allowed.sort((a, b) => ranks.get(a)! - ranks.get(b)!);

  const named: number[] = [];
  for (const id of documents) {
    const keys = await passageKeys(id);
    const stored = await engine.passages(keys);
    const passages = keys.flatMap((key) => {
      const p = stored.get(key);
      return p ? [p] : [];
    });
    // A query with a topic besides the name is shown the statement passage that ranks best for it.
    const topical = names.topical
      ? passages.filter((p) => rankOfKey(p.key) < Infinity && isStatementPassage(p.text)).sort((a, b) => rankOfKey(a.key) - rankOfKey(b.key))[0]
      : undefined;
    const shown = topical ?? passages[statementPassageIndex(passages)];
    if (shown) named.push(shown.key);
  }
  const citing = pattern ? await engine.citingPassages(pattern, restriction) : [];
  const byRank = (a: number, b: number) => rankOfKey(a) - rankOfKey(b) || a - b;
  const first = [...new Set([...named, ...citing.sort(byRank)])];
  const score = new Map(ranked.map((r) => [r.key, r.score]));
  const firstSet = new Set(first);
  return {
    ordered: [...first.map((key) => ({ key, score: score.get(key) ?? 0 })), ...ranked.filter((r) => !firstSet.has(r.key))],
    named: documents,
  };
}
