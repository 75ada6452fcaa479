/**
 * The title block of a formal document, under its letterhead: the kind line (`NGHỊ QUYẾT`, also letter-spaced `N G
 * H Ị   Q U Y Ế T`), an optional `CỦA …` line, and the subject (trích yếu) over as many lines as it takes, in capitals
 * or in the Party's lower-case `về …` style. Official letters (công văn) have a `V/v …` subject instead of a kind
 * line. The block never takes in a section heading (`I. TÌNH HÌNH`), the enacting authority line over `Căn cứ …`, or
 * the body.
 */
import { kindOfWords, type DocumentKind } from './references.js';
import { isCaps, type TextLine } from './text-lines.js';
import { KIND_START } from './letterhead.js';

export interface TitleBlock {
  /** Kind line + `CỦA …` line + subject lines, joined with single spaces, as printed (a letter-spaced kind closed up). */
  title: string;
  kind: DocumentKind | null;
  /** The `CỦA …` line without `CỦA` (`BỘ CHÍNH TRỊ`), or null. */
  of: string | null;
  /** The enacting authority's caps line(s) over the preamble (`THỦ TƯỚNG CHÍNH PHỦ`, `QUỐC HỘI`), or null. */
  authority?: string | null;
  /** Index in the lines of the first line after the block. */
  next: number;
  /** Span [start, end) of the block in the stored text. */
  start: number;
  end: number;
}

/** Section headings and legal divisions: the body has begun. */
const HEADING = /^(?:[IVXLC]+\s*[.\-–)]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)|Điều\s+\d|Chương\s+[IVXLC\d]|CHƯƠNG\s|Phần\s|PHẦN\s|Mục\s+\d|MỤC\s|MỞ ĐẦU$|[-–+•])/u;
/** Lines that open a body, a preamble or a greeting. */
const BODY_OPENING = /^(Căn cứ|Xét|Theo đề nghị|Thực hiện|Triển khai|Kính gửi|Tại phiên họp|Tại Hội nghị|Trong|Ngày\s+\d)/u;
const CONTINUES_SUBJECT = /^(về|v\/v|về việc|ban hành|quy định|phê duyệt|sửa đổi)(?![\p{L}\p{N}])/iu;
const MAX_SUBJECT_LINES = 8;

/** `N G H Ị   Q U Y Ế T` → `NGHỊ QUYẾT`, when closed up it spells a kind; else null. */
function closeUpLetterSpaced(text: string): string | null {
  if (!/^(\p{Lu}\s+){3,}\p{Lu}$/u.test(text)) return null;
  const letters = text.replace(/\s+/g, '');
  for (const kind of KIND_WORDS) if (letters === kind.replace(/ /g, '')) return kind;
  return null;
}

const KIND_WORDS = ['CÔNG ĐIỆN', 'NGHỊ QUYẾT', 'CHỈ THỊ', 'KẾT LUẬN', 'QUY ĐỊNH', 'QUY CHẾ', 'HƯỚNG DẪN', 'QUYẾT ĐỊNH', 'NGHỊ ĐỊNH', 'THÔNG TƯ', 'KẾ HOẠCH', 'THÔNG BÁO', 'BÁO CÁO', 'THÔNG TRI', 'TỜ TRÌNH', 'ĐỀ ÁN', 'CHƯƠNG TRÌNH', 'LỜI KÊU GỌI', 'ĐIỀU LỆ', 'LUẬT'];

/** The kind line as it is to be written, or null when the line is not one. */
function kindLine(text: string): string | null {
  const spaced = closeUpLetterSpaced(text);
  if (spaced) return spaced;
  return KIND_START.test(text) && isCaps(text) && text.split(' ').length <= 30 ? text : null;
}

/** Capitals, digits and punctuation only (`2026 - 2030` continues a caps subject). */
const noLower = (text: string) => !/\p{Ll}/u.test(text);

/** Who enacts, named over the preamble: `ỦY BAN NHÂN DÂN TỈNH …`, `CHỦ TỊCH …`, `BAN BÍ THƯ`, `THỦ TƯỚNG CHÍNH PHỦ`. */
const AUTHORITY =
  /^(CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|TỔNG KIỂM TOÁN|THỐNG ĐỐC|(ỦY|UỶ) BAN|HỘI ĐỒNG|BAN (?!HÀNH)|BỘ |CHÍNH PHỦ|QUỐC HỘI|ĐẢNG (ỦY|UỶ)|(TỈNH|HUYỆN|THÀNH) (ỦY|UỶ)|GIÁM ĐỐC|CHÁNH VĂN PHÒNG)/u;

