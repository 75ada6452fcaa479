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
import { isVietnameseSyllable } from './vietnamese-score.js';

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', ...'bcdđghklmnprstvx', ''];
const CODAS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];
/** Vowel nuclei of Vietnamese with their marks, toneless: open (no final consonant), closed, or either. */
const OPEN = new Set('ai ao au âu ay ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu oai oay oeo uây uôi ươi ươu iêu yêu uya uyu'.split(' '));
const CLOSED = new Set('ă â iê yê uô ươ oă uâ uyê oo'.split(' '));
const EITHER = new Set('a e ê i o ô ơ u ư y oa oe uê uy uơ'.split(' '));
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * Whether a lower-case syllable is spelled as Vietnamese is, marks included: an onset, a nucleus from the language's
 * inventory (`ươ` needs a final consonant, `ưe` does not exist), a coda, and after `c ch p t` only the sắc or nặng
 * tone. Stricter than isVietnameseSyllable, which reads folded letters and would take `neư` for `neu`.
 */
export function isWellFormedSyllable(syllable: string): boolean {
  const decomposed = syllable.normalize('NFD');
  const tones = decomposed.match(TONES) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONES, '').normalize('NFC');
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    for (const coda of CODAS) {
      if (!bare.endsWith(coda) || bare.length < onset.length + coda.length + 1) continue;
      const nucleus = bare.slice(onset.length, bare.length - coda.length);
      const fits = coda === '' ? OPEN.has(nucleus) || EITHER.has(nucleus) : CLOSED.has(nucleus) || EITHER.has(nucleus);
      if (!fits) continue;
      if (/^(c|ch|p|t)$/u.test(coda) && tones.length === 1 && tones[0] !== '\u0301' && tones[0] !== '\u0323') continue;
      return true;
    }
  }
  return false;
}

const TELEX_TONE: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONE: Record<string, string> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };
const CIRCUMFLEX: Record<string, string> = { a: 'â', e: 'ê', o: 'ô' };
const HORN: Record<string, string> = { o: 'ơ', u: 'ư' };
const MARKED = /[âêôăơư]/u;
const VOWEL = /[aeiouyâêôăơư]/u;

/** Index of the vowel that carries the tone in a syllable without tone (the usual `hóa`/`hoạt`/`quyết` placement). */
function toneVowel(syllable: string): number {
  // `qu` and `gi` before another vowel are onsets: their u and i carry no tone.
  const onset = /^(qu|gi(?=[aeouyâêôăơư]))/u.exec(syllable)?.[0].length ?? 0;
  const positions: number[] = [];
  for (let i = onset; i < syllable.length; i++) if (VOWEL.test(syllable[i]!)) positions.push(i);
  if (positions.length === 0) return onset > 0 ? onset - 1 : -1;
  // ươ carries it on ơ; otherwise the marked vowel.
  const marked = positions.filter((i) => MARKED.test(syllable[i]!));
  if (marked.length > 0) return marked[marked.length - 1]!;
  const last = positions[positions.length - 1]!;
  const closed = last < syllable.length - 1;
  if (positions.length === 1) return positions[0]!;
  // A closed syllable or three vowels: the second (hoạt, ngoài); an open two-vowel one: the first (múa, hóa).
  return closed || positions.length === 3 ? positions[1]! : positions[0]!;
}

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

/** The syllable a Telex or VNI keystroke sequence types (lower case), or null when it is not one. */
function typed(keys: string): string | null {
  const letters: string[] = [];
  let tone = '';
  let changed = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const prev = letters[letters.length - 1];
    const seenVowel = letters.some((l) => VOWEL.test(l));
    if (i === keys.length - 1 && TELEX_TONE[k] && seenVowel) {
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
      const at = letters.findLastIndex((l) => l === 'a');
      if (at < 0) return null;
      letters[at] = 'ă';
      changed = true;
    } else if (/[a-z]/u.test(k)) letters.push(k);
    else return null;
  }
  if (!changed) return null;
  let syllable = letters.join('');
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
  if (!/^[A-Za-z][A-Za-z0-9]*$/u.test(word) || !/[A-Za-z].*[A-Za-z]/u.test(word) || !/[aeiouyAEIOUY]/u.test(word)) return null;
  if (/[A-Z].*[A-Z]/u.test(word) || isVietnameseSyllable(word)) return null;
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
  const corrected = query.replace(WORD, (word) => {
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
