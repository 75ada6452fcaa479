/**
 * Removes web-page furniture that scraped articles carry: rating widgets, banners, related-article lists,
 * "to be continued" and source lines, duplicated image captions, the second copy of a doubled emphasised line
 * (a portal's bold headline printed twice); legal portals' notices, legends, related-document
 * lists and site tails (login, data-protection and company notices); Wikipedia's edit links and reference sections;
 * news sites' read-more and download links. Works line by line on NFC text; of the lines it keeps it removes only
 * link labels glued to them (`[sửa | sửa mã nguồn]`, a trailing `Tải về`), never a letter of the text.
 * Signature blocks, `Nơi nhận` lists and footnotes are content, and stay; so does a paragraph or table row repeated
 * on purpose (a pledge per member, a form's identical rows).
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
  // Legal portals: table-of-contents label, comparison legends, advertising headings, picture credits.
  /^#*\s*Nội dung chính$/u,
  /^[*\s]*(Double click|Click trái|Click phải|Tắt so sánh|Rà chuột vào nội dụng)/iu,
  /^#+\s*(Mua bán|Cho thuê)\s.+\stại\s/u,
  /\((Hình|Ảnh) từ Internet\)[\s*]*$/u,
  // A picture's caption: a short line ending with its credit `(Ảnh minh họa)`.
  /^.{0,300}\(Ảnh minh h(?:ọa|oạ)\)[\s*]*$/u,
  // Wikipedia: interface words and citation-template errors.
  /^Giao diện$/u,
  /Nếu nội dung bạn thêm vào vi phạm bản quyền|Sử dụng Wikipedia tức là bạn đã chấp nhận/u,
  /access-date=|url lưu trữ=|ngày lưu trữ=|\(trợ giúp\)/u,
  /^[-\s]*Tham khảo thêm$/iu,
  // Q&A portals' prompts under an answer.
  /^(Quý khách cần hỏi thêm|Bạn cần hỏi thêm|Mời bạn đặt câu hỏi|Mọi thắc mắc (xin )?vui lòng)/iu,
];

/** Wikipedia's maintenance banners. */
const WIKI_BANNER = /^Bài viết này (cần thêm chú thích|có nhiều vấn đề|đã từng là ứng cử viên|hiện đang gây tranh cãi|có thể chứa nghiên cứu)/u;
/** A lead paragraph's sentence: where a Wikipedia article's text starts, after its infobox. */
const LEAD_SENTENCE = (line: string): boolean => !line.startsWith('|') && wordCount(line) >= 6 && /[.!?…:;)\]]$/u.test(line);

/** A one-cell table row standing alone, without figures: the title of a navigation box (`| Chính trị và … |`). */
function isNavboxTitle(line: string, before: string | undefined, after: string | undefined): boolean {
  return /^\|\s*[^|\d]+\|$/u.test(line) && !before && !after;
}

/**
 * A Wikipedia page's infobox and navigation box: the table rows and their captions between the page title and the
 * lead paragraph. Headings are kept.
 */
function cutWikiInfobox(lines: string[]): string[] {
  const lead = lines.findIndex((l, i) => i > 0 && LEAD_SENTENCE(l));
  if (lead <= 0) return lines;
  return [...lines.slice(0, lead).filter((l, i) => i === 0 || l.startsWith('#') || l === ''), ...lines.slice(lead)];
}

/**
 * Link lines: `Tải về Mẫu …`, `TẢI VỀ Toàn văn … tại đây.`, `Tải file …`: a download label then a title (an API
 * table's `Tải về tệp tin …` goes on in lower case and is text).
 */
