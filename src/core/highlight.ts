/**
 * Where a passage matches the query: spans of its syllables that are query words (function words left out unless
 * the query has nothing else), adjacent ones merged into phrases, as offsets into the stored document text so a
 * client can bold exactly those characters. A query typed without diacritics matches whatever the accents (`chi bo`
 * marks `chi bộ`, `chí`); a query typed with them matches accent-exact (`chi bộ` marks `chi bộ`, never `chí`, and
 * `đầu` never `đấu`), tone placement aside (`hòa` = `hoà`).
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

/** What highlight() marks: folded keys of a query typed without diacritics, or tone keys of one typed with them. */
export interface HighlightTerms {
  exact: boolean;
  keys: Set<string>;
  /** Lengths of the query's syllables as typed (folding keeps lengths): a syllable of another length is skipped unread. */
  lengths: Set<number>;
}

/** The query's content words as highlight terms, accent-exact when the query carries any diacritic. */
export function highlightTerms(query: string): HighlightTerms {
  const nfc = query.normalize('NFC');
  const exact = hasDiacritics(nfc);
  const keys = queryWords(nfc, exact);
  const lengths = new Set(tokenize(nfc).map((t) => t.end - t.start));
  return { exact, keys, lengths };
}

/** Highlights of one passage; `offset` is where the passage starts in its document. */
export function highlight(passageText: string, offset: number, terms: HighlightTerms): Highlight[] {
  const spans: Highlight[] = [];
  const folded = fold(passageText);
  const { exact, keys, lengths } = terms;
  eachSyllable(folded, (start, end) => {
    if (!lengths.has(end - start)) return;
    const key = exact ? toneKey(passageText.slice(start, end)) : unifyIY(folded.slice(start, end));
    if (!keys.has(key)) return;
    const last = spans[spans.length - 1];
    // Merge with the previous span when only spaces or hyphens lie between: `sinh hoạt chi bộ` is one mark.
    if (last && /^[\s-]*$/u.test(passageText.slice(last[1] - offset, start))) last[1] = offset + end;
    else spans.push([offset + start, offset + end]);
  });
  return spans;
}
