/**
 * Headings and section labels of Vietnamese documents: Phần › Chương › Mục › Điều (Luật Ban hành văn bản quy phạm
 * pháp luật), Roman and decimal numbered headings, short title-like lines, Markdown headings of web extracts,
 * Party enumerations (`Một là,`), and the khoản / điểm labels of an article's paragraphs.
 */
import { wordCount } from './normalize.js';
import { splitSentences } from './sentences.js';

/** `Một là,` … `Mười là:`, `Thứ nhất,` … `Thứ mười,`, `Một,` `Hai,` at the start of a paragraph. */
export const ENUMERATION =
  /^(?:(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là|Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)(?=,))[,:]/u;
/** Items sit below every numbered heading level. */
export const ITEM_LEVEL = 4;
const MAX_ITEM_LABEL_WORDS = 20;
const LONG_ITEM_LABEL_WORDS = 12;

/** Section label of an enumerated paragraph: its first sentence, shortened to its opening words when long. */
export function itemLabel(paragraph: string): string | null {
  if (!ENUMERATION.test(paragraph)) return null;
  const first = splitSentences(paragraph)[0]!;
  const sentence = paragraph.slice(first.start, first.end).replace(/[.:;]$/u, '');
  if (wordCount(sentence) <= MAX_ITEM_LABEL_WORDS) return sentence;
  return `${sentence.split(/\s+/).slice(0, LONG_ITEM_LABEL_WORDS).join(' ').replace(/[,;:]$/u, '')}…`;
}

export const NUMBERED = /^(?:([IVXLC]+)(?:\.|\s*[-–](?=\s))|(\d+(?:\.\d+)*)[./)]|([a-zđ])\))\s+\S/u;
export const MAX_HEADING_WORDS = 30;
const MAX_NUMBERED_HEADING_WORDS = 40;

/**
 * Levels of the structure of legal and formal documents (Phần › Chương › Mục › Điều), above the Roman (0) and
 * numbered (1, 2 …) headings of ordinary documents, so that both nest the same way. Source: Luật Ban hành văn bản
 * quy phạm pháp luật (bố cục: phần, chương, mục, điều, khoản, điểm).
 */
export const PART_LEVEL = -4;
export const CHAPTER_LEVEL = -3;
export const LEGAL_SECTION_LEVEL = -2;
export const ARTICLE_LEVEL = -1;
/** Khoản (`1.`) and điểm (`a)`) inside an article open sub-sections at the levels of numbered headings. */
export const CLAUSE_LEVEL = 1;
export const POINT_LEVEL = 3;

/** A marker then the end of the line, a full stop, colon or dash, or a capitalised title. */
const AFTER_MARKER = '(?=$|\\s*[.:–-]|\\s+[\\p{Lu}“"(])';
const LEGAL_HEADINGS: [RegExp, number][] = [
  [new RegExp(`^(?:Phần|PHẦN)\\s+(?:thứ\\s+\\p{Ll}+|THỨ\\s+\\p{Lu}+|[IVXLC]+|\\d+)${AFTER_MARKER}`, 'u'), PART_LEVEL],
  [new RegExp(`^(?:Chương|CHƯƠNG)\\s+(?:[IVXLC]+|\\d+)${AFTER_MARKER}`, 'u'), CHAPTER_LEVEL],
  [new RegExp(`^(?:Mục|MỤC)\\s+(?:[IVXLC]+|\\d+)${AFTER_MARKER}`, 'u'), LEGAL_SECTION_LEVEL],
  [/^Điều\s+\d+[a-zđ]?\s*[.:]/u, ARTICLE_LEVEL],
];
const MAX_LEGAL_HEADING_WORDS = 80;

/** Level of a Phần / Chương / Mục / Điều heading line, or null. */
export function legalHeadingLevel(line: string): number | null {
  for (const [re, level] of LEGAL_HEADINGS) {
    if (!re.test(line)) continue;
    const words = wordCount(line);
    if (level === ARTICLE_LEVEL) return words <= MAX_LEGAL_HEADING_WORDS && !/[;,]$/u.test(line) ? level : null;
    return words <= MAX_HEADING_WORDS + 10 && !/[.;,!?…]$/u.test(line) ? level : null;
  }
  return null;
}

