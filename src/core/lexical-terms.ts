/**
 * Terms for the lexical index: folded syllables plus adjacent-syllable bigrams (`sinh_hoat`), because Vietnamese
 * words are mostly two or more syllables and a bigram match is much stronger evidence than two scattered ones.
 */
import { tokenize } from './normalize.js';

function withBigrams(syllables: string[]): string[] {
  const terms = [...syllables];
  for (let i = 1; i < syllables.length; i++) terms.push(`${syllables[i - 1]}_${syllables[i]}`);
  return terms;
}

/** Space-separated terms of a passage, as written into the FTS table. Bigrams do not cross sentence ends. */
export function indexTerms(nfcText: string): string {
  const parts: string[] = [];
  for (const sentence of nfcText.split(/[.!?;:\n]+/u)) {
    const syllables = tokenize(sentence).map((t) => t.text);
    if (syllables.length > 0) parts.push(withBigrams(syllables).join(' '));
  }
  return parts.join(' ');
}

/** Distinct query terms (syllables and bigrams), folded. */
export function queryTerms(nfcQuery: string): string[] {
  return [...new Set(withBigrams(tokenize(nfcQuery).map((t) => t.text)))];
}

/** An FTS5 MATCH expression that ORs the terms, each quoted so no query text is read as FTS syntax. */
export function toFtsMatch(terms: string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}
