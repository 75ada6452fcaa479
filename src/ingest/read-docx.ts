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
import { zipEntrySizes } from './zip-sizes.js';

/**
 * The most bytes the XML parts of a DOCX (document, styles, numbering, notes, relationships) may unpack to, by the
 * sizes the archive declares: a DOCX of a thousand pages holds tens of megabytes of XML; mammoth keeps the XML as one
 * string and a tree of it, which past this size outgrows the parse process's heap (src/ingest/parse-process.ts).
 */
export const MAX_DOCX_XML_BYTES = 128 * 1024 * 1024;

/** Refuses (`parse_memory`) a DOCX whose XML parts declare more than MAX_DOCX_XML_BYTES, before inflating them. */
function checkDeclaredSizes(bytes: Uint8Array): void {
  const xml = (zipEntrySizes(bytes) ?? []).filter((e) => /\.(xml|rels)$/iu.test(e.name));
  const total = xml.reduce((sum, e) => sum + e.size, 0);
  if (total <= MAX_DOCX_XML_BYTES) return;
  const largest = xml.reduce((a, b) => (b.size > a.size ? b : a));
  const size = (n: number) => (Number.isFinite(n) ? `${n.toLocaleString('en')} bytes` : '4 GiB or more');
  throw new UserError(
    'parse_memory',
    `the Word document (DOCX) unpacks to ${size(total)} of XML (${largest.name}: ${size(largest.size)}), over the limit of ${MAX_DOCX_XML_BYTES.toLocaleString('en')} bytes; it is damaged, a ZIP bomb, or too large to read (split it)`,
  );
}

/** Errors V8 throws when a part is too large to hold in memory (a string over 2^29 characters, a failed allocation). */
const OUT_OF_MEMORY = /Cannot create a string longer than|Array buffer allocation failed|Invalid string length|Invalid array length/u;

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

/**
 * Body text of a DOCX file. Errors: `unreadable_docx` when the ZIP or its XML cannot be read; `parse_memory` when its
 * XML parts declare more than MAX_DOCX_XML_BYTES (checked before inflating) or do not fit in memory once inflated.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  checkDeclaredSizes(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are not text: an empty source spares encoding each one into the HTML.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (err) {
    if (err instanceof Error && OUT_OF_MEMORY.test(err.message)) {
      throw new UserError('parse_memory', `the Word document (DOCX) unpacks to more text than fits in memory: ${err.message}`);
    }
    throw new UserError('unreadable_docx', `the Word document (DOCX) could not be read, it may be damaged or incomplete: ${(err as Error).message}`);
  }
  const $ = cheerio.load(html, null, false);
  return blockLines($.root().get(0)!.children).join('\n\n');
}
