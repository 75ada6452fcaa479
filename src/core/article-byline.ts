/**
 * Who wrote or spoke an article or speech, and what kind of piece it is, as Vietnamese news and Party sites print
 * them: `Tác giả: …`, `Tin, ảnh: …`, `Theo …`, a byline under the headline (`Đồng chí …`, `PGS.TS …`), a
 * `Tham luận của …` / `Bài phát biểu của …` opening, or a closing signature line (`Nguyễn Văn A - Ban Tuyên giáo`).
 */
import type { DocumentKind } from './references.js';

/** A person's name: two to five capitalised syllables on one line. */
const NAME = '\\p{Lu}\\p{Ll}*(?:[ \\t]+\\p{Lu}\\p{Ll}*){1,4}';
/** A closing signature may shorten the family name: `M.Hiệp`, `N. Minh Anh`. */
const SIGNED_NAME = `(?:\\p{Lu}\\.[ \\t]?\\p{Lu}\\p{Ll}+(?:[ \\t]+\\p{Lu}\\p{Ll}*){0,3}|${NAME})`;
const HONORIFIC = '(?:(?:đồng chí|Đồng chí|đ\\/c|Đ\\/c|PGS\\.?|GS\\.?|TS\\.?|ThS\\.?|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá)\\s*)*';

const AUTHOR_PATTERNS: RegExp[] = [
  // `Tác giả: …` opens its own line; inside a reference (`Từ Nguyễn Tất Thành đến Hồ Chí Minh - Tác giả: Lữ Phương`)
  // it credits the cited work.
  new RegExp(`^[*_\\s]*Tác giả(?: bài viết)?:\\s*${HONORIFIC}(${NAME})`, 'mu'),
  // `Tác giả Nguyễn Văn A` alone on its line (in running text `Tác giả X nhận định` cites, it does not sign).
  new RegExp(`^Tác giả\\s+${HONORIFIC}(${NAME})\\s*$`, 'mu'),
  new RegExp(`^(?:Tin(?:,| và)\\s*ảnh|Tin|Bài(?: và ảnh)?|Bài, ảnh)\\s*:\\s*${HONORIFIC}(${NAME})`, 'mu'),
];
/**
 * `Tham luận của …` / `Bài phát biểu của …` in the opening lines; the name must end there (`Phát biểu của Tổng Bí
 * thư` names an office, and further down the text `bài viết của Hồ Chí Minh thời kỳ này` cites).
 */
const OPENING = new RegExp(`(?:Tham luận|[Bb]ài phát biểu|[Pp]hát biểu|[Bb]ài viết) của\\s+${HONORIFIC}(${NAME})(?![ \\t]*\\p{Ll})`, 'u');
const OPENING_LINES = 5;
const BYLINE = new RegExp(`^${HONORIFIC}(${NAME})\\s*(?:[,–-]|$)`, 'u');
/** `Theo Nguyễn Văn A` on a short line of its own. */
const THEO = new RegExp(`^Theo\\s+${HONORIFIC}(${NAME})\\s*(?:[-–(]|$)`, 'u');
/** A closing signature: a name, then a dash or comma and a position, on a short line of its own. */
const SIGNATURE = new RegExp(`^(${SIGNED_NAME})\\s*(?:[-–,(]\\s*\\S.*)?$`, 'u');
/** Several writers signing together: `Lan Hương - Anh Thư - Cao Hoàng`, `Long Hồ - Nguyễn Nam`. */
const NAMES = new RegExp(`^${SIGNED_NAME}(?:\\s*[-–]\\s*${SIGNED_NAME})+$`, 'u');
/** First words of a body's name, not a person's (`Ban Tuyên giáo`, `Phòng Chính sách`, `Cổng Thông tin`). */
const BODY_WORD =
  /^(Ban|Phòng|Sở|Bộ|Cục|Báo|Đài|Tạp chí|Trung tâm|Văn phòng|Ủy ban|Uỷ ban|Hội đồng|Đảng ủy|Đảng bộ|Huyện ủy|Tỉnh ủy|Thành ủy|Xã|Phường|Chi bộ|Tổ|Cổng|Trường|Viện|Học viện|Cơ quan)\s/iu;