/** A Markdown ATX heading (`## Lịch sử`) of web extracts: its marks and its text. */
const MARKDOWN_HEADING = /^(#{1,6})\s*(\S.*?)\s*#*$/u;
/** Markdown heading levels sit above the legal ones: `#` is -9 … `######` is -4 (PART_LEVEL). */
const MARKDOWN_BASE_LEVEL = -10;

/** Heading of a line: its level and the text that names the section, or null when the line reads as prose. */
export function headingOf(line: string): { level: number; text: string } | null {
  const md = MARKDOWN_HEADING.exec(line);
  if (md) {
    const text = md[2]!;
    const level = legalHeadingLevel(text) ?? Math.min(MARKDOWN_BASE_LEVEL + md[1]!.length, PART_LEVEL);
    return wordCount(text) > 0 ? { level, text } : null;
  }
  const level = headingLevel(line);
  return level === null ? null : { level, text: line };
}

/** Level of a heading line, or null when the line reads as prose. */
export function headingLevel(line: string): number | null {
  const words = wordCount(line);
  if (words === 0 || /^[-–+•*|#]/u.test(line)) return null;
  const legal = legalHeadingLevel(line);
  if (legal !== null) return legal;
  const m = NUMBERED.exec(line);
  if (m) {
    // Numbered headings may run long and may introduce a list with a colon.
    if (words > MAX_NUMBERED_HEADING_WORDS || /[.;,!?…]$/u.test(line)) return null;
    if (m[1]) return 0;
    if (m[2]) return m[2].split('.').length;
    return 3;
  }
  if (words > MAX_HEADING_WORDS || /[.;,:!?…]$/u.test(line)) return null;
  return /^[\p{Lu}“"]/u.test(line) ? 1 : null;
}

/** `1.`, `2a.` opening a paragraph inside an article: a khoản. */
const CLAUSE = /^(\d{1,3}[a-zđ]?)\.\s+\S/u;
/** `a)`, `đ)` opening a paragraph inside an article: a điểm. */
const POINT = /^([a-zđ])\)\s+\S/u;

/** Khoản / điểm label of a paragraph inside an article (`khoản 2`, `điểm a`), or null. */
export function clauseLabel(paragraph: string): { level: number; text: string } | null {
  const clause = CLAUSE.exec(paragraph);
  if (clause) return { level: CLAUSE_LEVEL, text: `khoản ${clause[1]}` };
  const point = POINT.exec(paragraph);
  return point ? { level: POINT_LEVEL, text: `điểm ${point[1]}` } : null;
}

/** A legal heading's marker with no title after it: `Chương II`, `PHẦN THỨ NHẤT`, `Mục 3`, `Điều 5.`. */
export const BARE_MARKER = /^(?:(?:Phần|PHẦN)\s+(?:thứ\s+\p{Ll}+|THỨ\s+\p{Lu}+|[IVXLC]+|\d+)|(?:Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]+|\d+)|Điều\s+\d+[a-zđ]?)[.:]?$/u;

/** A khoản or điểm label, or a range of them (`khoản 2`, `điểm a–d`). */
export const isClause = (label: string): boolean => /^(khoản|điểm) \S+$/u.test(label);

/** Two paths that differ only in their last entry, a label of the same kind (`khoản 1`, `khoản 2`). */
export function sameParent(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  const kind = (l: string) => l.split(' ')[0];
  return a.slice(0, -1).every((x, i) => x === b[i]) && kind(a[a.length - 1]!) === kind(b[b.length - 1]!);
}

/** Order of điểm letters (the Vietnamese alphabet, đ after d). */
const POINT_ORDER = 'abcdđeghiklmnopqrstuvxy';
const clauseOrder = (n: string): number => (/^\d/u.test(n) ? parseInt(n, 10) : POINT_ORDER.indexOf(n));

/**
 * `khoản 1` and `khoản 3` make `khoản 1–3`; so do `khoản 1–2` and `khoản 3`. Out of order (a web page's layout
 * moved a line), the first label stays.
 */
export function clauseRange(first: string, last: string): string {
  const [kind, from] = first.split(' ') as [string, string];
  const start = from.split('–')[0]!;
  const end = last.split(' ')[1]!.split('–').pop()!;
  return clauseOrder(end) > clauseOrder(start) ? `${kind} ${start}–${end}` : first;
}
