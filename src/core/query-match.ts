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

/**
 * A phrase's own stretches: a quoted title may hold a stretch end (`"Taxi! Em tên gì?"`), and then matches across
 * the same ends in the passage.
 */
function phraseStretches(phrase: QueryPhrase, keys: boolean): string[][] {
  const own = passageSyllables(phrase.text, keys);
  const parts = keys ? (own.keys ?? []) : own.folded;
  return parts.length > 1 ? parts : [keys ? phrase.keys : phrase.folded];
}

const startsWith = (stretch: string[], part: string[]): boolean => part.length <= stretch.length && part.every((x, i) => stretch[i] === x);
const endsWith = (stretch: string[], part: string[]): boolean => startsWith(stretch.slice(stretch.length - part.length), part);

/** Whether the passage holds the phrase (accent-exact when the phrase asks for it and tone keys were computed). */
export function containsPhrase(s: PassageSyllables, phrase: QueryPhrase): boolean {
  const keys = phrase.accentExact && s.keys !== null;
  const stretches = keys ? (s.keys ?? []) : s.folded;
  const parts = phraseStretches(phrase, keys);
  const [first, ...rest] = parts;
  if (!first) return false;
  if (rest.length === 0) return stretches.some((stretch) => occursIn(stretch, first));
  const last = rest[rest.length - 1] ?? [];
  const middle = rest.slice(0, -1);
  for (let i = 0; i + parts.length <= stretches.length; i++) {
    if (!endsWith(stretches[i] ?? [], first)) continue;
    if (!middle.every((part, j) => (stretches[i + 1 + j] ?? []).join(' ') === part.join(' '))) continue;
    if (startsWith(stretches[i + parts.length - 1] ?? [], last)) return true;
  }
  return false;
}

/** Whether any phrase of the query (to find or to exclude) compares by tone key. */
export const needsToneKeys = (q: ParsedQuery): boolean => [...q.excluded, ...q.alternatives.flatMap((a) => a.phrases)].some((p) => p.accentExact);

/**
 * Whether a passage's text has every phrase of some alternative, and neither it nor its `heading` (the title and
 * section path it is indexed with, src/core/passage-context.ts) holds an excluded word or phrase: a passage found
 * through its heading is left out by an exclusion of what found it.
 */
export function matchesQuery(q: ParsedQuery, nfcText: string, heading = ''): boolean {
  const keys = needsToneKeys(q);
  const s = passageSyllables(nfcText, keys);
  if (q.excluded.some((p) => containsPhrase(s, p))) return false;
  if (heading !== '' && q.excluded.length > 0) {
    const h = passageSyllables(heading, keys);
    if (q.excluded.some((p) => containsPhrase(h, p))) return false;
  }
  return q.alternatives.some((a) => a.phrases.every((p) => containsPhrase(s, p)));
}

const bigrams = (syllables: string[]): string[] =>
  syllables.length === 1 ? syllables : syllables.slice(1).map((s, i) => `${syllables[i]}_${s}`);

/**
 * Folded index terms every passage holding the phrase is indexed under (src/core/lexical-terms.ts): its bigrams, or
 * its one syllable, per stretch of the phrase (the index makes bigrams within a stretch), so none is missed.
 */
export const phraseIndexTerms = (phrase: QueryPhrase): string[] => phraseStretches(phrase, false).flatMap(bigrams);

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
