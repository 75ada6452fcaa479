/** Function words that say nothing about a topic; used to judge whether a sentence answers a query. */
import { fold } from './normalize.js';

const STOPWORDS = [
  'của', 'và', 'các', 'là', 'có', 'trong', 'được', 'cho', 'với', 'những', 'một', 'để', 'này', 'đã', 'không', 'về',
  'theo', 'từ', 'tại', 'thì', 'như', 'khi', 'đến', 'ra', 'vào', 'ở', 'cũng', 'đang', 'sẽ', 'bị', 'bởi', 'mà', 'nên',
  'nếu', 'hay', 'hoặc', 'rất', 'gì', 'nào', 'sao', 'thế', 'ai', 'đó', 'đây', 'việc', 'vậy', 'cần', 'phải', 'làm',
];

/** Folded forms that are also content words once tones are gone (đang/Đảng, có/cơ, về/vệ, từ/tư…): never stop words. */
const AMBIGUOUS_WHEN_FOLDED = new Set(['dang', 'co', 've', 'tu', 'tai', 'de', 'nen', 'hay', 'ra', 'cac', 'ma', 'bi', 'khi', 'the', 'sao', 'lam', 'viec', 'can', 'phai', 'do', 'nao', 'ai']);

const EXACT = new Set(STOPWORDS);
const FOLDED = new Set(STOPWORDS.map((w) => fold(w)).filter((w) => !AMBIGUOUS_WHEN_FOLDED.has(w)));

/** Is this syllable (lower-case NFC, or folded when the query carries no diacritics) a function word? */
export function isStopword(syllable: string, folded: boolean): boolean {
  return folded ? FOLDED.has(syllable) : EXACT.has(syllable);
}
