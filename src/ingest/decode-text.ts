/**
 * Bytes of a text or HTML file to Unicode: UTF-8, UTF-16 with or without a BOM, and the legacy encodings older
 * government files still use: Windows-1258, and TCVN3 (ABC, .VnTime fonts) or VNI-Windows, whether as raw bytes or
 * already turned into UTF-8 mojibake (`NghÞ quyÕt`), and VIQR, Vietnamese typed in ASCII (`Co^ng ta'c`). Each
 * candidate is scored as Vietnamese; a file no candidate reads confidently is refused rather than stored as garbage.
 */
import iconv from 'iconv-lite';
import { UserError } from '../core/errors.js';
import { decodeTcvn3, decodeVni } from '../core/legacy-fonts.js';
import { decodeViqr, viqrMarkCount } from '../core/viqr.js';
import { wordCount } from '../core/normalize.js';
import { legacyCharRatio, vietnameseScore } from '../core/vietnamese-score.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni' | 'viqr';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Score a conversion must reach to be trusted. */
export const MIN_CONFIDENCE = 0.8;
/** Above this share of Latin-1 symbols, UTF-8 text is suspected to be legacy-font mojibake. */
const MOJIBAKE_SUSPICION = 0.03;
/** Above this many VIQR mark sequences per word, ASCII text is suspected to be VIQR. */
const VIQR_SUSPICION = 0.1;
/** UTF-16 without a BOM: share of code units whose one byte is zero (ASCII letters, spaces, digits), at least… */
const UTF16_ZERO_HALF = 0.25;
/** …while the other byte is almost never zero. */
const UTF16_OTHER_HALF = 0.02;
const UTF16_SAMPLE_BYTES = 8192;


function best(candidates: DecodedText[]): { candidate: DecodedText; score: number } | null {
  let top: { candidate: DecodedText; score: number } | null = null;
  for (const candidate of candidates) {
    const score = vietnameseScore(candidate.text) ?? 0;
    if (!top || score > top.score) top = { candidate, score };
  }
  return top;
}

/** ASCII-looking text that may be VIQR: decoded when the decoding reads as Vietnamese clearly better. */
function repairViqr(text: string): DecodedText {
  const words = wordCount(text);
  if (words === 0 || viqrMarkCount(text) < VIQR_SUSPICION * words) return { text, encoding: 'utf-8' };
  const asIs = vietnameseScore(text) ?? 1;
  const decoded = decodeViqr(text);
  const score = vietnameseScore(decoded) ?? 0;
  if (score >= MIN_CONFIDENCE && score > asIs + 0.1) return { text: decoded, encoding: 'viqr' };
  if (asIs < 0.5) {
    throw new UserError('unknown_encoding', 'the text looks like VIQR (Vietnamese typed as `Co^ng ta\'c`) but could not be converted with confidence');
  }
  return { text, encoding: 'utf-8' };
}

/** UTF-8 text that may carry TCVN3 or VNI mojibake, or be VIQR. */
function repairMojibake(text: string): DecodedText {
  if (legacyCharRatio(text) < MOJIBAKE_SUSPICION) return repairViqr(text);
  const asIs = vietnameseScore(text) ?? 1;
  const top = best([
    { text: decodeTcvn3(text), encoding: 'tcvn3' },
    { text: decodeVni(text), encoding: 'vni' },
  ]);
  if (top && top.score >= MIN_CONFIDENCE && top.score > asIs + 0.1) return top.candidate;
  if (asIs < 0.5) {
    throw new UserError('unknown_encoding', 'the text looks like a legacy Vietnamese font encoding (TCVN3/VNI) but could not be converted with confidence');
  }
  return { text, encoding: 'utf-8' };
}

