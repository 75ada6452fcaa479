/** Bytes of a text or HTML file to a string: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
import { UserError } from '../core/errors.js';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UserError('unknown_encoding', 'the text is not valid UTF-8 or UTF-16; save it as UTF-8 and try again');
  }
}
