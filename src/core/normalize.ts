/**
 * Vietnamese text normalisation. Stored text is only ever NFC-normalised; folding exists for matching
 * and is length-preserving so that offsets found in folded text are offsets in the stored text.
 */

/**
 * Characters that print nothing and only steer line breaking or joining: zero-width space U+200B, soft hyphen
 * U+00AD, word joiner U+2060, BOM / zero-width no-break space U+FEFF, Mongolian vowel separator U+180E. Web pages
 * and Word files put them inside words and numbers (`Đả\u200Bng`, `chuy\u00ADển`, `01-KL/\u2060TW`), where they
 * would split a syllable or a document number in two.
 */
const INVISIBLE = /[\u00AD\u180E\u200B\u2060\uFEFF]/gu;
/** Zero-width non-joiner and joiner inside a word: meaningless in Vietnamese (between emoji, U+200D is kept). */
const JOINER_IN_WORD = /(?<=[\p{L}\p{N}\p{M}])[\u200C\u200D]+(?=[\p{L}\p{N}\p{M}])/gu;

/** The text without its invisible format characters (see INVISIBLE); queries are cleaned the same way as documents. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(JOINER_IN_WORD, '');
}

/**
 * Canonical stored form: NFC, Windows/Mac line endings unified, no BOM, no NULs, no invisible format characters
 * (removeInvisible: they carry no letter, and every reader of the text — matching, highlights, references, titles —
 * then sees words whole), no-break and other odd spaces as plain spaces.
 */
export function toStoredText(raw: string): string {
  return removeInvisible(raw)
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u3000]/g, ' ')
    .normalize('NFC');
}

/** Folded code unit of each UTF-16 code unit, filled on first sight (0 = not yet known). */
const FOLDED = new Uint16Array(0x10000);

function foldUnit(code: number): number {
  const c = String.fromCharCode(code);
  // Ð/ð (U+00D0/U+00F0) are look-alikes of Đ/đ that some sites print instead.
  if (c === 'đ' || c === 'Đ' || c === 'Ð' || c === 'ð') return 100; // 'd'
  const base = c.normalize('NFD')[0] ?? c;
  const lower = base.toLowerCase();
  // A few letters lower-case to two code units (İ); keep those as they are so length never changes.
  return (lower.length === 1 ? lower : base).charCodeAt(0);
}

function foldedUnit(code: number): number {
  let f = FOLDED[code]!;
  if (f === 0) FOLDED[code] = f = foldUnit(code);
  return f;
}

/** UTF-16 code units to a string in one native call; a BOM is kept and a lone surrogate becomes U+FFFD, so length never changes. */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Lower-case, strip tones and vowel marks, đ→d. Same length as its NFC input, character for character,
 * so `fold(text).indexOf(x)` is also a position in `text`.
 */
export function fold(nfcText: string): string {
  const codes = new Uint16Array(nfcText.length);
  for (let i = 0; i < nfcText.length; i++) codes[i] = foldedUnit(nfcText.charCodeAt(i));
  return utf16.decode(codes);
}

/** True when the text carries any Vietnamese diacritic (or đ), i.e. folding changes it beyond case. */
export function hasDiacritics(text: string): boolean {
  const nfc = text.normalize('NFC');
  return fold(nfc) !== nfc.toLowerCase();
}

export interface Token {
  /** Folded syllable. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each BMP code unit is a letter or digit: 0 unknown, 1 yes, 2 no. */
const WORD_UNIT = new Uint8Array(0x10000);

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let w = WORD_UNIT[cp]!;
    if (w === 0) WORD_UNIT[cp] = w = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return w === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** A syllable whose only vowel is a final y after a consonant: `sỹ`/`sĩ`, `kỹ`/`kĩ`, `lý`/`lí`, `quy`/`qui`. */
const FINAL_Y = /^(?:ngh|ng|nh|ch|gh|kh|ph|th|tr|qu|[bcdghklmnprstvxđ])y$/u;

/** Both spellings of the i/y variants are in use; matching treats them as one (`sy` → `si`). */
export function unifyIY(syllable: string): string {
  return syllable.endsWith('y') && FINAL_Y.test(syllable) ? `${syllable.slice(0, -1)}i` : syllable;
}

/** Calls `visit` with the bounds of each syllable (run of letters and digits) of a text; allocates nothing. */
export function eachSyllable(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const cp = i < text.length ? text.codePointAt(i)! : -1;
    const word = cp >= 0 && isWordCodePoint(cp);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      visit(start, i);
      start = -1;
    }
    // The low half of a surrogate pair belongs to the code point just read.
    if (cp > 0xffff) i++;
  }
}

/** Syllables (runs of letters and digits) of an NFC text, folded, with their offsets in that text. */
export function tokenize(nfcText: string): Token[] {
  const folded = fold(nfcText);
  const tokens: Token[] = [];
  eachSyllable(folded, (start, end) => tokens.push({ text: unifyIY(folded.slice(start, end)), start, end }));
  return tokens;
}

/** Count of syllables, the unit passage sizes are measured in. */
export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Telex letters for the five tones, appended to a toneless syllable to make its key. */
const TONE_LETTER: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };

/**
 * Accent-exact matching key of a syllable: lower case, vowel marks kept, the tone moved to the end. Old and new
 * tone placement give the same key (`hoà`/`hòa` → `hoaf`, `thuý`/`thúy` → `thuys`); `Đảng` and `đang` differ.
 */
export function toneKey(syllable: string): string {
  let key = toneKeyCache.get(syllable);
  if (key === undefined) {
    const decomposed = syllable.toLowerCase().replace(/ð/g, 'đ').normalize('NFD');
    const tones = decomposed.match(TONE_MARKS);
    const base = unifyIY(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
    key = tones ? base + TONE_LETTER[tones[0]!] : base;
    // Vietnamese has a few thousand syllables in use; the bound only guards against unbounded foreign input.
    if (toneKeyCache.size < TONE_KEY_CACHE_LIMIT) toneKeyCache.set(syllable, key);
  }
  return key;
}

const TONE_KEY_CACHE_LIMIT = 200_000;
const toneKeyCache = new Map<string, string>();
