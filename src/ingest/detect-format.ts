/**
 * Tells a file's format from its bytes (the extension only breaks ties), refusing what cannot be a document.
 * Office files are told by their containers: DOCX is a ZIP holding `word/document.xml` (the name is stored
 * uncompressed in the ZIP's headers, ECMA-376 Part 2), legacy DOC an OLE2 compound file (magic D0 CF 11 E0 A1 B1 1A E1).
 */
import { UserError } from '../core/errors.js';
import type { SourceFormat } from '../core/types.js';
import { utf16WithoutBom } from './decode-text.js';

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const WORD_PART = Buffer.from('word/document.xml', 'latin1');

/** Page images read by OCR (src/ingest/read-paged.ts). */
const IMAGE_SIGNATURES: number[][] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

const BINARY_SIGNATURES: { sig: number[]; what: string }[] = [
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { sig: [0x1f, 0x8b], what: 'a gzip archive' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable' },
];

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|article|p)[\s>]/i;

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** A ZIP is a Word document when one of its entries is `word/document.xml`. */
function isDocx(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORD_PART);
}

/**
 * Format of a file: `pdf`, `docx`, `doc`, `image` (PNG, JPEG, TIFF), `html`, `md` (by extension, for text), else `txt`.
 * Errors: `empty_file`; `unsupported_format` for GIF images, archives, executables and ZIPs that are not DOCX (XLSX,
 * ODT…); `binary_file` for other bytes that are not text.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (bytes.length === 0) throw new UserError('empty_file', 'the file is empty');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    if (isDocx(bytes)) return 'docx';
    throw new UserError('unsupported_format', 'the file is a ZIP container but not a Word document (DOCX); save it as DOCX, PDF or text first');
  }
  // An OLE2 file may also be XLS or PPT; the DOC reader refuses those with its own message.
  if (startsWith(bytes, OLE2)) return 'doc';
  if (IMAGE_SIGNATURES.some((sig) => startsWith(bytes, sig))) return 'image';
  const binary = BINARY_SIGNATURES.find((b) => startsWith(bytes, b.sig));
  if (binary) throw new UserError('unsupported_format', `the file is ${binary.what}`);
  const head = bytes.subarray(0, 8192);
  const utf16 = hasUtf16Bom(bytes) ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : utf16WithoutBom(bytes);
  if (!utf16 && head.includes(0)) throw new UserError('binary_file', 'the file is binary, not text, HTML, Markdown, PDF or Word');
  const headText = new TextDecoder(utf16 ?? 'utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  if (HTML_START.test(headText) || (/\.html?$/i.test(fileName) && /<[a-z][^>]*>/i.test(headText))) return 'html';
  if (/\.(md|markdown)$/i.test(fileName)) return 'md';
  return 'txt';
}
