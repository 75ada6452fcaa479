/**
 * Bytes of a text or HTML file to Unicode: UTF-8, UTF-16 with a BOM, and the legacy encodings older government
 * files still use: Windows-1258, and TCVN3 (ABC, .VnTime fonts) or VNI-Windows, whether as raw bytes or already
 * turned into UTF-8 mojibake (`NghÞ quyÕt`). Each candidate is scored as Vietnamese; a file no candidate reads
 * confidently is refused rather than stored as garbage.
 */
import iconv from 'iconv-lite';
import { UserError } from '../core/errors.js';
import { decodeTcvn3, decodeVni } from '../core/legacy-fonts.js';
import { legacyCharRatio, vietnameseScore } from '../core/vietnamese-score.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Score a conversion must reach to be trusted. */
export const MIN_CONFIDENCE = 0.8;
/** Above this share of Latin-1 symbols, UTF-8 text is suspected to be legacy-font mojibake. */
const MOJIBAKE_SUSPICION = 0.03;


function best(candidates: DecodedText[]): { candidate: DecodedText; score: number } | null {
  let top: { candidate: DecodedText; score: number } | null = null;
  for (const candidate of candidates) {
    const score = vietnameseScore(candidate.text) ?? 0;
    if (!top || score > top.score) top = { candidate, score };
  }
  return top;
}

/** UTF-8 text that may carry TCVN3 or VNI mojibake. */
function repairMojibake(text: string): DecodedText {
  if (legacyCharRatio(text) < MOJIBAKE_SUSPICION) return { text, encoding: 'utf-8' };
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

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
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
