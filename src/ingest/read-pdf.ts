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

export async function readPdf(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await withTimeout(parser.getText({ pageJoiner: '' }), timeoutMs);
    // Pages are joined line to line: a sentence that runs over a page break is one paragraph again. A line well short
    // of the page's width ends a paragraph or a headline: it is not joined to the next one.
    const pages = removePageFurniture(result.pages.map((p) => p.text)).filter((t) => t.trim() !== '');
    const joined = pages.join('\n');
    const text = unwrapLines(joined, { everyLine: true, lineWidth: typicalLineWidth(joined) });
    if (text.replace(/\s/g, '').length < 20) {
      throw new UserError('no_text_layer', 'the PDF has no text layer (a scanned document?); run OCR on it first');
    }
    return text;
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof PasswordException) throw new UserError('encrypted_pdf', 'the PDF is password-protected');
    throw new UserError('broken_pdf', `the PDF could not be read: ${(err as Error).message}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
