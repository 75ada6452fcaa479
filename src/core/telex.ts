/**
 * Queries typed with the Vietnamese input method switched off: the keystrokes of Telex (`hoatj` = hoạt,
 * `quyeets` = quyết, `uwowng` = ương, `ddi` = đi) or VNI (`hoa5t`, `bo65`, `u7o7ng`, `d9i`) arrive as ASCII.
 * A word is converted only when it is not a Vietnamese syllable as typed (`sinh`, `chi`, `trung` stay) and its
 * conversion is one, so ordinary words, numbers and abbreviations pass through.
 *
 * Rules as the Telex and VNI input methods define them (Unikey's documentation): Telex `aa` â, `ee` ê, `oo` ô,
 * `aw` ă, `ow` ơ, `uw` ư, `uow`/`uwow` ươ, `dd` đ, tone keys `s` sắc, `f` huyền, `r` hỏi, `x` ngã, `j` nặng typed
 * last; VNI `6` circumflex, `7` horn, `8` breve, `9` đ, `1`–`5` the tones in the same order.
 */
import { isFoldedSyllable, isWellFormedSyllable, toneVowel } from './syllables.js';
import { isVietnameseSyllable } from './vietnamese-score.js';

export { isWellFormedSyllable };

const TELEX_TONE: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONE: Record<string, string> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };
const CIRCUMFLEX: Record<string, string> = { a: 'â', e: 'ê', o: 'ô' };
const HORN: Record<string, string> = { o: 'ơ', u: 'ư' };
const VOWEL = /[aeiouyâêôăơư]/u;

/** Applies a horn (Telex `w`, VNI `7`) to the syllable built so far: `uo` → ươ, else the last o or u, else a → ă. */
function addHorn(letters: string[], vni: boolean): boolean {
  for (let i = letters.length - 1; i > 0; i--) {
    if ((letters[i] === 'o' || letters[i] === 'ơ') && (letters[i - 1] === 'u' || letters[i - 1] === 'ư')) {
      // `quo` is qu + o: only the o takes the horn.
      if (i >= 2 && letters[i - 2] === 'q') break;
      letters[i - 1] = 'ư';
      letters[i] = 'ơ';
      return true;
    }
  }
  for (let i = letters.length - 1; i >= 0; i--) {
    const l = letters[i]!;
    if (HORN[l]) {
      letters[i] = HORN[l]!;
      return true;
    }
    if (!vni && l === 'a') {
      letters[i] = 'ă';
      return true;
    }
  }
  return false;
}

/**
 * Whether a Telex tone key typed before the end of a word is a tone (`vieejt`, `tiesng`, `nguwowfi`): what follows
 * can only finish the syllable (vowels, the horn key, a final consonant). `f` and `j` are no Vietnamese letters;
 * `s`, `r`, `x` are tones there too unless an English-looking `-st`/`-rt`/`-xt` ends the word (`cost`, `test`).
 */
function toneInside(key: string, rest: string): boolean {
  if (!/^[aeiouyw]*(?:ch|c|m|ng|nh|n|p|t)?$/u.test(rest)) return false;
  return key === 'f' || key === 'j' || rest !== 't';
}