const DOWNLOAD_LINE = /^[*_>\-–\s]*(?:>+\s*)?(?:Tải về|TẢI VỀ|Tải file|TẢI FILE)(?:\s*:|\s+(?:\p{Lu}|file|word|excel|pdf|mẫu|bản|tại đây))/u;
/** `Xem thêm: …`, `>> Xem thêm …` before a title; `Xem thêm tại Công văn … .` is a sentence of the text. */
const READ_MORE_LINE = /^[*_>\-–\s]*(?:>+\s*)?(?:Xem thêm|XEM THÊM|Xem chi tiết)(?:\s*:|\s+\p{Lu}|\s+tại đây|$)/u;
const MAX_LINK_WORDS = 60;
/** A `Xem thêm:` list of titles may run longer than a single link label. */
const MAX_LINK_LIST_WORDS = 150;

function isLinkLine(line: string): boolean {
  // `Xem thêm: A, B, C.` lists titles after its colon, whatever ends it and however many (one sentence at most);
  // `Xem thêm tại Công văn … .` is a sentence of the text.
  const listsTitles = /^[*_>\-–\s]*(?:>+\s*)?(?:Xem thêm|XEM THÊM|Xem chi tiết)\s*:/u.test(line) && !/[.!?]\s+\p{Lu}/u.test(line);
  if (wordCount(line) > (listsTitles ? MAX_LINK_LIST_WORDS : MAX_LINK_WORDS)) return false;
  return DOWNLOAD_LINE.test(line) || (READ_MORE_LINE.test(line) && (listsTitles || !/[.!]$/u.test(line) || /tại đây\.?$/u.test(line)));
}

/** Link labels glued to a line's text: Wikipedia's edit links, a download link after a heading. */
const GLUED_LINKS: [RegExp, string][] = [
  [/\[sửa \| sửa mã nguồn\]|\[sửa\]/gu, ''],
  [/\s*\bTải về\s*$/u, ''],
];

/**
 * Where a legal portal's page stops being the document: its "related documents" list, its "not translated" notice,
 * its attachments box, then login, data-protection and company notices. Everything from the first of them on is
 * the site's, provided the page is the portal's (PORTAL_PAGE) and the document came before (a marker at the very
 * top cuts nothing): a letter of its own may well say `Thưa Quý khách,`.
 */
