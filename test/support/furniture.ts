/**
 * Page furniture as a reader sees it: lines that belong to the site, the browser or the page layout, not to the
 * document. An explicit list, independent of the cleaner (src/core/boilerplate.ts, src/core/page-furniture.ts), used
 * to check that no passage carries any of them. Found by reading the shared corpus (legal portals, Wikipedia, news
 * explainers, printed web pages).
 */
export const FURNITURE_PATTERNS: [kind: string, pattern: RegExp][] = [
  // Rating widgets, related-article lists, "to be continued" (news and Party web sites).
  ['rating', /^\(\d+ votes?\)$|Tổng số điểm của bài viết|^Xếp hạng:|Click để đánh giá/u],
  ['related list', /^(Các bài viết khác|Các tin khác|Tin liên quan|Bài viết liên quan|Tin cùng chuyên mục|Mới nhất|Xem nhiều nhất|Đọc nhiều nhất|Những tin (mới|cũ) hơn|Các tin đã đưa ngày:?)$/u],
  ['banner', /^Banner\b|^Còn tiếp\s*(\.\.\.|…)?$|^Nguồn tin:/u],
  // Legal portals (thuvienphapluat and the like).
  ['portal notice', /Bản dịch này thuộc quyền sở hữu|has the copyright on this translation|Đang tải văn bản|^CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN$|Các nội dung của VB này được VB khác/u],
  ['portal legend', /^(Double )?[Cc]lick (vào|trái|phải|để)(?![\p{L}\p{N}])/u],
  ['portal login', /Đăng xuất khỏi Tài khoản|Tài khoản hiện đã đủ người|Quý khách Đăng nhập vào thì|đăng nhập quá nhiều lần|rò rỉ mật khẩu|bị lộ mật khẩu|Xin lỗi Quý khách vì sự bất tiện/u],
  ['portal data notice', /Thỏa thuận Bảo (vệ|về) Dữ liệu cá nhân|Lưu trữ, Sử dụng Thông tin Khách hàng|Cảm ơn đã dùng ThuVienPhapLuat|^Thưa Quý khách|Sứ mệnh của THƯ VIỆN PHÁP LUẬT|^Kính gửi:\s*Quý Thành viên/iu],
  ['portal company', /^(Mã số thuế|E-mail):|^Hỗ trợ: \(028\)/u],
  ['portal related', /^(#+\s*)?Văn bản liên quan$|^(#+\s*)?Nội dung chính$/u],
  ['portal fields', /^(Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|Tình trạng):|^(Hiệu lực|Tình trạng):\s*(Đã biết|Còn hiệu lực|Hết hiệu lực)|^(Cập nhật|Ban hành):$/u],
  ['Q&A prompt', /^(Quý khách cần hỏi thêm|Bạn cần hỏi thêm|Mọi thắc mắc|Mời bạn đặt câu hỏi|Gửi câu hỏi)/u],
  // A download label before a title or a colon (`Tải về tệp tin văn bản đã được số hóa` in an API table is text).
  ['download link', /^[*_>\-–\s]*(>+\s*)?(Tải về|TẢI VỀ|Tải file|TẢI FILE)(\s*:|\s+(\p{Lu}|file|word|excel|pdf|mẫu|bản|tại đây))|\bTải về$/u],
  // Wikipedia.
  ['wiki edit link', /\[sửa \| sửa mã nguồn\]|\[sửa\]/u],
  ['wiki citation error', /access-date=|url lưu trữ=|ngày lưu trữ=|\(trợ giúp\)|^Giao diện$/u],
  ['wiki banner', /^Bài viết này (cần thêm chú thích|có nhiều vấn đề|đã từng là ứng cử viên|hiện đang gây tranh cãi)|vi phạm bản quyền của người khác, nó sẽ bị xóa/u],
  ['wiki navbox', /^\| Chính trị và chính phủ Việt Nam \|$/u],
  ['wiki reference heading', /^#+\s*(Tham khảo|Chú thích|Liên kết ngoài|Xem thêm|Đọc thêm)$/u],
  // News: read-more links.
  ['read more', /^(>>\s*|-\s*)?Xem thêm:|^>>\s*Xem thêm|^- Tham khảo thêm$/u],
  ['picture credit', /\(Hình từ Internet\)|\(Ảnh minh họa\)$/u],
  // Browser print headers and footers, PDF running page numbers.
  ['print header', /about:blank|^\d{1,2}:\d{2} \d{1,2}\/\d{1,2}\/\d{2}\b/u],
];

/** Kinds of furniture found in a passage's lines (or in a section label, with `label`). */
export function furnitureIn(text: string, label = false): { kind: string; line: string }[] {
  const hits: { kind: string; line: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    // A heading may name a download (an article titled `Tải file mẫu …`); section labels are headings.
    const heading = label || line.startsWith('#');
    for (const [kind, re] of FURNITURE_PATTERNS) if (re.test(line) && !(heading && kind === 'download link')) hits.push({ kind, line });
  }
  return hits;
}