/** A caps line that names who enacts, right over `Căn cứ …` (or a `CHỦ TỊCH …` line, which never is a subject). */
function isAuthorityLine(lines: TextLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (/^(CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|TỔNG KIỂM TOÁN|THỐNG ĐỐC)(?![\p{L}\p{N}])/u.test(text)) return true;
  return AUTHORITY.test(text) && BODY_OPENING.test(lines[i + 1]?.text ?? '');
}

/**
 * The title block starting at line `from` (the first line after the letterhead), or a công văn title from its
 * `V/v` subject. `subject` is the letterhead's `V/v …` text, if any.
 */
export function readTitleBlock(lines: TextLine[], from: number, subject: string | null = null): TitleBlock | null {
  const first = lines[from];
  const kindText = first ? kindLine(first.text) : null;
  if (!first || kindText === null) {
    if (subject) return { title: subject, kind: 'công văn', of: null, next: from, start: first?.start ?? 0, end: first?.start ?? 0 };
    return null;
  }
  const parts = [kindText];
  const kind = kindOfWords(kindText.toLocaleLowerCase('vi'));
  // A plain text file separates the title block from the body by a blank line; a reflowed page separates every line.
  const dense = lines[from + 1] !== undefined && !lines[from + 1]!.gapBefore;
  let of: string | null = null;
  let i = from + 1;
  let mode: 'caps' | 'lower' | null = null;
  let subjectLines = 0;
  for (; i < lines.length && subjectLines < MAX_SUBJECT_LINES; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (dense && line.gapBefore && subjectLines > 0) break;
    if (HEADING.test(text) || BODY_OPENING.test(text)) break;
    if (of === null && mode === null && /^CỦA\s/iu.test(text)) {
      of = text.replace(/^CỦA\s+/iu, '');
      parts.push(text);
      continue;
    }
    if (mode === null) {
      // The subject always comes before the authority line, so only a `CHỦ TỊCH …` line can end the block here.
      if (noLower(text) && !/^(CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG)(?![\p{L}])/u.test(text) && !/[.;:]$/u.test(text)) mode = 'caps';
      else if (CONTINUES_SUBJECT.test(text) && !/[;]$/u.test(text)) mode = 'lower';
      else break;
    } else if (mode === 'caps') {
      // A subject line left hanging on `CỦA`, `VÀ`, `TẠI` … goes on, whatever the next line starts with. `SỐ` does
      // not hang: it ends `CHÍNH PHỦ SỐ`, `CHUYỂN ĐỔI SỐ`, and a number after it starts with a digit anyway. An
      // authority line right over `Căn cứ …` ends the subject even after a hanging word.
      const hanging = /(?:CỦA|VÀ|TẠI|VỀ|CHO|VỚI|TRONG|Ở|NGÀY|,)$/u.test(lines[i - 1]!.text);
      const overPreamble = AUTHORITY.test(text) && BODY_OPENING.test(lines[i + 1]?.text ?? '');
      if (!noLower(text) || overPreamble || (!hanging && (isAuthorityLine(lines, i) || KIND_WORDS.includes(text)))) break;
    } else if (!/^\p{Ll}/u.test(text) || /[.;:]$/u.test(lines[i - 1]!.text)) break;
    parts.push(text);
    subjectLines++;
  }
  // The enacting authority (`THỦ TƯỚNG CHÍNH PHỦ`, `CHỦ TỊCH ỦY BAN NHÂN DÂN …` over two lines) belongs to the header.
  let end = i;
  let k = end;
  while (k < lines.length && k - end < 2 && isCaps(lines[k]!.text) && lines[k]!.text.split(' ').length <= 20) k++;
  let authority: string | null = null;
  if (k > end && BODY_OPENING.test(lines[k]?.text ?? '')) {
    authority = lines.slice(end, k).map((l) => l.text).join(' ');
    end = k;
  }
  const last = lines[end - 1]!;
  return { title: parts.join(' ').replace(/\s+/g, ' ').trim(), kind, of, authority, next: end, start: first.start, end: last.end };
}
