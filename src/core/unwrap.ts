/**
 * Joins lines that a layout wrapped back into paragraphs. PDF text layers and hard-wrapped web extracts break
 * lines mid-sentence; passages and sentences need the paragraphs back.
 */

/** A line ends a paragraph when it closes a sentence. */
const ENDS_PARAGRAPH = /[.!?:;…”"]$/u;
/** Items, legal headings and all-caps lines start a new paragraph. */
const OPENS_ITEM =
  /^(?:(?:[-–•+*]|\d+(\.\d+)*[./)]|[a-zđ]\)|[IVXLC]+[.-])\s|(?:Điều \d+[a-zđ]?[.:]|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN) (?:[IVXLC]+|\d+|THỨ|thứ)(?![\p{L}\p{N}])))/u;
/**
 * Article, chapter and part headings of legal texts stand on their own line. A line citing an article
 * (`Điều 33 Nghị định này;`) is not one: a heading's number is followed by a full stop or a colon.
 */
const HEADING = /^(Điều \d+[a-zđ]?[.:]|(?:Chương|CHƯƠNG) [IVXLC\d]+(?![\p{L}\p{N}])|(?:Mục|MỤC) [IVXLC\d]+(?![\p{L}\p{N}])|(?:Phần|PHẦN) (?:[IVXLC\d]+|THỨ|thứ)(?![\p{L}\p{N}]))/u;
/**
 * `Điều 28.` opening a line that goes on from an unfinished one (`… tại tên khoản 1` / `Điều 28.`) is the end of a
 * citation: real article headings follow a finished sentence or a heading.
 */
const CITED_ARTICLE = /^Điều \d+[a-zđ]?[.:]/u;
/** A heading wrapped by the layout ends on a word that cannot end a title (`… của Nghị định số`). */
const OPEN_ENDED = /(?:^|\s)(?:số|của|và|về|các|những|đối với|với|trong|tại|cho|theo|được|hoặc|từ|đến|ngày|năm|tháng|là|có|để|khi|thuộc|giữa)$/iu;
const ALL_CAPS = /^\p{Lu}[\p{Lu}\d\s,.-]+$/u;
const MIN_WRAPPED_LENGTH = 45;

export interface UnwrapOptions {
  /**
   * true for PDF layers, where every line is wrapped unless it ends a sentence; false for text files, where a line
   * is joined to the next only when that one continues in lower case.
   */
  everyLine: boolean;
  /**
   * Typical length (characters) of a full line of the layout, when known (a PDF page): a line shorter than
   * WRAPPED_SHARE of it ends its paragraph, as a headline over the first paragraph does.
   */
  lineWidth?: number;
}

/** Share of the layout's line width below which a PDF line is not wrapped but ends a paragraph or a title. */
const WRAPPED_SHARE = 0.7;

/** The layout width of a page's text: the 90th percentile of its line lengths, in characters. */
export function typicalLineWidth(text: string): number {
  const lengths = text
    .split('\n')
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths.length === 0 ? 0 : lengths[Math.floor((lengths.length - 1) * 0.9)]!;
}

export function unwrapLines(text: string, { everyLine, lineWidth }: UnwrapOptions): string {
  const minWrapped = Math.max(MIN_WRAPPED_LENGTH, lineWidth ? lineWidth * WRAPPED_SHARE : 0);
  const lines = text.split('\n').map((l) => l.replace(/[ \t\u00A0]+/g, ' ').trim());
  const paragraphs: string[] = [];
  let cur = '';
  let last = '';
  let curIsHeading = false;
  for (const line of lines) {
    if (line === '') {
      if (cur) paragraphs.push(cur);
      cur = '';
      continue;
    }
    const lowerNext = /^\p{Ll}/u.test(line) && !ENDS_PARAGRAPH.test(cur);
    // A wrapped line runs close to the layout's width; short lines are headers, titles and signatures.
    const wrapped =
      (curIsHeading
        ? OPEN_ENDED.test(cur) && !OPENS_ITEM.test(line)
        : last.length >= minWrapped &&
          !(ENDS_PARAGRAPH.test(cur) || (OPENS_ITEM.test(line) && !CITED_ARTICLE.test(line)) || ALL_CAPS.test(line) || ALL_CAPS.test(last)));
    if (cur && !(lowerNext || (everyLine && wrapped))) {
      paragraphs.push(cur);
      cur = line;
    } else cur = cur ? `${cur} ${line}` : line;
    last = line;
    curIsHeading = cur === line && HEADING.test(line);
  }
  if (cur) paragraphs.push(cur);
  return paragraphs.join(everyLine ? '\n\n' : '\n');
}

/**
 * A text file wrapped at a fixed width: many line breaks fall inside sentences (the next line goes on in lower
 * case). Such a file is unwrapped like a PDF layer.
 */
export function isHardWrapped(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  let pairs = 0;
  let inside = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const next = lines[i]!;
    if (prev === '' || next === '') continue;
    pairs++;
    if (/^\p{Ll}/u.test(next) && !ENDS_PARAGRAPH.test(prev)) inside++;
  }
  return pairs >= 10 && inside / pairs >= 0.3;
}
