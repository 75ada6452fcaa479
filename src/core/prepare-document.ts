/** From extracted text to a document ready to store: NFC, boilerplate removed, fields read, passages cut. */
import { createHash } from 'node:crypto';
import { definedAbbreviations } from './abbreviations.js';
import { readDocument } from './document-fields.js';
import { removeBoilerplate } from './boilerplate.js';
import { UserError } from './errors.js';
import { toStoredText, wordCount } from './normalize.js';
import { splitPassages } from './split.js';
import { isHardWrapped, unwrapLines } from './unwrap.js';
import { locatePages, pageAt, type SourcePage } from './page-spans.js';
import type { PassageDraft, PreparedDocument, SourceFormat } from './types.js';

/** Document ids are the first 16 hex digits of the SHA-256 of the stored text: same content, same id. */
const ID_LENGTH = 16;

/**
 * Passages of the body: from its start to the closing block, and after it (annexes follow some signatures). The
 * letterhead, title block and closing block stay in the stored text but are never passages.
 */
function bodyPassages(text: string, bodyStart: number, closing: { start: number; end: number } | null): PassageDraft[] {
  if (closing === null) return splitPassages(text, bodyStart);
  const before = splitPassages(text, bodyStart, undefined, closing.start);
  const after = splitPassages(text, closing.end);
  return [...before, ...after].map((p, ordinal) => ({ ...p, ordinal }));
}

/**
 * Longest line of extracted text taken, in UTF-16 code units: a paragraph of a real document is a few thousand;
 * a longer line is a dump (one-line exports, minified data), and every later step is at least linear in it.
 */
export const MAX_LINE_CHARS = 100_000;

/** Most passages one document may have: about 3,000 pages of prose; more is a collection to split into files. */
export const MAX_PASSAGES = 10_000;

/** Throws `line_too_long` for a line over MAX_LINE_CHARS, naming its number (1-based). */
export function checkLineLength(text: string, max = MAX_LINE_CHARS): void {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > max) {
      throw new UserError(
        'line_too_long',
        `line ${line} is ${(end - start).toLocaleString('en')} characters long; the limit is ${max.toLocaleString('en')} (split the text into paragraphs)`,
      );
    }
    start = end + 1;
    line++;
  }
}

/** Each passage with the page it starts on, whether that page was recognised by OCR, and the page's confidence. */
function withPages(text: string, passages: PassageDraft[], pages: readonly SourcePage[]): PassageDraft[] {
  const starts = locatePages(text, pages);
  return passages.map((p) => {
    const page = pages[pageAt(starts, p.start)];
    return page ? { ...p, page: page.number, ocr: page.ocr, confidence: page.confidence } : p;
  });
}

/**
 * Cleans extracted text, reads its fields and cuts its passages; with the source's pages (PDFs, images), each
 * passage carries its page, `ocr` and confidence (src/core/page-spans.ts). Throws UserError `line_too_long` (a line
 * over MAX_LINE_CHARS), `too_many_passages` (over MAX_PASSAGES) or `empty_document`.
 */
export function prepareDocument(extractedText: string, format: SourceFormat, pages?: readonly SourcePage[]): PreparedDocument {
  checkLineLength(extractedText);
  // Markup and furniture lines go first, so that what remains shows whether its lines were hard-wrapped.
  const source = toStoredText(extractedText);
  const cleaned = removeBoilerplate(source);
  // PDF layers and OCR'd images are unwrapped by their reader.
  const text = format === 'pdf' || format === 'image' ? cleaned : unwrapLines(cleaned, { everyLine: isHardWrapped(cleaned) });
  if (wordCount(text) === 0) throw new UserError('empty_document', 'the document has no text content');
  const contentHash = createHash('sha256').update(text).digest('hex');
  const { bodyStart, closing, references, ...fields } = readDocument(text, source);
  let passages = bodyPassages(text, bodyStart, closing);
  // A document that is only a title still deserves to be found.
  if (passages.length === 0) passages = splitPassages(text, 0);
  if (passages.length === 0) throw new UserError('empty_document', 'the document has no text content');
  if (passages.length > MAX_PASSAGES) {
    throw new UserError(
      'too_many_passages',
      `the document makes ${passages.length.toLocaleString('en')} passages; the limit is ${MAX_PASSAGES.toLocaleString('en')} (split it into several files)`,
    );
  }
  if (pages && pages.length > 0) passages = withPages(text, passages, pages);
  return {
    id: contentHash.slice(0, ID_LENGTH),
    contentHash,
    format,
    ...fields,
    text,
    passages,
    references,
    abbreviations: definedAbbreviations(text),
  };
}
