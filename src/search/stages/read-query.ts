/**
 * Stage 1 of search: the query as typed and the query searched, with what retrieval and pinning read off it.
 */
import { queryTerms, type QueryTerms } from '../../core/lexical-terms.js';
import { removeInvisible } from '../../core/normalize.js';
import { referencePattern, type ReferencePattern } from '../../core/references.js';
import { restoreDiacritics, type SyllableCounts } from '../../core/restore-diacritics.js';
import { correctTelexQuery } from '../../core/telex.js';

export interface ReadQuery {
  /** As typed: NFC, trimmed, invisible characters dropped as in stored text. */
  typed: string;
  /** What is searched: `typed`, or its correction, or its restored form. */
  query: string;
  /** The correction when words were typed with the input method off (`sinh hoatj chi booj` → `sinh hoạt chi bộ`). */
  correctedQuery: string | null;
  /**
   * The query typed without diacritics as the corpus writes it (`duong loi doi ngoai` → `đường lối đối ngoại`), when
   * every word is restored with confidence; it is what is searched, and offered as "Có phải bạn muốn tìm: …".
   */
  suggestedQuery: string | null;
  /** The lexical index's terms of `query`. */
  terms: QueryTerms;
  /** The document numbers `query` names, if any (`Nghị quyết 22-NQ/TW`). */
  pattern: ReferencePattern | null;
}

export interface ReadQueryOptions {
  /** The corpus vocabulary for restoring diacritics (src/store/syllable-counts.ts); none, no restoring. */
  counts?: SyllableCounts | null;
  /** Search exactly as typed: no Telex/VNI reading, no restored diacritics. */
  exact?: boolean;
}

/** The query as typed and as searched; pure (the counts are read through their interface). */
export function readQuery(rawQuery: string, options: ReadQueryOptions = {}): ReadQuery {
  const typed = removeInvisible(rawQuery.normalize('NFC')).trim();
  const correctedQuery = options.exact ? null : correctTelexQuery(typed);
  const restored = options.exact || correctedQuery !== null || !options.counts ? null : restoreDiacritics(typed, options.counts);
  const suggestedQuery = restored?.confident ? restored.text : null;
  const query = correctedQuery ?? suggestedQuery ?? typed;
  return { typed, query, correctedQuery, suggestedQuery, terms: queryTerms(query), pattern: referencePattern(query) };
}