/** The syllable a Telex or VNI keystroke sequence types (lower case), or null when it is not one. */
function typed(keys: string): string | null {
  const letters: string[] = [];
  let tone = '';
  let changed = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const prev = letters[letters.length - 1];
    const seenVowel = letters.some((l) => VOWEL.test(l));
    if (TELEX_TONE[k] && seenVowel && (i === keys.length - 1 || toneInside(k, keys.slice(i + 1)))) {
      tone = TELEX_TONE[k]!;
      changed = true;
    } else if (VNI_TONE[k] && seenVowel) {
      // One tone per syllable: `U23`, `A12` are codes, not VNI.
      if (tone) return null;
      tone = VNI_TONE[k]!;
      changed = true;
    } else if (k === 'd' && prev === 'd' && letters.length === 1) {
      letters[0] = 'đ';
      changed = true;
    } else if (k === '9' && letters[0] === 'd') {
      letters[0] = 'đ';
      changed = true;
    } else if ((k === 'a' || k === 'e' || k === 'o') && prev === k && letters.length >= 1) {
      letters[letters.length - 1] = CIRCUMFLEX[k]!;
      changed = true;
    } else if (k === '6') {
      const at = letters.findLastIndex((l) => CIRCUMFLEX[l]);
      if (at < 0) return null;
      letters[at] = CIRCUMFLEX[letters[at]!]!;
      changed = true;
    } else if (k === 'w' || k === '7') {
      if (!addHorn(letters, k === '7')) {
        if (k === '7') return null;
        letters.push('ư');
      }
      changed = true;
    } else if (k === '8') {
      const at = letters.lastIndexOf('a');
      if (at < 0) return null;
      letters[at] = 'ă';
      changed = true;
    } else if (/[a-z]/u.test(k)) letters.push(k);
    else return null;
  }
  if (!changed) return null;
  // `ưo` before a final consonant or i/u is `ươ` (Unikey completes `truwongf` to trường the same way).
  let syllable = letters.join('').replace(/ưo(?=[cmnptiu])/u, 'ươ');
  if (tone) {
    const at = toneVowel(syllable);
    if (at < 0) return null;
    syllable = (syllable.slice(0, at + 1) + tone + syllable.slice(at + 1)).normalize('NFC');
  }
  return isWellFormedSyllable(syllable) ? syllable.normalize('NFC') : null;
}

/**
 * The Vietnamese syllable a word typed in Telex or VNI stands for, or null to keep the word as it is: when it is
 * already a syllable, has no vowel, is an abbreviation in capitals (`TW`, `NQ`), or converts to no syllable.
 * A first capital is kept (`Hoaf` → `Hoà`… placed as `Hòa`).
 */
export function fromTelex(word: string): string | null {
  // Letters and VNI digits; a code such as `A2` or `E1` (one letter) is not a typed syllable.
  if (!/^[A-Za-z][A-Za-z0-9]*$/u.test(word) || !/[A-Za-z].*[A-Za-z]/u.test(word) || !/[aeiouywAEIOUYW]/u.test(word)) return null;
  // A syllable written without its marks (`trung`, `uong`) stays; `Too` (no syllable ends in `oo`) is Tô.
  if (/[A-Z].*[A-Z]/u.test(word) || isFoldedSyllable(word.toLowerCase())) return null;
  const syllable = typed(word.toLowerCase());
  if (syllable === null) return null;
  return /^[A-Z]/u.test(word) ? syllable[0]!.toUpperCase() + syllable.slice(1) : syllable;
}

/** Standalone words: parts of numbers and references (`22-NQ/TW`, `QH15`) are not words typed alone. */
const WORD = /(?<![\p{L}\p{N}\p{M}/.-])[A-Za-z][A-Za-z0-9]*(?![\p{L}\p{N}\p{M}/-])/gu;

/**
 * A query with its Telex- or VNI-typed words converted (`sinh hoatj chi booj` → `sinh hoạt chi bộ`), or null when
 * none is. All or nothing: when a plain lower-case or capitalised word is neither a syllable nor convertible
 * (`history`, `Power`), the query is in another language or not typed in Telex, and nothing is converted, so
 * `history of the party` keeps its `of`.
 */
export function correctTelexQuery(query: string): string | null {
  let converted = 0;
  let foreign = 0;
  // A query with letters the input method composed (`Vì sao … phim "Taxi! Em tên gì?"`) was typed with it on: a
  // capitalised word there is a name or a loanword as typed (`Taxi`, `Max`), not a leftover (`Tãi`).
  const composed = /[^\x00-\x7f]/u.test(query.normalize('NFC').replace(/[\u2018-\u201d\u00a0]/gu, ''));
  const corrected = query.replace(WORD, (word) => {
    if (composed && /^\p{Lu}/u.test(word)) return word;
    const syllable = fromTelex(word);
    if (syllable !== null) {
      converted++;
      return syllable;
    }
    // Codes and abbreviations (`A2`, `QH15`, `UBND`) neither convert nor count against.
    if (/^[A-Za-z]?[a-z]+$/u.test(word) && !isVietnameseSyllable(word)) foreign++;
    return word;
  });
  return converted > 0 && foreign === 0 ? corrected : null;
}
