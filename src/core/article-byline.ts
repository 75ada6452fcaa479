/**
 * Who wrote or spoke an article or speech, and what kind of piece it is, as Vietnamese news and Party sites print
 * them: `Tác giả: …`, `Tin, ảnh: …`, `Theo …`, a byline under the headline (`Đồng chí …`, `PGS.TS …`), a
 * `Tham luận của …` / `Bài phát biểu của …` opening, or a closing signature line (`Nguyễn Văn A - Ban Tuyên giáo`).
 */
import type { DocumentKind } from './references.js';

/** A person's name: two to five capitalised syllables. */
const NAME = '\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4}';
const HONORIFIC = '(?:(?:đồng chí|Đồng chí|đ\\/c|Đ\\/c|PGS\\.?|GS\\.?|TS\\.?|ThS\\.?|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá)\\s*)*';

const AUTHOR_PATTERNS: RegExp[] = [
  new RegExp(`Tác giả(?: bài viết)?:\\s*${HONORIFIC}(${NAME})`, 'u'),
  // `Tác giả Nguyễn Văn A` alone on its line (in running text `Tác giả X nhận định` cites, it does not sign).
  new RegExp(`^Tác giả\\s+${HONORIFIC}(${NAME})\\s*$`, 'mu'),
  new RegExp(`(?:Tham luận|[Bb]ài phát biểu|[Pp]hát biểu|[Bb]ài viết) của\\s+${HONORIFIC}(${NAME})`, 'u'),
  new RegExp(`^(?:Tin(?:,| và)\\s*ảnh|Tin|Bài(?: và ảnh)?|Bài, ảnh)\\s*:\\s*${HONORIFIC}(${NAME})`, 'mu'),
];
const BYLINE = new RegExp(`^${HONORIFIC}(${NAME})\\s*(?:[,–-]|$)`, 'u');
/** `Theo Nguyễn Văn A` on a short line of its own. */
const THEO = new RegExp(`^Theo\\s+${HONORIFIC}(${NAME})\\s*(?:[-–(]|$)`, 'u');
/** A closing signature: a name, then a dash or comma and a position, on a short line of its own. */
const SIGNATURE = new RegExp(`^(${NAME})\\s*(?:[-–,(]\\s*\\S.*)?$`, 'u');

/** The author or speaker of an article from its text and its non-empty trimmed lines, or null. */
export function findAuthor(text: string, lines: string[]): string | null {
  for (const re of AUTHOR_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1]!;
  }
  const byline = lines[1] ? BYLINE.exec(lines[1]) : null;
  if (byline && /^(Đồng chí|Đ\/c|PGS|GS|TS|ThS)/u.test(lines[1]!)) return byline[1]!;
  for (const l of [...lines.slice(0, 3), ...lines.slice(-3)]) {
    const theo = l.split(/\s+/).length <= 10 ? THEO.exec(l) : null;
    if (theo) return theo[1]!;
  }
  const last = lines[lines.length - 1];
  if (last && last.split(/\s+/).length <= 15) {
    const signature = SIGNATURE.exec(last);
    if (signature) return signature[1]!;
  }
  return null;
}

/** Kind of a piece that is not a formal document: a contribution (tham luận), a speech, or an article. */
export function articleKind(title: string | null, head: string[]): DocumentKind {
  const opening = [title ?? '', ...head.slice(0, 4)].join('\n');
  if (/\bTham luận\b|^Tham luận/imu.test(opening)) return 'tham luận';
  if (/[Pp]hát biểu (của|tại|chỉ đạo)/u.test(opening)) return 'phát biểu';
  return 'bài viết';
}
