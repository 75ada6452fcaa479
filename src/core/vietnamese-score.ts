/**
 * How much a text reads as Vietnamese written in Unicode: the share of its words that are well-formed Vietnamese
 * syllables (a legal onset, vowel cluster and coda, at most one tone mark, only Vietnamese letters). Mojibake from
 * legacy font encodings (`NghÞ quyÕt`, `Toâi ñi hoïc`) scores low, which is how the encoding is told apart.
 */
import { fold } from './normalize.js';

const LETTERS = new Set(
  'abcdefghijklmnopqrstuvwxyzđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
);
/** Folded syllable: onset, one of Vietnamese's vowel clusters, coda. */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(ieu|yeu|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|[aeiouy])(ch|ng|nh|[cmnpt])?$/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const WORD = /\p{L}+/gu;

export function isVietnameseSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  for (const ch of lower) if (!LETTERS.has(ch)) return false;
  if ((lower.normalize('NFD').match(TONE_MARKS)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(fold(lower));
}

/** Share of well-formed syllables among the words of a sample of the text; null when it has too few words. */
export function vietnameseScore(text: string, sampleWords = 5000): number | null {
  let total = 0;
  let good = 0;
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    total++;
    if (isVietnameseSyllable(m[0])) good++;
    if (total >= sampleWords) break;
  }
  return total < 5 ? null : good / total;
}

/** Share of letters that are Latin-1 symbols and accented capitals, the stuff legacy-encoded text is made of. */
export function legacyCharRatio(text: string): number {
  const letters = text.match(/[\p{L}\u00A0-\u00FF]/gu)?.length ?? 0;
  const legacy = text.match(/[\u00A1-\u00BF\u00C0-\u00FF]/g)?.length ?? 0;
  return letters === 0 ? 0 : legacy / letters;
}