/** A credit to the outlet or portal a piece is taken from: `Theo TTXVN`, `Theo Cổng Thông tin điện tử Chính phủ`. */
const THEO_OUTLET = /^Theo\s+(\p{Lu}[^;:!?]*?|[\p{Ll}\d-]+(?:\.[\p{Ll}\d-]+)*\.(?:vn|com|net|org))\s*$/u;
const SOURCE_OUTLET = /^Nguồn\s*:\s*(\p{Lu}[^;:!?]*?)\.?\s*$/u;
/** A link to the original page (`Link bài gốc: https://…`, `Nguồn bài viết gốc: https://…`), or a portal's question box, between or after the credit lines. */
const CREDIT_FURNITURE = /^(?:\S+(?:\s+\S+){0,4}\s*:?\s*)?https?:\/\/\S+$|^Quý khách cần hỏi thêm/iu;
/** A publication line, which stands among the credits: `Ngày đăng: …`, `Giờ đăng bài viết gốc: …`. */
const PUBLICATION = /^(Ngày giờ đăng|Ngày đăng|Giờ đăng|Thời gian đăng|Đăng ngày|Cập nhật|Ngày cập nhật)\b/iu;
const words = (line: string) => line.split(/\s+/).length;

/**
 * The closing credit run of a page, read from its end up to the last body paragraph: its signature (a name, names
 * joined by dashes, a wire agency in brackets `(TTXVN)`, or a unit signing right above a `Theo …` line), else a `Theo <person>`, else the outlet of
 * `Theo …` (`TTXVN`, `Cổng Thông tin điện tử Chính phủ`: the only credit is the author), else the `Nguồn:` outlet.
 */
function closingCredit(lines: string[]): string | null {
  let signature: string | null = null;
  let theo: string | null = null;
  let source: string | null = null;
  let afterTheo = false;
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 6; i--, seen++) {
    // Emphasis marks a web extract leaves around a credit (`*Bùi Lan Anh - Vũ Hiếu - Thế Anh *`) are markup.
    const line = lines[i]!.replace(/^[*_\s]+|[*_\s]+$/gu, '');
    if (CREDIT_FURNITURE.test(line) || PUBLICATION.test(line)) continue;
    if (words(line) > 15 || /[.!?…:;”"»]$/u.test(line)) break;
    const outlet = THEO_OUTLET.exec(line);
    const src = SOURCE_OUTLET.exec(line);
    if (outlet) {
      theo ??= outlet[1]!;
      afterTheo = true;
      continue;
    }
    if (src) {
      source ??= src[1]!;
      continue;
    }
    // An agency is an acronym (`TTXVN`, `VNA`); a bracketed citation (`(Điều 2 Luật …)`) is not a credit.
    // A signature closes a body paragraph; after a reference list or a category line (`[sửa | sửa mã nguồn].`,
    // `Kiên Giang`) a short capitalised line is navigation, not a writer.
    const prev = lines[i - 1] ?? '';
    const closesBody = words(prev) >= 6 && /[.!?…”"»)]$/u.test(prev) && !/\[sửa/u.test(prev);
    if (!closesBody && !afterTheo) break;
    const agency = /^\((\p{Lu}[\p{Lu}\d./&-]{1,15})\)$/u.exec(line);
    if (agency) return agency[1]!;
    if (NAMES.test(line) && !line.split(/\s*[-–]\s*/u).some((part) => BODY_WORD.test(part))) return line;
    const sig = SIGNATURE.exec(line);
    if (sig && !BODY_WORD.test(sig[1]!)) return sig[1]!;
    if (afterTheo && words(line) <= 6 && /^\p{Lu}/u.test(line)) signature = line;
    break;
  }
  return signature ?? theo ?? source;
}

/** The author or speaker of an article from its text and its non-empty trimmed lines, or null. */
export function findAuthor(text: string, lines: string[]): string | null {
  for (const re of AUTHOR_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1]!;
  }
  const opening = OPENING.exec(lines.slice(0, OPENING_LINES).join('\n'));
  if (opening) return opening[1]!;
  const byline = lines[1] ? BYLINE.exec(lines[1]) : null;
  if (byline && /^(Đồng chí|Đ\/c|PGS|GS|TS|ThS)/u.test(lines[1]!)) return byline[1]!;
  for (const l of lines.slice(0, 3)) {
    const theo = words(l) <= 10 ? THEO.exec(l) : null;
    if (theo) return theo[1]!;
  }
  return closingCredit(lines);
}

/** Kind of a piece that is not a formal document: a contribution (tham luận), a speech, or an article. */
export function articleKind(title: string | null, head: string[]): DocumentKind {
  const opening = [title ?? '', ...head.slice(0, 4)].join('\n');
  if (/\bTham luận\b|^Tham luận/imu.test(opening)) return 'tham luận';
  if (/[Pp]hát biểu (của|tại|chỉ đạo)/u.test(opening)) return 'phát biểu';
  return 'bài viết';
}
