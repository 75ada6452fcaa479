/**
 * Syllable vocabulary for repairing OCR: lower-case syllable counts and counts of adjacent syllable pairs, from
 * running text. Built from public-domain legal texts (scripts/build-ocr-vocabulary.ts writes
 * data/ocr-vocabulary.tsv.gz) and from the document being read itself; never from a document's ground truth.
 */
import { isValidSyllable } from './vietnamese-syllable.js';

export interface Vocabulary {
  /** Lower-case NFC word → occurrences. */
  unigrams: Map<string, number>;
  /** `word word` (lower-case, one space) → occurrences of the two words in a row. */
  bigrams: Map<string, number>;
}

const WORD = /\p{L}+/gu;

export function emptyVocabulary(): Vocabulary {
  return { unigrams: new Map(), bigrams: new Map() };
}

/**
 * Counts the words of a text and its pairs of words separated only by spaces (a comma or a line break ends a pair).
 * Adds into `into` when given. Words are lower-cased NFC runs of letters.
 */
export function countVocabulary(text: string, into: Vocabulary = emptyVocabulary()): Vocabulary {
  let prev: string | null = null;
  let prevEnd = -1;
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    const word = m[0].toLowerCase();
    into.unigrams.set(word, (into.unigrams.get(word) ?? 0) + 1);
    if (prev !== null && /^ +$/.test(text.slice(prevEnd, m.index))) {
      const key = `${prev} ${word}`;
      into.bigrams.set(key, (into.bigrams.get(key) ?? 0) + 1);
    }
    prev = word;
    prevEnd = m.index + m[0].length;
  }
  return into;
}

/**
 * Counts only the valid syllables of a text (src/core/vietnamese-syllable.ts) and pairs of them: the vocabulary a
 * document's own OCR output lends to its repair, without its garbles.
 */
export function countValidSyllables(text: string, into: Vocabulary = emptyVocabulary()): Vocabulary {
  const own = countVocabulary(text);
  for (const [w, n] of own.unigrams) if (isValidSyllable(w)) into.unigrams.set(w, (into.unigrams.get(w) ?? 0) + n);
  for (const [pair, n] of own.bigrams) {
    const [a = '', b = ''] = pair.split(' ');
    if (isValidSyllable(a) && isValidSyllable(b)) into.bigrams.set(pair, (into.bigrams.get(pair) ?? 0) + n);
  }
  return into;
}

/** The vocabulary as TSV lines `key\tcount` (unigrams, then bigrams with at least `minBigram` occurrences). */
export function vocabularyToTsv(v: Vocabulary, minUnigram = 2, minBigram = 3): string {
  const lines: string[] = [];
  for (const [k, n] of [...v.unigrams].sort((a, b) => b[1] - a[1])) if (n >= minUnigram) lines.push(`${k}\t${n}`);
  for (const [k, n] of [...v.bigrams].sort((a, b) => b[1] - a[1])) if (n >= minBigram) lines.push(`${k}\t${n}`);
  return `${lines.join('\n')}\n`;
}

/** Reads vocabularyToTsv's output (keys with a space are bigrams). */
export function vocabularyFromTsv(tsv: string, into: Vocabulary = emptyVocabulary()): Vocabulary {
  for (const line of tsv.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const key = line.slice(0, tab);
    const n = Number(line.slice(tab + 1));
    if (!Number.isFinite(n)) continue;
    const map = key.includes(' ') ? into.bigrams : into.unigrams;
    map.set(key, (map.get(key) ?? 0) + n);
  }
  return into;
}
