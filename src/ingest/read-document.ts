/** Reads one file into extracted text: checks size, detects the format from content, decodes or parses it. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import type { SourceFormat } from '../core/types.js';
import { decodeText, repairExtractedText } from './decode-text.js';
import { detectFormat } from './detect-format.js';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** SHA-256 of a file's bytes: an unchanged file is not read twice. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws `too_large` for a file over MAX_FILE_BYTES. */
export function checkSize(bytes: number): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new UserError('too_large', `the file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`);
  }
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<{ format: SourceFormat; text: string }> {
  checkSize(bytes.length);
  const format = detectFormat(bytes, fileName);
  // The parsers load on first use: together they are about a second of start-up a server need not pay.
  if (format === 'pdf') {
    const { readPdf } = await import('./read-pdf.js');
    return { format, text: repairExtractedText(await readPdf(bytes)) };
  }
  if (format === 'docx') {
    const { readDocx } = await import('./read-docx.js');
    return { format, text: repairExtractedText(await readDocx(bytes)) };
  }
  if (format === 'doc') {
    const { readDoc } = await import('./read-doc.js');
    return { format, text: repairExtractedText(await readDoc(bytes)) };
  }
  const { text } = decodeText(bytes);
  if (format === 'md') {
    const { readMarkdown } = await import('./read-markdown.js');
    return { format, text: readMarkdown(text) };
  }
  if (format !== 'html') return { format, text };
  const { readHtml } = await import('./read-html.js');
  return { format, text: readHtml(text) };
}

export async function readFileBytes(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new UserError('not_a_file', 'not a regular file');
  checkSize(info.size);
  return readFile(path);
}
