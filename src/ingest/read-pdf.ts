/**
 * Text layer of a PDF (pdf-parse on pdf.js), reflowed: the layout's wrapped lines are joined back into paragraphs
 * so passages can be cut between sentences.
 */
import { PDFParse, PasswordException } from 'pdf-parse';
import { UserError } from '../core/errors.js';
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
    // A line well short of the page's width ends a paragraph or a headline: it is not joined to the next one.
    const text = result.pages
      .map((p) => unwrapLines(p.text, { everyLine: true, lineWidth: typicalLineWidth(p.text) }))
      .filter((t) => t !== '')
      .join('\n\n');
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
