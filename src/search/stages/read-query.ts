/**
 * Stage 1 of search: the query as typed and the query searched, with what retrieval and pinning read off it.
 */
import { queryTerms, type QueryTerms } from '../../core/lexical-terms.js';
import { removeInvisible } from '../../core/normalize.js';
import { referencePattern, type ReferencePattern } from '../../core/references.js';
import { correctTelexQuery } from '../../core/telex.js';

export interface ReadQuery {
  /** As typed: NFC, trimmed, invisible characters dropped as in stored text. */
  typed: string;
  /** What is searched: `typed`, or its correction. */
  query: string;
  /** The correction when words were typed with the input method off (`sinh hoatj chi booj` → `sinh hoạt chi bộ`). */
  correctedQuery: string | null;
  /** The lexical index's terms of `query`. */
  terms: QueryTerms;
  /** The document numbers `query` names, if any (`Nghị quyết 22-NQ/TW`). */
  pattern: ReferencePattern | null;
}

/** The query as typed and as searched; pure. */
export function readQuery(rawQuery: string): ReadQuery {
  const typed = removeInvisible(rawQuery.normalize('NFC')).trim();
  const correctedQuery = correctTelexQuery(typed);
  const query = correctedQuery ?? typed;
  return { typed, query, correctedQuery, terms: queryTerms(query), pattern: referencePattern(query) };
}
