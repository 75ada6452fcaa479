/**
 * Repairs Vietnamese OCR output word by word, replacing only what the language rules out or the context strongly
 * contradicts, always by a word of the vocabulary within one letter edit and a tone (never inventing text):
 * - a word that is not a valid syllable (src/core/vietnamese-syllable.ts) and not a known word (`ưung`, `thuậf`)
 *   becomes the likeliest vocabulary word within one letter edit, any tone, scored by its frequency and by how often
 *   it follows the previous word and precedes the next;
 * - a valid word that differs from a far likelier neighbour-pair only by its marks (`tô chức` → `tổ chức`,
 *   `bố sung` → `bổ sung`) takes the marks the pairs show, when the evidence is overwhelming;
 * - document structure (src/core/ocr-structure.ts): `Điều L` → `Điều 1`, point labels (`¡)` → `i)`).
 * Words touching digits or slashes (codes, numbers) and all-capital abbreviations are left as they are.
 */
import { fold } from './normalize.js';
import { type Repair, repairStructure } from './ocr-structure.js';
import type { Vocabulary } from './ocr-vocabulary.js';
import { BASE_LETTERS, isValidSyllable, splitTone, TONES, type Tone } from './vietnamese-syllable.js';

export type { Repair } from './ocr-structure.js';

export interface RepairResult {
  text: string;
  repairs: Repair[];
}

interface Index {
  /** `base|tone` → the most frequent surface form (tone placement varies: `hoà`/`hòa`). */
  byBaseTone: Map<string, string>;
  /** Folded word → surface forms that fold to it. */
  byFold: Map<string, string[]>;
}

const indexes = new WeakMap<Vocabulary, Index>();

function indexOf(v: Vocabulary): Index {
  let index = indexes.get(v);
  if (index) return index;
  index = { byBaseTone: new Map(), byFold: new Map() };
  const best = new Map<string, number>();
  for (const [word, n] of v.unigrams) {
    if (!isValidSyllable(word)) continue;
    const split = splitTone(word);
    if (!split) continue;
    const key = `${split.base}|${split.tone}`;
    if ((best.get(key) ?? 0) < n) {
      best.set(key, n);
      index.byBaseTone.set(key, word);
    }
    const f = fold(word);
    const forms = index.byFold.get(f);
    if (forms) forms.push(word);
    else index.byFold.set(f, [word]);
  }
  indexes.set(v, index);
  return index;
}

/** Toneless spellings one letter edit away (delete, substitute, insert, swap neighbours), the word itself included. */
function edits1(base: string): Set<string> {
  const out = new Set<string>([base]);
  for (let i = 0; i <= base.length; i++) {
    const head = base.slice(0, i);
    const tail = base.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const ch of BASE_LETTERS) {
      out.add(head + ch + tail);
      if (tail) out.add(head + ch + tail.slice(1));
    }
  }
  return out;
}

/** The case of `model` (UPPER, Capitalised or lower) put on `word`. */
function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  const first = model[0] ?? '';
  if (first !== first.toLowerCase()) return (word[0] ?? '').toUpperCase() + word.slice(1);
  return word;
}

const WORD = /\p{L}+/gu;
const VIETNAMESE_LETTER = /^[abcdeghiklmnopqrstuvxyđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]$/u;

interface Token {
  word: string;
  lower: string;
  at: number;
}

/** Occurrences of the pairs a word would make with its neighbours. */
function context(v: Vocabulary, prev: string | null, word: string, next: string | null): number {
  let n = 0;
  if (prev) n += v.bigrams.get(`${prev} ${word}`) ?? 0;
  if (next) n += v.bigrams.get(`${word} ${next}`) ?? 0;
  return n;
}

