/**
 * Vietnamese text normalisation. Stored text is only ever NFC-normalised; folding exists for matching
 * and is length-preserving so that offsets found in folded text are offsets in the stored text.
 */

/** Canonical stored form: NFC, Windows/Mac line endings unified, no BOM, no NULs. */
export function toStoredText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .normalize('NFC');
}

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f === undefined) {
    if (c === 'đ' || c === 'Đ') f = 'd';
    else {
      const base = c.normalize('NFD')[0] ?? c;
      const lower = base.toLowerCase();
      // A few letters lower-case to two code units (İ); keep those as they are so length never changes.
      f = lower.length === 1 ? lower : base;
    }
    foldCache.set(c, f);
  }
  return f;
}

/**
 * Lower-case, strip tones and vowel marks, đ→d. Same length as its NFC input, character for character,
 * so `fold(text).indexOf(x)` is also a position in `text`.
 */
export function fold(nfcText: string): string {
  let out = '';
  for (let i = 0; i < nfcText.length; i++) {
    const code = nfcText.charCodeAt(i);
    out += code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : nfcText[i]) : foldChar(nfcText[i]!);
  }
  return out;
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

/** Syllables (runs of letters and digits) of an NFC text, folded, with their offsets in that text. */
export function tokenize(nfcText: string): Token[] {
  const folded = fold(nfcText);
  const tokens: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Count of syllables, the unit passage sizes are measured in. */
export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