/** Bytes that are not UTF-8: an 8-bit Vietnamese encoding. */
function decodeLegacyBytes(bytes: Uint8Array): DecodedText {
  const latin1 = Buffer.from(bytes).toString('latin1');
  const top = best([
    { text: iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC'), encoding: 'windows-1258' },
    { text: decodeTcvn3(latin1), encoding: 'tcvn3' },
    { text: decodeVni(latin1), encoding: 'vni' },
  ]);
  if (!top || top.score < MIN_CONFIDENCE) {
    throw new UserError(
      'unknown_encoding',
      'the text is not UTF-8 or UTF-16, and reads as none of Windows-1258, TCVN3 or VNI with confidence; save it as UTF-8 and try again',
    );
  }
  return top.candidate;
}

/** Byte order the zero bytes of an even-length sample point to (see utf16WithoutBom), or null. */
function utf16ZeroPattern(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const units = sample.length / 2;
  if (units < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  return oddZeros >= UTF16_ZERO_HALF * units && evenZeros <= UTF16_OTHER_HALF * units ? 'utf-16le'
    : evenZeros >= UTF16_ZERO_HALF * units && oddZeros <= UTF16_OTHER_HALF * units ? 'utf-16be' : null;
}

/**
 * Byte order of UTF-16 text written without a BOM, or null: most code units of Vietnamese text are ASCII (one zero
 * byte: odd positions in LE, even in BE) or in U+0100–U+1EFF (no zero byte), and the sample must decode without
 * unpaired surrogates or control characters other than tab, line and page breaks.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1);
  const order = utf16ZeroPattern(sample);
  if (!order) return null;
  let text: string;
  try {
    // A sample cut inside a surrogate pair loses its last unit only.
    text = new TextDecoder(order, { fatal: true }).decode(sample.length === bytes.length ? sample : sample.subarray(0, sample.length - 2));
  } catch {
    return null;
  }
  return /[\u0000-\u0008\u000B\u000E-\u001F\uFFFE\uFFFF]/u.test(text) ? null : order;
}

/** Byte offset of the first code unit that is not valid UTF-16 (an unpaired surrogate, a lone last byte), or -1. */
function firstInvalidUtf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be'): number {
  const unit = (i: number) => (order === 'utf-16le' ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  const end = bytes.length & ~1;
  for (let i = 0; i < end; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 2 < end ? unit(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else return i;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return end < bytes.length ? end : -1;
}

/**
 * UTF-16 text, refused like UTF-8 with bad bytes (`unknown_encoding`) when it holds an unpaired surrogate or a lone
 * last byte, rather than stored with U+FFFD in place of what the file said. `offset` is where the text starts (after
 * a BOM).
 */
function decodeUtf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be', offset: number): DecodedText {
  const body = bytes.subarray(offset);
  try {
    return { text: new TextDecoder(order, { fatal: true }).decode(body), encoding: order };
  } catch {
    const at = firstInvalidUtf16(body, order) + offset;
    const what = at - offset === (body.length & ~1) ? 'ends in half a code unit' : `holds an unpaired surrogate at byte ${at.toLocaleString('en')}`;
    throw new UserError(
      'unknown_encoding',
      `the text reads as ${order === 'utf-16le' ? 'UTF-16 little-endian' : 'UTF-16 big-endian'} but ${what}, so it is not valid UTF-16 (damaged or cut short); save it again as UTF-8 and try again`,
    );
  }
}

/**
 * Unicode text of a file's bytes and the encoding it was read in; `unknown_encoding` when none reads confidently,
 * or when UTF-8 or UTF-16 text is not valid in its encoding (bad bytes, unpaired surrogates).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', 2);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, 0);
  // Shaped like UTF-16 but with an unpaired surrogate in its first bytes: refused as damaged UTF-16.
  const shaped = utf16ZeroPattern(bytes.subarray(0, Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1));
  // decodeUtf16 throws here, naming the byte order and the damaged byte.
  if (shaped && firstInvalidUtf16(bytes, shaped) !== -1) return decodeUtf16(bytes, shaped, 0);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeLegacyBytes(bytes);
  }
  return repairMojibake(text);
}

/** PDF text layers of documents set in .VnTime or VNI fonts come out as mojibake too. */
export const repairExtractedText = (text: string): string => repairMojibake(text).text;
