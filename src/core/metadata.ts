/** Title and date of a cleaned document, and where its front matter (title and date stamp lines) ends. */
import { findDate } from './dates.js';
import { wordCount } from './normalize.js';

export interface FrontMatter {
  title: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  date: string | null;
  /** Offset in the text where the body starts, after the title and any date-stamp lines. */
  bodyStart: number;
}

/** How many leading lines are searched for the title and the date. */
const HEAD_LINES = 8;
const MAX_TITLE_WORDS = 60;

/** A line that is only a date stamp, as news sites print it: `23/10/2015 | 1104`, `Thứ tư - 02/02/2022 06:32`. */
const DATE_STAMP_LINE =
  /^((Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật),?\s*-?\s*)?(ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(\s*,?\s*\d{1,2}:\d{2}(:\d{2})?)?(\s*(GMT|\(GMT[^)]*\)))?(\s*\|\s*\d+)?$/iu;

/** A byline right under the title: who wrote or spoke, not a section heading. */
const BYLINE = /^(Đồng chí|Đ\/c|PGS|GS|TS|ThS|Tác giả|Bài và ảnh|Theo)(?=[\s,:])[^.!?]*$/u;

export function isDateStampLine(line: string): boolean {
  return DATE_STAMP_LINE.test(line.trim());
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function leadingLines(text: string, count: number): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length && lines.length < count) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(pos, end);
    if (raw.trim() !== '') lines.push({ text: raw.trim(), start: pos, end });
    if (nl === -1) break;
    pos = nl + 1;
  }
  return lines;
}

export function extractFrontMatter(cleanText: string): FrontMatter {
  const head = leadingLines(cleanText, HEAD_LINES);
  let title: string | null = null;
  let bodyStart = 0;
  let date: string | null = null;
  for (const [i, line] of head.entries()) {
    if (isDateStampLine(line.text)) {
      date ??= findDate(line.text);
      if (i <= 2) bodyStart = line.end;
      continue;
    }
    if (title !== null && i === 1 && BYLINE.test(line.text) && wordCount(line.text) <= 30) {
      bodyStart = line.end;
      continue;
    }
    if (title === null && i <= 1 && wordCount(line.text) <= MAX_TITLE_WORDS && !/[.;,]$/u.test(line.text)) {
      title = line.text;
      bodyStart = line.end;
    }
  }
  date ??= head.map((l) => findDate(l.text)).find((d) => d !== null) ?? null;
  while (bodyStart < cleanText.length && /\s/u.test(cleanText[bodyStart]!)) bodyStart++;
  return { title, date, bodyStart };
}
