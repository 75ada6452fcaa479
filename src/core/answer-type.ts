/**
 * What kind of answer a question asks for, and whether a sentence can be one: the expected-answer-type check of
 * extractive question answering (a "how much" question is answered by a quantity, a "when" question by a date;
 * Moldovan et al., "The structure and performance of an open-domain question answering system", ACL 2000). Used by
 * src/core/answer.ts to refuse quoting a sentence that shares a question's words but cannot answer it, and a
 * sentence that is itself a question (a web page's headline `… bị phạt bao nhiêu?` does not say how much).
 * Pure; words are compared as tokens (src/core/normalize.ts), accent-exact when the question is typed with accents.
 */
import { hasDiacritics, toneKey, tokenize } from './normalize.js';

/** `quantity`: bao nhiêu, mấy; `time`: khi nào, bao giờ, ngày nào, năm nào, lúc nào, thời điểm nào. */
export type AnswerType = 'quantity' | 'time';

/** Question phrases as token sequences, accented (matched by tone key) and their unaccented forms. */
const PHRASES: Record<AnswerType, { accented: string[]; plain: string[] }> = {
  // `mấy` has no unaccented form here: folded `may` is also `máy` (xe máy).
  quantity: { accented: ['bao nhiêu', 'mấy'], plain: ['bao nhieu'] },
  time: {
    accented: ['khi nào', 'bao giờ', 'ngày nào', 'năm nào', 'lúc nào', 'thời điểm nào', 'thời gian nào'],
    plain: ['khi nao', 'bao gio', 'ngay nao', 'nam nao', 'luc nao', 'thoi diem nao', 'thoi gian nao'],
  },
};

/**
 * Number words a quantity can be written with (`hai mươi`, `ba triệu`, `thứ tư`). `năm` (five, but mostly "year")
 * and `tư` alone are left out: they would let almost any sentence count as a quantity.
 */
const NUMBER_WORDS = new Set(['một', 'hai', 'ba', 'bốn', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'trăm', 'nghìn', 'ngàn', 'vạn', 'triệu', 'tỷ', 'tỉ', 'nửa', 'gấp', 'lần'].map(toneKey));

function keys(text: string, exact: boolean): string[] {
  return tokenize(text).map((t) => (exact ? toneKey(text.slice(t.start, t.end)) : t.text));
}

function holdsSequence(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The answer type `question` asks for, or null when it asks for none this module knows (a topic, a "what" or "how"
 * question). `Mức phạt là bao nhiêu?` → quantity; `Luat co hieu luc tu khi nao?` → time.
 */
export function expectedAnswerType(question: string): AnswerType | null {
  const exact = hasDiacritics(question);
  const words = keys(question, exact);
  for (const type of ['quantity', 'time'] as const) {
    const phrases = exact ? PHRASES[type].accented.map((p) => keys(p, true)) : PHRASES[type].plain.map((p) => keys(p, false));
    if (phrases.some((p) => holdsSequence(words, p))) return type;
  }
  return null;
}

/**
 * Whether `sentence` can answer a question of `type`: a quantity needs a digit or a number word; a time needs a
 * digit (a year, a day/month date). Null type: any sentence can. Chosen knowingly: a "when" answered by a relative
 * time (`có hiệu lực kể từ ngày ký`) is refused too; the results still list its passage.
 */
export function canAnswer(sentence: string, type: AnswerType | null): boolean {
  if (type === null) return true;
  if (/\p{Nd}/u.test(sentence)) return true;
  if (type === 'time') return false;
  return keys(sentence, true).some((k) => NUMBER_WORDS.has(k));
}

/**
 * Whether `sentence` is itself a question: it ends with `?`, after any closing quotes, brackets or a citation
 * marker. A headline asking the user's question back does not answer it.
 */
export function isQuestionSentence(sentence: string): boolean {
  return /\?\s*(?:["”’»)\]]\s*)*(?:\[\d+\]\s*)?$/u.test(sentence.trim());
}
