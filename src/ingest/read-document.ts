/** Reads one file into extracted text: checks size, detects the format from content, decodes or parses it. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import type { SourcePage } from '../core/page-spans.js';
import type { SourceFormat } from '../core/types.js';
import type { PageProgress } from './ocr/ocr-pages.js';
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

/** Extracted text; paged sources (PDF, image) also give their pages, for passage pages and OCR marks. */
export interface ExtractedText {
  format: SourceFormat;
  text: string;
  pages?: SourcePage[];
}

/**
 * Reads a file's text by its format. `onPage` hears of each OCR'd page (done, total). Errors: the readers' UserErrors
 * (src/core/errors.ts), `no_text_layer` and the `ocr_*` codes for scans.
 */
export async function extractText(bytes: Uint8Array, fileName: string, onPage?: PageProgress): Promise<ExtractedText> {
  checkSize(bytes.length);
  const format = detectFormat(bytes, fileName);
  // The parsers load on first use: together they are about a second of start-up a server need not pay.
  if (format === 'pdf' || format === 'image') {
    const { readPdfPaged, readImagePaged } = await import('./read-paged.js');
    const paged = format === 'pdf' ? await readPdfPaged(bytes, onPage) : await readImagePaged(bytes, onPage);
    const text = repairExtractedText(paged.text);
    // Repairs of legacy encodings change the text; pages are then located in what the repair left.
    return { format, text, pages: paged.pages.map((p) => ({ ...p, text: repairExtractedText(p.text) })) };
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
