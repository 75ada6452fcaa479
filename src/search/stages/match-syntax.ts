/**
 * Search stage for the query syntax (src/core/query-syntax.ts): which passages may answer a query with phrases and
 * exclusions. Phrases are looked up in the lexical index's postings (every passage indexed under all of a phrase's
 * bigrams, however low it would rank), so retrieval is restricted to those and a phrase is found even beyond the
 * top candidates; then each candidate passage's text is checked (phrase in order, no excluded word).
 */
import { matchesQuery, phraseIndexTerms } from '../../core/query-match.js';
import { constrainsPassages, type ParsedQuery } from '../../core/query-syntax.js';
import type { LexicalIndex } from '../../store/lexical-index.js';

/**
 * Keys of the passages that can hold some alternative's phrases, within `allowed` (the filters' passages, or null
 * for all); null when some alternative has no phrase (then any passage may match it).
 */
export function phraseCandidates(lexical: LexicalIndex, q: ParsedQuery, allowed: ReadonlySet<number> | null): Set<number> | null {
  if (q.alternatives.some((a) => a.phrases.length === 0)) return null;
  const out = new Set<number>();
  for (const a of q.alternatives) {
    for (const key of lexical.passagesWithAll(a.phrases.flatMap(phraseIndexTerms))) if (allowed === null || allowed.has(key)) out.add(key);
  }
  return out;
}

/** The check a candidate passage's text must pass, or null when the query asks nothing of it beyond ranking. */
export function passageCheck(q: ParsedQuery): ((nfcText: string) => boolean) | null {
  return constrainsPassages(q) ? (text) => matchesQuery(q, text) : null;
}
