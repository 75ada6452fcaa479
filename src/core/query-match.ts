/**
 * Whether a passage satisfies a parsed query's phrases and exclusions (src/core/query-syntax.ts): a phrase is its
 * syllables in order within one sentence-like stretch (split where the lexical index splits bigrams: `. ! ? ; :` and
 * line ends), other punctuation ignored; folded, or by tone key when the phrase was typed with diacritics. Pure.
 */
import { hasDiacritics, tokenize, toneKey } from './normalize.js';
import { isStopword } from './stopwords.js';
import type { ParsedQuery, QueryPhrase } from './query-syntax.js';

const STRETCH_END = /[.!?;:\n]+/u;

/** A passage's syllables, per stretch, in the forms phrases are compared in (tone keys only when asked for). */
export interface PassageSyllables {
  folded: string[][];
  keys: string[][] | null;
}

export function passageSyllables(nfcText: string, withKeys: boolean): PassageSyllables {
  const folded: string[][] = [];
  const keys: string[][] = [];
  for (const part of nfcText.split(STRETCH_END)) {
    const tokens = tokenize(part);
    if (tokens.length === 0) continue;
    folded.push(tokens.map((t) => t.text));
    if (withKeys) keys.push(tokens.map((t) => toneKey(part.slice(t.start, t.end))));
  }
  return { folded, keys: withKeys ? keys : null };
}

function occursIn(stretch: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= stretch.length; i++) {
    for (let j = 0; j < needle.length; j++) if (stretch[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether the passage holds the phrase (accent-exact when the phrase asks for it and tone keys were computed). */
export function containsPhrase(s: PassageSyllables, phrase: QueryPhrase): boolean {
  if (phrase.accentExact && s.keys) return s.keys.some((stretch) => occursIn(stretch, phrase.keys));
  return s.folded.some((stretch) => occursIn(stretch, phrase.folded));
}

/** Whether any phrase of the query (to find or to exclude) compares by tone key. */
export const needsToneKeys = (q: ParsedQuery): boolean => [...q.excluded, ...q.alternatives.flatMap((a) => a.phrases)].some((p) => p.accentExact);

/** Whether a passage's text has every phrase of some alternative and none of the excluded words and phrases. */
export function matchesQuery(q: ParsedQuery, nfcText: string): boolean {
  const s = passageSyllables(nfcText, needsToneKeys(q));
  if (q.excluded.some((p) => containsPhrase(s, p))) return false;
  return q.alternatives.some((a) => a.phrases.every((p) => containsPhrase(s, p)));
}

const bigrams = (syllables: string[]): string[] =>
  syllables.length === 1 ? syllables : syllables.slice(1).map((s, i) => `${syllables[i]}_${s}`);

/**
 * Folded index terms every passage holding the phrase is indexed under (src/core/lexical-terms.ts): its bigrams, or
 * its one syllable. A phrase lies within one stretch, where the index makes bigrams, so none is missed.
 */
export const phraseIndexTerms = (phrase: QueryPhrase): string[] => bigrams(phrase.folded);

/**
 * The words a passage must all hold to match an alternative when matches are counted (facets): the folded syllables
 * of its text that are not function words (`của`, `và`; src/core/stopwords.ts), or all of them when it has only
 * function words.
 */
export function matchWords(alternativeText: string): string[] {
  const exact = hasDiacritics(alternativeText);
  const tokens = tokenize(alternativeText);
  const all = [...new Set(tokens.map((t) => t.text))];
  const content = [...new Set(tokens.filter((t) => !isStopword(exact ? alternativeText.slice(t.start, t.end).toLowerCase() : t.text, !exact)).map((t) => t.text))];
  return content.length > 0 ? content : all;
}
