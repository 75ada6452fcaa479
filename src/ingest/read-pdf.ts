/**
 * Text layer of a PDF (pdf-parse on pdf.js), reflowed: the layout's wrapped lines are joined back into paragraphs
 * so passages can be cut between sentences.
 */
import { PDFParse, PasswordException } from 'pdf-parse';
import { UserError } from '../core/errors.js';

export const PDF_TIMEOUT_MS = 60_000;

/** A line ends a paragraph when it closes a sentence or the next line opens a new item or heading. */
const ENDS_PARAGRAPH = /[.!?:;…”"]$/u;
/** Article, chapter and part headings of legal texts stand on their own line. */
const HEADING = /^(Điều \d+[a-zđ]?\.|Chương [IVXLC\d]+|Mục \d+|Phần [IVXLC\d]+)/u;
const OPENS_ITEM = /^([-–•+*]|\d+(\.\d+)*[./)]|[a-zđ]\)|[IVXLC]+\.|Điều \d+|Chương [IVXLC\d]+|Mục \d+)\s/u;

export function reflow(pageText: string): string {
  const lines = pageText.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  const paragraphs: string[] = [];
  let cur = '';
  let curIsHeading = false;
  for (const line of lines) {
    if (line === '') {
      if (cur) paragraphs.push(cur);
      cur = '';
      continue;
    }
    if (cur && (curIsHeading || ENDS_PARAGRAPH.test(cur) || OPENS_ITEM.test(line) || /^\p{Lu}[\p{Lu}\s,]+$/u.test(line))) {
      paragraphs.push(cur);
      cur = line;
    } else cur = cur ? `${cur} ${line}` : line;
    curIsHeading = cur === line && HEADING.test(line);
  }
  if (cur) paragraphs.push(cur);
  return paragraphs.join('\n\n');
}

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
    const text = result.pages.map((p) => reflow(p.text)).filter((t) => t !== '').join('\n\n');
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
