/**
 * Search stage for the query syntax (src/core/query-syntax.ts), between reading the query and retrieving:
 * - the query searched becomes the syntax's ranking text, and its terms the union of its alternatives' terms;
 * - with phrases, the restriction narrows to the passages the engine's postings hold every bigram of some
 *   alternative's phrases under, however low they would rank, so a phrase is found beyond the top candidates;
 * - every candidate passage is then checked (phrases in order in its text, no excluded word in its text or heading)
 *   while results are chosen.
 */
import { queryTerms, type QueryTerms } from '../../core/lexical-terms.js';
import { matchesQuery, phraseIndexTerms } from '../../core/query-match.js';
import { constrainsPassages, parseQuery, type ParsedQuery } from '../../core/query-syntax.js';
import { referencePattern } from '../../core/references.js';
import type { EngineReader, Restriction } from '../../store/engine.js';
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
 * The read query with its syntax applied; a query without syntax comes back as it was read. A query with syntax is
 * searched as typed (Telex/VNI read, but no diacritics restored: `"dang uy"` typed without them asks for the folded
 * match). Throws UserError `query_syntax` when the syntax cannot be read (src/core/search-request.ts refuses such
 * queries first).
 */
export function applySyntax(read: ReadQuery): SyntaxQuery {
  const base = read.correctedQuery ?? read.typed;
  const parsed = parseQuery(base);
  if (parsed.text === base) return { ...read, parsed: parseQuery(read.query) };
  return { ...read, suggestedQuery: null, parsed, query: parsed.text, terms: termsOf(parsed), pattern: referencePattern(parsed.text) };
}

/**
 * The restriction narrowed to the passages that can hold some alternative's phrases; unchanged when some alternative
 * has no phrase (then any passage may match it) or the engine cannot look up postings.
 */
export async function narrowToPhrases(engine: EngineReader, q: ParsedQuery, restriction: Restriction | null): Promise<Restriction | null> {
  if (!engine.passagesWithAll || !engine.restrictToPassages) return restriction;
  if (q.alternatives.some((a) => a.phrases.length === 0)) return restriction;
  const keys = new Set<number>();
  for (const a of q.alternatives) for (const key of await engine.passagesWithAll(a.phrases.flatMap(phraseIndexTerms), restriction)) keys.add(key);
  return engine.restrictToPassages([...keys], restriction);
}

/**
 * The check a candidate passage must pass (its text, and for exclusions its heading: title and section path), or null
 * when the query asks nothing of it beyond ranking.
 */
export function passageCheck(q: ParsedQuery): ((nfcText: string, heading: string) => boolean) | null {
  return constrainsPassages(q) ? (text, heading) => matchesQuery(q, text, heading) : null;
}
