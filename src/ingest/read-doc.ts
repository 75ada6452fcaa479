/**
 * Text of a legacy Word document (DOC, Word 97–2003 binary) with word-extractor: the body, then text boxes,
 * footnotes and endnotes; page headers and footers are left out. Paragraphs become lines with blank lines between; a table row
 * (cells tab-separated in the extractor's output) becomes `| cell | cell |` as in DOCX.
 */
import WordExtractor from 'word-extractor';
import { UserError } from '../core/errors.js';

function toLines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    // The extractor ends each row with one more tab than it has cell separators.
    .map((line) => (line.includes('\t') ? `| ${line.replace(/\t$/u, '').split('\t').map((c) => c.trim()).join(' | ')} |` : line.trim()))
    .filter((line) => line.replace(/[|\s]/g, '') !== '');
}

/** Body text of a DOC file. Errors: `unreadable_doc` for a damaged file or an OLE2 file that is not Word (XLS, PPT). */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  let parts: string[];
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parts = [doc.getBody(), doc.getTextboxes({ includeHeadersAndFooters: false }), doc.getFootnotes(), doc.getEndnotes()];
  } catch (err) {
    throw new UserError(
      'unreadable_doc',
      `the legacy Office file could not be read as a Word document (DOC); it may be damaged, or be Excel or PowerPoint: ${(err as Error).message}`,
    );
  }
  return parts.flatMap(toLines).join('\n\n');
}
