/**
 * Text of a Word document (DOCX) with mammoth: one paragraph per line, blank lines between, so every Word
 * paragraph is a block of its own. Heading styles (`Heading 1`…) become heading lines; list items keep a `- ` or
 * `1. ` marker; a table gives one line per row, cells between bars (`| Số TT | Nội dung |`), a form the splitter
 * keeps as one block and never takes for a heading. A two-column table whose cells hold several paragraphs is the
 * layout of a letterhead or signature block, not data: its paragraphs are kept as lines, cell after cell.
 * Footnotes and endnotes come last, numbered; page headers, footers and images are left out.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import mammoth from 'mammoth';
import { UserError } from '../core/errors.js';

const HEADING = /^h[1-6]$/;

/** Text of an inline run: line breaks kept, other white space collapsed. */
function inlineText(node: AnyNode): string {
  if (node.type === 'text') return node.data.replace(/\s+/g, ' ');
  if (node.type !== 'tag') return '';
  if (node.name === 'br') return '\n';
  // Nested lists and tables are blocks of their own, read by blockLines.
  if (node.name === 'ul' || node.name === 'ol' || node.name === 'table') return '';
  return node.children.map(inlineText).join('');
}

const clean = (line: string): string =>
  line
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');

function tableLines(table: Element): string[] {
  const rows: Element[] = [];
  const collect = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
    }
  };
  collect(table);
  const cells = rows.map((row) =>
    row.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th')).map((cell) => blockLines(cell.children)),
  );
  const columns = Math.max(0, ...cells.map((r) => r.length));
  if (columns <= 2 && cells.some((r) => r.some((c) => c.length > 1))) return cells.flat(2);
  return cells.filter((r) => r.some((c) => c.length > 0)).map((r) => `| ${r.map((c) => c.join(' ').replace(/\n/g, ' ')).join(' | ')} |`);
}

function listLines(list: Element): string[] {
  const lines: string[] = [];
  let n = 0;
  for (const item of list.children) {
    if (item.type !== 'tag' || item.name !== 'li') continue;
    n++;
    const own = clean(item.children.map(inlineText).join(''));
    if (own) lines.push(`${list.name === 'ol' ? `${n}.` : '-'} ${own}`);
    // Paragraphs, nested lists and tables inside the item.
    lines.push(...blockLines(item.children.filter((c) => c.type === 'tag' && (c.name === 'ul' || c.name === 'ol' || c.name === 'table' || c.name === 'p'))));
  }
  return lines;
}

/** Lines of a run of sibling nodes: each paragraph, heading, row or item one line. */
function blockLines(nodes: AnyNode[]): string[] {
  const lines: string[] = [];
  let inline = '';
  const flush = () => {
    const line = clean(inline);
    if (line) lines.push(line);
    inline = '';
  };
  for (const node of nodes) {
    if (node.type === 'tag' && (node.name === 'p' || HEADING.test(node.name))) {
      flush();
      inline = node.children.map(inlineText).join('');
      flush();
    } else if (node.type === 'tag' && node.name === 'table') {
      flush();
      lines.push(...tableLines(node));
    } else if (node.type === 'tag' && (node.name === 'ul' || node.name === 'ol')) {
      flush();
      lines.push(...listLines(node));
    } else if (node.type === 'tag' && node.name === 'div') {
      flush();
      lines.push(...blockLines(node.children));
    } else inline += inlineText(node);
  }
  flush();
  return lines;
}

/** Body text of a DOCX file. Errors: `unreadable_docx` when the ZIP or its XML cannot be read. */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are not text: an empty source spares encoding each one into the HTML.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (err) {
    throw new UserError('unreadable_docx', `the Word document (DOCX) could not be read, it may be damaged or incomplete: ${(err as Error).message}`);
  }
  const $ = cheerio.load(html, null, false);
  return blockLines($.root().get(0)!.children).join('\n\n');
}
