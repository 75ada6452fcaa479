/** Tells a file's format from its bytes (the extension only breaks ties), refusing what cannot be text. */
import { UserError } from '../core/errors.js';
import type { SourceFormat } from '../core/types.js';

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

const BINARY_SIGNATURES: { sig: number[]; what: string }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP container (DOCX, XLSX or similar); convert it to PDF or text first' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0], what: 'a legacy Office file (DOC, XLS); convert it to PDF or text first' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { sig: [0x1f, 0x8b], what: 'a gzip archive' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable' },
];

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|article|p)[\s>]/i;

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (bytes.length === 0) throw new UserError('empty_file', 'the file is empty');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  const binary = BINARY_SIGNATURES.find((b) => startsWith(bytes, b.sig));
  if (binary) throw new UserError('unsupported_format', `the file is ${binary.what}`);
  const head = bytes.subarray(0, 8192);
  if (!hasUtf16Bom(bytes) && head.includes(0)) throw new UserError('binary_file', 'the file is binary, not text, HTML or PDF');
  const headText = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  if (HTML_START.test(headText) || (/\.html?$/i.test(fileName) && /<[a-z][^>]*>/i.test(headText))) return 'html';
  return 'txt';
}
