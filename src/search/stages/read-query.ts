/**
 * Stage 1 of search: the query as typed and the query searched, with what retrieval and pinning read off it.
 */
import { identityText, namedSpans, withoutNames, type DocumentIdentity } from '../../core/document-identity.js';
import { queryTerms, type QueryTerms } from '../../core/lexical-terms.js';
import { removeInvisible, tokenize } from '../../core/normalize.js';
import { referencePattern, type ReferencePattern } from '../../core/references.js';
import { isStopword } from '../../core/stopwords.js';
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
  /** The document numbers `query` names, if any (`Nghị quyết 22-NQ/TW`, and `NQ 22`, `22 NQ TW` read as such). */
  pattern: ReferencePattern | null;
  /** The documents `query` names, in any spelling (src/core/document-identity.ts), and whether it asks more. */
  names: NamesInQuery;
}

export interface NamesInQuery {
  identities: DocumentIdentity[];
  /** The query has words besides the names (`nghị quyết 22 về sinh hoạt chi bộ`): a topic to find in them. */
  topical: boolean;
}

export const NO_NAMES: NamesInQuery = { identities: [], topical: true };

/** The documents a query names, and whether words remain around the names. */
export function namesIn(query: string): NamesInQuery {
  const identities = namedSpans(query).map((m) => m.identity);
  if (identities.length === 0) return NO_NAMES;
  return { identities, topical: tokenize(withoutNames(query)).some((t) => !/^\d+$/u.test(t.text) && !isStopword(t.text, true)) };
}

/**
 * What the citation table is searched for: the numbers and short forms src/core/references.ts reads in the query,
 * and those of the names only document-identity reads (`NQ 22` as `Nghị quyết 22`, `22 NQ TW` as `22-NQ/TW`).
 */
function citationPattern(query: string, identities: DocumentIdentity[]): ReferencePattern | null {
  const patterns = [query, ...identities.map(identityText)].flatMap((text) => {
    const p = text ? referencePattern(text) : null;
    return p ? [p] : [];
  });
  if (patterns.length === 0) return null;
  const merged = (pick: (p: ReferencePattern) => string[]) => [...new Set(patterns.flatMap(pick))];
  return { numbers: merged((p) => p.numbers), keys: merged((p) => p.keys), prefixes: merged((p) => p.prefixes) };
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
  const names = namesIn(query);
  return { typed, query, correctedQuery, suggestedQuery, terms: queryTerms(query), pattern: citationPattern(query, names.identities), names };
}
