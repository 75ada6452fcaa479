/**
 * Removes web-page furniture that scraped articles carry: rating widgets, banners, related-article lists,
 * "to be continued" and source lines, duplicated image captions. Works line by line on NFC text, and keeps
 * every letter of the lines it keeps.
 */
import { isRecipientsLine, isSignatureLead } from './closing-block.js';
import { isPublicationLine } from './metadata.js';
import { wordCount } from './normalize.js';

/** Lines that are furniture wherever they stand. */
const NOISE_LINE: RegExp[] = [
  /^\(\d+ (votes?|phiếu|lượt bình chọn)\)$/iu,
  /^Tổng số điểm của bài viết là:/iu,
  /^Xếp hạng:\s*[\d.,]+/iu,
  /^Click để đánh giá bài viết/iu,
  /^Banner\b/iu,
  /^Còn tiếp\s*(\.\.\.|…)?$/iu,
  /^Nguồn tin:/iu,
  /^Ban Biên tập$/iu,
  /^(Chia sẻ|Bản in|In bài viết|Gửi email|Lượt xem:?)\s*[\d.]*$/iu,
  /^\d+ (giây|phút|giờ|ngày|tuần|tháng|năm) trước$/iu,
  // Legal-text sites wrap documents in notices and loaders.
  /^Bản dịch này thuộc quyền sở hữu của/iu,
  /has the copyright on this translation/iu,
  /^THƯ VIỆN PHÁP LUẬT\b/u,
  /^Click vào phần bôi vàng/iu,
  /^Đang tải văn bản/iu,
  /^CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN$/u,
  /^Các nội dung của VB này được VB khác thay đổi/iu,
  /^: Sửa đổi, thay thế/iu,
  // Lines of markup only: table bars, rules, heading and emphasis marks, close buttons.
  /^[|#*_=~\-–—\s]+$|^X$/u,
];

/** Headings after which a page only lists other pages: the rest of the page is dropped unless it holds prose. */
const TAIL_MARKER =
  /^(Các bài viết khác|Các tin khác|Bài viết liên quan|Tin liên quan|Tin cùng chuyên mục|Mới nhất|Xem nhiều nhất|Đọc nhiều nhất|Những tin mới hơn|Những tin cũ hơn|Phản hồi|Bình luận|Ý kiến bạn đọc|Các tin đã đưa ngày:?)$/iu;

/** A body paragraph: long enough and ends like a sentence. Its presence after a tail marker keeps the tail. */
function isProse(line: string): boolean {
  return wordCount(line) >= 40 && /[.!?…:;”"»)]$/u.test(line);
}

/** A rating widget's score stands alone on a line just before its "(N votes)" line. */
function isScoreBeforeVotes(lines: string[], i: number): boolean {
  if (!/^\d+([.,]\d+)?$/.test(lines[i]!)) return false;
  const next = lines.slice(i + 1).find((l) => l !== '');
  return next !== undefined && NOISE_LINE[0]!.test(next);
}

export function removeBoilerplate(nfcText: string): string {
  const lines = nfcText.split('\n').map((l) =>
    l
      // Markdown emphasis from web extracts is markup, not text.
      .replace(/\*\*/g, '')
      .replace(/[\s\u00A0]+$/u, '')
      .replace(/^[\s\u00A0]+/u, ''),
  );
  const kept: string[] = [];
  let lastNonEmpty = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      if (kept.length > 0 && kept[kept.length - 1] !== '') kept.push('');
      continue;
    }
    if (TAIL_MARKER.test(line) && !lines.slice(i + 1).some(isProse)) break;
    if (TAIL_MARKER.test(line)) continue;
    if (NOISE_LINE.some((re) => re.test(line)) || isScoreBeforeVotes(lines, i)) continue;
    // Saved pages print an image's caption twice (alt text, then caption): both are picture furniture.
    if (line === lastNonEmpty && isCaptionLike(line)) {
      while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
      if (kept[kept.length - 1] === line) kept.pop();
      lastNonEmpty = '';
      continue;
    }
    if (line === lastNonEmpty) continue;
    kept.push(line);
    lastNonEmpty = line;
  }
  return dropTrailingList(kept).join('\n');
}

/** Short and not a sentence: a caption, a link title, a heading. */
function isCaptionLike(line: string): boolean {
  return wordCount(line) < 30 && !/[.!?…]$/u.test(line);
}

/** A line that ends a paragraph of body text. */
function isBodyLine(line: string): boolean {
  return wordCount(line) >= 15 && /[.!?…”"»)]$/u.test(line);
}

/** An author's or speaker's signature or credit line, which closes many articles. */
const CREDIT = /^(Tác giả|Nguồn:|Theo \p{Lu}|Theo [\p{Ll}\d.-]+\.vn$|(?:Tin(?:,| và)\s*ảnh|Tin|Bài(?: và ảnh)?|Bài, ảnh|Ảnh)\s*:|\p{Lu}\.\s?\p{Lu}\p{Ll}+\s*$|[\p{Lu}][\p{Ll}]*(\s+[\p{Lu}][\p{Ll}]*){1,4}\s*([-–,(]|$))/u;

/** A link to the original page (`Link bài viết gốc: https://…`, `Link bài gốc: …`, a bare URL): furniture between credit lines. */
const SOURCE_LINK = /^(?:\S+(?:\s+\S+){0,4}\s*:?\s*)?https?:\/\/\S+$/iu;

/**
 * By density: after the last paragraph of body text, a run of three or more short lines is a list of links to
 * other pages, whatever its heading says. The credit run right after the body is kept: signature, `Theo …`,
 * `Tác giả: …`, `Nguồn: …` and the publication line (`Giờ đăng: 06/08/2025 18:11`), which a reader needs; the
 * original page's link between them goes.
 */
function dropTrailingList(lines: string[]): string[] {
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let lastBody = -1;
  lines.forEach((l, i) => {
    if (isBodyLine(l)) lastBody = i;
  });
  const tail = lines.slice(lastBody + 1).filter((l) => l !== '');
  if (lastBody === -1 || tail.length < 3 || !tail.every(isCaptionLike)) return lines;
  // A signature block (`T/M BAN THƯỜNG VỤ` / `PHÓ BÍ THƯ` / name) or a `Nơi nhận:` list is content, not links.
  if (tail.some((l) => isSignatureLead(l) || isRecipientsLine(l))) return lines;
  const keep = lines.slice(0, lastBody + 1);
  const credits = tail.filter((l) => !SOURCE_LINK.test(l));
  // A unit signs right above the outlet it wrote for: `Ban Thanh tra tổng hợp` / `Theo Cổng Thông tin …`.
  const isCredit = (line: string, i: number) =>
    (CREDIT.test(line) && wordCount(line) <= 20) ||
    isPublicationLine(line) ||
    (wordCount(line) <= 8 && /^\p{Lu}/u.test(line) && /^(Theo \p{Lu}|Nguồn:)/u.test(credits[i + 1] ?? ''));
  // The credit run follows the body, or closes the page after photo captions (`Tin, ảnh: Vũ Phong` / `Theo …`).
  let head = 0;
  while (head < credits.length && isCredit(credits[head]!, head)) head++;
  let foot = credits.length;
  while (foot > head && isCredit(credits[foot - 1]!, foot - 1)) foot--;
  for (const line of [...credits.slice(0, head), ...credits.slice(foot)]) keep.push('', line);
  return keep;
}
