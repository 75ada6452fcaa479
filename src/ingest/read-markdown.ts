/**
 * Plain text of a Markdown file, as the party-web-articles extracts are written: often broken Markdown, with lines
 * that are only table bars, table cells spread over lines, and `**` opened on one line and closed on another (or
 * after a space, where CommonMark would leave them as text). A Markdown parser keeps such marks as literal text, so
 * the marks are read line by line here:
 * - ATX headings (`## Tiêu đề`) become heading lines of their own, their marks kept: the level is structure that core
 *   reads (sections, Wikipedia's source sections); titles and section labels never show the marks;
 * - table rows become one line each, `| cell | cell |`, without trailing empty cells; delimiter rows (`|---|`) and lines of bars only become
 *   blank lines, and a cell's closing bar left at the end of a line of text goes;
 * - emphasis marks (`*`, `**`, `_`, `__`) go, wherever they open or close; a lone `*`/`_` between spaces, `(*)`,
 *   a run of 4+ underscores (a blank to fill in) and `snake_case` stay;
 * - links and images keep their text (`[Nghị quyết](https://…)` → `Nghị quyết`), their addresses go, as do
 *   reference definitions (`[1]: https://…`); bracketed notes (`[5][Ghi chú 2]`) are text and stay; `*`/`+` list markers become `- `; `> ` quote marks, code fences and
 *   backslash escapes go.
 * Every letter of the content is kept (the tests check all 881 extracts letter for letter).
 */

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const EMPTY_HEADING = /^ {0,3}#{1,6}[ \t]*$/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*<?(?:https?:|ftp:|mailto:|www\.|\/|#)\S*>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/u;
/** An inline link or image: text, then an address without spaces (or in `<>`) and an optional title. */
const LINK = /(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?\)/gu;
const AUTOLINK = /<((?:https?|ftp|mailto):[^>\s]+)>/giu;
const ESCAPE = /\\([!-/:-@[-`{-~])/gu;
const EMPHASIS = /[*_]+/gu;

/** Whether a run of `*`/`_` at `start` is an emphasis mark (to drop) rather than text. */
function isEmphasis(line: string, run: string, start: number): boolean {
  const before = line[start - 1];
  const after = line[start + run.length];
  const space = (c: string | undefined) => c === undefined || /\s/u.test(c);
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  // A blank to fill in (`Họ tên: ________`).
  if (/^_{4,}$/u.test(run)) return false;
  // A lone mark between spaces: a separator (`0283 _ 0906`) or a multiplication sign. Doubled ones are emphasis.
  if (run.length === 1 && space(before) && space(after)) return false;
  // Footnote marks `(*)`, `(**)`.
  if (before === '(' && after === ')') return false;
  // Inside a word or a number: `snake_case`, `2*3`.
  if (word(before) && word(after) && (run[0] === '_' || (/\d/u.test(before!) && /\d/u.test(after!)))) return false;
  return true;
}

/** Escaped punctuation is held as a private-use character while marks are read, so `\*` is never emphasis. */
const hide = (c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0));
const HIDDEN = /[\uE021-\uE07E]/gu;

function stripInline(line: string): string {
  let text = line
    .replace(ESCAPE, (_m, c: string) => hide(c))
    .replace(LINK, (_m, _image: string, label: string) => label)
    .replace(AUTOLINK, (_m, url: string) => url);
  text = text.replace(EMPHASIS, (run: string, offset: number) => (isEmphasis(text, run, offset) ? '' : run));
  return text.replace(HIDDEN, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

/** A table row as `| cell | cell |`, or '' for a delimiter row or a line of bars only. */
function tableRow(line: string): string {
  const cells = line
    .trim()
    .replace(/^\|/u, '')
    .replace(/(?<!\\)\|$/u, '')
    .split(/(?<!\\)\|/u)
    .map((c) => stripInline(c).trim());
  if (cells.every((c) => /^:?-*:?$/u.test(c))) return '';
  // Empty cells closing a row (`| Tỉnh | |||`) are the extract's layout, not columns a reader needs.
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return `| ${cells.join(' | ')} |`;
}

/** Text of a Markdown document, one line per source line (headings with blank lines around them). */
export function readMarkdown(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  for (const raw of markdown.split(/\r?\n/u)) {
    if (FENCE.test(raw)) {
      fenced = !fenced;
      out.push('');
      continue;
    }
    if (fenced) {
      out.push(raw);
      continue;
    }
    const line = raw.replace(/^ {0,3}(?:>[ \t]?)+/u, '');
    const heading = HEADING.exec(line);
    if (heading) out.push('', `${heading[1]} ${stripInline(heading[2]!).trim()}`, '');
    else if (EMPTY_HEADING.test(line) || REFERENCE_DEFINITION.test(line)) out.push('');
    else if (/^\s*\|/u.test(line)) out.push(tableRow(line));
    else {
      // A cell's closing bar left at the end of a line of text (`Số: …/ĐA |`) is markup too.
      const text = stripInline(line.replace(/^(\s*)[*+][ \t]+(?=\S)/u, '$1- ')).replace(/[ \t]+\|$/u, '');
      out.push(/^[\s|]*$/u.test(text) ? '' : text);
    }
  }
  return out.map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/gu, '\n\n').trim();
}
