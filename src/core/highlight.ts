/**
 * Where a passage matches the query: spans of its syllables that are query words (diacritics ignored, function
 * words left out unless the query has nothing else), adjacent ones merged into phrases, as offsets into the stored
 * document text so a client can bold exactly those characters.
 */
import { eachSyllable, fold, hasDiacritics, tokenize, toneKey, unifyIY } from './normalize.js';
import { isStopword } from './stopwords.js';

export type Highlight = [start: number, end: number];

/** Syllables of a text as matching keys: folded, or accent-exact tone keys. */
export function syllableKeys(text: string, exact: boolean): string[] {
  return tokenize(text).map((t) => (exact ? toneKey(text.slice(t.start, t.end)) : t.text));
}

/** The query's content words as matching keys (folded unless `exact`); all its words if it has nothing else. */
export function queryWords(query: string, exact = false): Set<string> {
  const folded = !hasDiacritics(query);
  const tokens = tokenize(query);
  const content = tokens.filter((t) => !isStopword(folded ? t.text : query.slice(t.start, t.end).toLowerCase(), folded));
  return new Set((content.length > 0 ? content : tokens).map((t) => (exact ? toneKey(query.slice(t.start, t.end)) : t.text)));
}

/** Highlights of one passage; `offset` is where the passage starts in its document. */
export function highlight(passageText: string, offset: number, words: Set<string>): Highlight[] {
  const spans: Highlight[] = [];
  const folded = fold(passageText);
  // Folding and i/y unification keep lengths, so a syllable of another length than every query word is skipped unread.
  const lengths = new Set([...words].map((w) => w.length));
  eachSyllable(folded, (start, end) => {
    if (!lengths.has(end - start) || !words.has(unifyIY(folded.slice(start, end)))) return;
    const last = spans[spans.length - 1];
    // Merge with the previous span when only spaces or hyphens lie between: `sinh hoạt chi bộ` is one mark.
    if (last && /^[\s-]*$/u.test(passageText.slice(last[1] - offset, start))) last[1] = offset + end;
    else spans.push([offset + start, offset + end]);
  });
  return spans;
}
