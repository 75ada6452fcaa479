/**
 * Terms for the lexical index, in two columns:
 * - `folded`: syllables without tones or marks, plus adjacent-syllable bigrams (`sinh_hoat`), because Vietnamese
 *   words are mostly two or more syllables and a bigram match is much stronger evidence than two scattered ones;
 *   abbreviations are indexed in both forms here (`TCCSĐ` also as `to chuc co so dang`, and the reverse).
 * - `exact`: tone keys (`hoaf`) and their bigrams, so a query typed with diacritics ranks accent-exact matches
 *   above folded-only ones, whatever the tone placement.
 */
import { curatedMatcher, type AbbreviationMatcher } from './abbreviations.js';
import { hasDiacritics, tokenize, toneKey } from './normalize.js';

export interface IndexTerms {
  folded: string;
  exact: string;
}

export interface QueryTerms {
  folded: string[];
  /** Empty when the query carries no diacritics: then accents cannot tell matches apart. */
  exact: string[];
}

function withBigrams(syllables: string[]): string[] {
  const terms = [...syllables];
  for (let i = 1; i < syllables.length; i++) terms.push(`${syllables[i - 1]}_${syllables[i]}`);
  return terms;
}

/** Folded and exact syllables of each sentence-like stretch; bigrams do not cross sentence ends. */
function stretches(nfcText: string): { folded: string[]; exact: string[] }[] {
  return nfcText
    .split(/[.!?;:\n]+/u)
    .map((part) => {
      const tokens = tokenize(part);
      return { folded: tokens.map((t) => t.text), exact: tokens.map((t) => toneKey(part.slice(t.start, t.end))) };
    })
    .filter((s) => s.folded.length > 0);
}

/** Terms of a passage; `heading` (its title and section path) is indexed with it. */
export function indexTerms(nfcText: string, abbreviations: AbbreviationMatcher = curatedMatcher, heading = ''): IndexTerms {
  const parts = [...stretches(heading), ...stretches(nfcText)];
  const folded = parts.map((p) => withBigrams(p.folded).join(' '));
  for (const a of abbreviations(parts.flatMap((p) => p.folded), `${heading}\n${nfcText}`)) {
    for (const form of [a.short, a.long]) folded.push(withBigrams(tokenize(form).map((t) => t.text)).join(' '));
  }
  return { folded: folded.join(' '), exact: parts.map((p) => withBigrams(p.exact).join(' ')).join(' ') };
}

export function queryTerms(nfcQuery: string): QueryTerms {
  const tokens = tokenize(nfcQuery);
  const folded = [...new Set(withBigrams(tokens.map((t) => t.text)))];
  const exact = hasDiacritics(nfcQuery) ? [...new Set(withBigrams(tokens.map((t) => toneKey(nfcQuery.slice(t.start, t.end)))))] : [];
  return { folded, exact };
}
