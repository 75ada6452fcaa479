/**
 * Text layer of a PDF (pdf-parse on pdf.js), reflowed: running heads, feet and page numbers (lines repeated at the
 * edge of most pages) are dropped, then the layout's wrapped lines are joined back into paragraphs, across page
 * breaks too, so passages can be cut between sentences.
 */
import { PDFParse, PasswordException } from 'pdf-parse';
import { UserError } from '../core/errors.js';
import { removePageFurniture } from '../core/page-furniture.js';
import { typicalLineWidth, unwrapLines } from '../core/unwrap.js';

export const PDF_TIMEOUT_MS = 60_000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserError('pdf_timeout', `the PDF took over ${ms / 1000} s to read`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Text of each page of a PDF's text layer, as pdf.js lays it out (no cleaning). Errors as readPdf's. */
export async function readPdfPages(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await withTimeout(parser.getText({ pageJoiner: '' }), timeoutMs);
    return result.pages.map((p) => p.text);
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof PasswordException) throw new UserError('encrypted_pdf', 'the PDF is password-protected');
    throw new UserError('broken_pdf', `the PDF could not be read: ${(err as Error).message}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/**
 * Pages of text into one text: running heads, feet and page numbers dropped, then wrapped lines joined back into
 * paragraphs. Returns each page's text without its furniture too (for locating pages, src/core/page-spans.ts).
 */
export function joinPages(rawPages: string[]): { text: string; pages: string[] } {
  // Pages are joined line to line: a sentence that runs over a page break is one paragraph again. A line well short
  // of the page's width ends a paragraph or a headline: it is not joined to the next one.
  const pages = removePageFurniture(rawPages);
  const joined = pages.filter((t) => t.trim() !== '').join('\n');
  return { text: unwrapLines(joined, { everyLine: true, lineWidth: typicalLineWidth(joined) }), pages };
}

/** Whether extracted text is too short to be a text layer (a scan's pages carry none, or a stray mark). */
export const hasNoText = (text: string): boolean => text.replace(/\s/g, '').length < 20;

export async function readPdf(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<string> {
  const { text } = joinPages(await readPdfPages(bytes, timeoutMs));
  if (hasNoText(text)) {
    throw new UserError('no_text_layer', 'the PDF has no text layer (a scanned document?); run OCR on it first');
  }
  return text;
}
