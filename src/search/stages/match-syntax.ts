/**
 * Search stage for the query syntax (src/core/query-syntax.ts), between reading the query and retrieving:
 * - the query searched becomes the syntax's ranking text, and its terms the union of its alternatives' terms;
 * - with phrases, the allowed passages narrow to those the lexical index's postings hold every bigram of some
 *   alternative's phrases under, however low they would rank, so a phrase is found beyond the top candidates;
 * - every candidate passage's text is then checked (phrases in order, no excluded word) while results are chosen.
 */
import { queryTerms, type QueryTerms } from '../../core/lexical-terms.js';
import { matchesQuery, phraseIndexTerms } from '../../core/query-match.js';
import { constrainsPassages, parseQuery, type ParsedQuery } from '../../core/query-syntax.js';
import { referencePattern } from '../../core/references.js';
import type { LexicalIndex } from '../../store/lexical-index.js';
import type { Allowed } from './allowed.js';
import type { ReadQuery } from './read-query.js';

export interface SyntaxQuery extends ReadQuery {
  parsed: ParsedQuery;
}

/** Lexical terms of a parsed query: the union of its alternatives' (no bigram joins one alternative to the next). */
function termsOf(parsed: ParsedQuery): QueryTerms {
  const each = parsed.alternatives.map((a) => queryTerms(a.text));
  return { folded: [...new Set(each.flatMap((t) => t.folded))], exact: [...new Set(each.flatMap((t) => t.exact))] };
}

/**
 * The read query with its syntax applied; a query without syntax comes back as it was read. Throws UserError
 * `query_syntax` when the syntax cannot be read (src/core/search-request.ts refuses such queries first).
 */
export function applySyntax(read: ReadQuery): SyntaxQuery {
  const parsed = parseQuery(read.query);
  if (parsed.text === read.query) return { ...read, parsed };
  return { ...read, parsed, query: parsed.text, terms: termsOf(parsed), pattern: referencePattern(parsed.text) };
}

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

/** The filters' allowed passages narrowed to the phrases' candidates (unchanged when the query has no phrase). */
export function narrowToPhrases(lexical: LexicalIndex, q: ParsedQuery, allowed: Allowed): Allowed {
  const keys = phraseCandidates(lexical, q, allowed.keys);
  if (keys === null) return allowed;
  // No passage holds the phrases: nothing to retrieve.
  return { documents: keys.size === 0 ? [] : allowed.documents, keys };
}

/** The check a candidate passage's text must pass, or null when the query asks nothing of it beyond ranking. */
export function passageCheck(q: ParsedQuery): ((nfcText: string) => boolean) | null {
  return constrainsPassages(q) ? (text) => matchesQuery(q, text) : null;
}