const PORTAL_PAGE = /THƯ VIỆN PHÁP LUẬT|ThuVienPhapLuat|Văn bản này chưa cập nhật nội dung Tiếng Anh/u;
const SITE_TAIL =
  /^(?:#*\s*Văn bản liên quan|Văn bản này chưa cập nhật nội dung Tiếng Anh|FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN|Thưa Quý khách,?|- Bạn vừa bị Đăng xuất khỏi Tài khoản.*|Cảm ơn đã dùng ThuVienPhapLuat\.vn)$/iu;
/** The portal repeats the document's name just before its tail: `Công văn 10988/BNV-CQĐP năm 2025 tuyên truyền …`. */
const PORTAL_NAME_LINE = /^\p{Lu}[\p{L} ]{1,30} \S*\d\S* năm \d{4}\b[^.]*$/u;
const MIN_WORDS_BEFORE_TAIL = 60;

/** Wikipedia sections that only list sources and links. */
const REFERENCE_SECTION = /^(#+)\s*(Tham khảo|Chú thích|Ghi chú|Liên kết ngoài|Xem thêm|Đọc thêm|Nguồn)\s*$/iu;
/** Sections of link lists on any site. */
const LINK_SECTION = /^(#+)\s*(Liên kết ngoài|Xem thêm|Đọc thêm)\s*$/iu;

/** Lines without the site tail of a legal portal (see SITE_TAIL). */
function cutSiteTail(lines: string[]): string[] {
  let words = 0;
  for (let i = 0; i < lines.length; i++) {
    if (SITE_TAIL.test(lines[i]!) && words >= MIN_WORDS_BEFORE_TAIL) {
      let end = i;
      while (end > 0 && lines[end - 1] === '') end--;
      if (end > 0 && PORTAL_NAME_LINE.test(lines[end - 1]!)) end--;
      return lines.slice(0, end);
    }
    words += wordCount(lines[i]!);
  }
  return lines;
}

/**
 * Lines without reference and link sections: on Wikipedia pages (recognised by their edit links) every section of
 * sources; elsewhere `## Xem thêm` / `## Liên kết ngoài` link lists. A section runs to the next heading of its level
 * or above.
 */
function cutReferenceSections(lines: string[], wiki: boolean): string[] {
  const kept: string[] = [];
  let skipLevel = 0;
  for (const line of lines) {
    const heading = /^(#+)\s/u.exec(line);
    if (skipLevel > 0 && heading && heading[1]!.length <= skipLevel) skipLevel = 0;
    if (skipLevel > 0) continue;
    const section = (wiki ? REFERENCE_SECTION : LINK_SECTION).exec(line);
    if (section) {
      skipLevel = section[1]!.length;
      continue;
    }
    kept.push(line);
  }
  return kept;
}

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

/**
 * Lines a web extract set entirely in markdown emphasis (`**…**`, `*…*`, `_…_`), as removeBoilerplate keeps them
 * (bold markers dropped). Legal portals print the page's headline twice in bold under its `#` heading, and some pages
 * print each emphasised subheading or item twice: one copy is furniture. Only these repeats go: a plain report that
 * repeats a paragraph (a pledge per member, a form's rows) keeps every copy.
 */
function emphasisedLines(nfcText: string): Set<string> {
  const lines = new Set<string>();
  for (const m of nfcText.matchAll(/^[ \t\u00A0]*(\*\*|\*|_)(?=\S).+\1[ \t\u00A0]*$/gmu)) lines.add(m[0].replace(/\*\*/g, '').trim());
  return lines;
}

/** A markdown table row with a cell of text or figures: a doubled row is data, not a doubled caption. */
function isTableRow(line: string): boolean {
  return line.includes('|') && /[\p{L}\p{N}]/u.test(line);
}

export function removeBoilerplate(nfcText: string): string {
  // Wikipedia, by its edit links, or by its source sections together with numbered citation marks.
  const wiki = /\[sửa \| sửa mã nguồn\]/u.test(nfcText) || (/^#+\s*(Tham khảo|Chú thích|Liên kết ngoài)\s*$/mu.test(nfcText) && /\p{L}[.,]?\[\d+\]/u.test(nfcText));
  let lines = nfcText.split('\n').map((l) => {
    // Markdown emphasis from web extracts is markup, not text.
    let line = l.replace(/\*\*/g, '');
    for (const [re, by] of GLUED_LINKS) line = line.replace(re, by);
    return line.replace(/[\s\u00A0]+$/u, '').replace(/^[\s\u00A0]+/u, '');
  });
  if (PORTAL_PAGE.test(nfcText)) lines = cutSiteTail(lines);
  lines = cutReferenceSections(lines, wiki);
  lines = lines.filter((l) => !WIKI_BANNER.test(l));
  if (wiki) lines = cutWikiInfobox(lines).filter((l, i, all) => !isNavboxTitle(l, all[i - 1], all[i + 1]));
  const emphasised = emphasisedLines(nfcText);
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
    // The portal's colour legend wraps: `: Sửa đổi, thay thế,` / `hủy bỏ`.
    if (line === 'hủy bỏ' && /^: Sửa đổi, thay thế/u.test(lines.slice(0, i).reverse().find((l) => l !== '') ?? '')) continue;
    if (isLinkLine(line)) continue;
    // A web extract's doubled emphasised line (headline, subheading): one copy is furniture, the other content.
    if (line === lastNonEmpty && emphasised.has(line)) continue;
    // Saved pages print an image's caption twice (alt text, then caption): both are picture furniture.
    if (line === lastNonEmpty && isCaptionLike(line) && !isTableRow(line)) {
      while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
      if (kept[kept.length - 1] === line) kept.pop();
      lastNonEmpty = '';
      continue;
    }
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
  // Headings and table rows in the tail are the document's structure going on, not a list of links.
  if (lastBody === -1 || tail.length < 3 || !tail.every(isCaptionLike) || tail.some((l) => /^[#|]/u.test(l))) return lines;
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
