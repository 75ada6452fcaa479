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

/**
 * A publication line: `Ngày đăng: 26/06/2025 15:42`, `Ngày đăng bài viết gốc: …`, `Giờ đăng: 09:33 ngày 16/06/2025`,
 * `Ngày giờ đăng bài viết gốc: 22:17 15-04-2025` (how baochinhphu.vn, quochoi.vn and the Party portals that repost
 * them credit the original), `Đăng ngày …`, `Cập nhật lúc …`.
 */
const PUBLICATION_LINE =
  /^[*_\s]*((?:Ngày giờ đăng|Ngày đăng|Giờ đăng|Thời gian đăng)(?: bài viết gốc| bài gốc| bài)?|Đăng ngày|Đăng lúc|Ngày xuất bản|Ngày cập nhật|Cập nhật(?: lúc| ngày)?)\s*:?\s*(.*)$/iu;
/** `Cập nhật` also heads portal lists of other documents: it counts only among a page's first lines. */
const HEAD_UPDATE_LINES = 10;

/**
 * The publication date of an article from its own publication line, wherever the page prints it (news sites put
 * `Ngày đăng` under the headline or after the body); the date may stand on the next line. Null when there is none.
 */
export function findPublicationDate(cleanText: string): string | null {
  const lines = cleanText.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    const m = PUBLICATION_LINE.exec(lines[i]!);
    if (!m) continue;
    if (/^cập nhật|^ngày cập nhật/iu.test(m[1]!) && i >= HEAD_UPDATE_LINES) continue;
    // `Cập nhật các dự thảo …` is a headline, not a stamp: the date must come right after the label.
    const rest = m[2]!.trim();
    const date = rest === '' ? findDate(lines[i + 1] ?? '') : /^[\d(]|^ngày\s+\d/iu.test(rest.replace(/^[*_\s]+/u, '')) ? findDate(rest) : null;
    if (date) return date;
  }
  return null;
}

/** Whether a line is a publication line with its date (`Ngày đăng: 26/06/2025 15:42`). */
export function isPublicationLine(line: string): boolean {
  const m = PUBLICATION_LINE.exec(line.trim());
  return m !== null && /^[\d(]|^ngày\s+\d/iu.test(m[2]!.trim().replace(/^[*_\s]+/u, '')) && findDate(m[2]!) !== null;
}

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
      // A Markdown headline (`# Tiêu đề`) is titled without its marks.
      title = line.text.replace(/^#{1,6}\s+/u, '');
      bodyStart = line.end;
    }
  }
  // Only a stamp dates an article: the first date of its opening sentences is an event's or a cited document's
  // (`Ngày 13-11-2018, Bộ Chính trị đã ban hành Kết luận số 38-KL/TW`, `sinh ngày 25 tháng 8 năm 1961`).
  while (bodyStart < cleanText.length && /\s/u.test(cleanText[bodyStart]!)) bodyStart++;
  return { title, date, bodyStart };
}