/** Best replacement for a word that is not a valid syllable, or null when no vocabulary word is near enough. */
function nearestValid(v: Vocabulary, index: Index, lower: string, prev: string | null, next: string | null): string | null {
  const split = splitTone(lower) ?? { base: lower.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'), tone: '' as Tone };
  if (split.base.length > 9) return null;
  let best: string | null = null;
  let bestScore = -Infinity;
  // A stop-final rhyme (-p, -t, -c, -ch) read with a level, falling, hỏi or ngã tone lost its tone mark, not a letter.
  const toneForbidden = /(p|t|c|ch)$/.test(split.base) && !['\u0301', '\u0323'].includes(split.tone);
  for (const base of edits1(split.base)) {
    const edited = base === split.base ? 0 : 1;
    for (const tone of TONES) {
      const word = index.byBaseTone.get(`${base}|${tone}`);
      if (!word) continue;
      const cost = 1.5 * edited + (tone === split.tone ? 0 : toneForbidden && edited === 0 ? 0.2 : 0.6);
      const score = Math.log1p(v.unigrams.get(word) ?? 0) - 4 * cost + 2 * Math.log1p(context(v, prev, word, next));
      if (score > bestScore) {
        bestScore = score;
        best = word;
      }
    }
  }
  return best;
}

/**
 * Minimum pair occurrences for a valid word to take other marks, and how many times likelier the new pairs must be
 * than its own (chosen on the first 50 pages of the scanned decree; docs/EVALUATION.md gives both settings tried).
 */
const MIN_CONTEXT = 3;
const CONTEXT_RATIO = 3;

/** A mark variant of a valid word that its neighbours overwhelmingly prefer, or null. */
function betterMarks(v: Vocabulary, index: Index, lower: string, prev: string | null, next: string | null): string | null {
  const forms = index.byFold.get(fold(lower));
  if (!forms || forms.length < 2 || (prev === null && next === null)) return null;
  const own = context(v, prev, lower, next);
  let best: string | null = null;
  let bestN = 0;
  for (const form of forms) {
    if (form === lower) continue;
    const n = context(v, prev, form, next);
    if (n > bestN) {
      bestN = n;
      best = form;
    }
  }
  return best && bestN >= MIN_CONTEXT && bestN >= CONTEXT_RATIO * (own + 1) ? best : null;
}

/** Whether a word must be left alone: it touches a digit, slash or hyphen-code, or is a capital abbreviation. */
function untouchable(text: string, at: number, word: string): boolean {
  const before = text[at - 1] ?? ' ';
  const after = text[at + word.length] ?? ' ';
  if (/[\p{N}/_@]/u.test(before) || /[\p{N}/_@]/u.test(after)) return true;
  // A one- or two-letter word with a letter Vietnamese does not use (`ø`) is a mark, not a word to guess at.
  if (word.length <= 2 && [...word.toLowerCase()].some((c) => !VIETNAMESE_LETTER.test(c))) return true;
  return word.length > 1 && word === word.toUpperCase() && !isValidSyllable(word);
}

/**
 * Repairs OCR'd text with a vocabulary (counts of syllables and syllable pairs; see src/core/ocr-vocabulary.ts).
 * Returns the repaired text (same lines; words only replaced, never added or removed) and each repair made, with
 * its offset in the text as repaired up to that step (repairs rarely change a length). Known words that are not Vietnamese syllables (names, loanwords) are kept when the
 * vocabulary has seen them at least `keepKnown` times.
 */
export function repairOcrText(input: string, vocabulary: Vocabulary, keepKnown = 3): RepairResult {
  const structured = repairStructure(input.normalize('NFC'));
  const text = structured.text;
  const index = indexOf(vocabulary);
  const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({ word: m[0], lower: m[0].toLowerCase(), at: m.index }));
  const repairs: Repair[] = [...structured.repairs];
  const out: string[] = [];
  let last = 0;
  const neighbour = (i: number, step: -1 | 1): string | null => {
    const t = tokens[i + step];
    const here = tokens[i]!;
    if (!t) return null;
    const gap = step === -1 ? text.slice(t.at + t.word.length, here.at) : text.slice(here.at + here.word.length, t.at);
    return /^ +$/.test(gap) ? t.lower : null;
  };
  for (const [i, t] of tokens.entries()) {
    if (untouchable(text, t.at, t.word)) continue;
    const prev = neighbour(i, -1);
    const next = neighbour(i, 1);
    let replacement: string | null = null;
    if (!isValidSyllable(t.lower)) {
      if ((vocabulary.unigrams.get(t.lower) ?? 0) >= keepKnown) continue;
      replacement = nearestValid(vocabulary, index, t.lower, prev, next);
    } else {
      replacement = betterMarks(vocabulary, index, t.lower, prev, next);
    }
    if (!replacement || replacement === t.lower) continue;
    const to = matchCase(t.word, replacement);
    out.push(text.slice(last, t.at), to);
    last = t.at + t.word.length;
    repairs.push({ at: t.at, from: t.word, to });
    // Later words see the repaired neighbour.
    t.lower = replacement;
  }
  out.push(text.slice(last));
  // Words repaired may now head a number (`Điêu l6` → `Điều l6` → `Điều 16`); digits read inside words go back.
  const again = repairStructure(repairDigitsInWords(out.join(''), vocabulary, repairs));
  return { text: again.text, repairs: [...repairs, ...again.repairs] };
}

/**
 * `1` or `0` read inside a lower-case word of two letters or more (`g1ữ`): the letter (i, l, o) that makes it a known
 * valid syllable.
 */
function repairDigitsInWords(text: string, vocabulary: Vocabulary, repairs: Repair[]): string {
  return text.replace(/(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]*\p{L})(?=[\p{L}\p{N}]*[01])[\p{L}\p{N}]{2,7}(?![\p{L}\p{N}])/gu, (word, at: number) => {
    // Codes keep their digits: licence classes `A1`, `B1`, `hạng c1`, numbers with a unit (`10m`).
    if ((word.match(/\p{L}/gu) ?? []).length < 2 || word !== word.toLowerCase() || !/^\p{L}/u.test(word)) return word;
    for (const [one, zero] of [
      ['i', 'o'],
      ['l', 'o'],
    ]) {
      const to = word.replace(/1/g, one ?? 'i').replace(/0/g, zero ?? 'o');
      const lower = to.toLowerCase();
      if (!/\p{N}/u.test(to) && isValidSyllable(lower) && (vocabulary.unigrams.get(lower) ?? 0) > 0) {
        repairs.push({ at, from: word, to });
        return to;
      }
    }
    return word;
  });
}
