import { describe, expect, it } from 'vitest';
import { articleKind, findAuthor } from '../../src/core/article-byline.js';

const author = (text: string) =>
  findAuthor(
    text,
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );

describe('findAuthor', () => {
  it.each([
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTin, ảnh: Minh Châu', 'Minh Châu'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTác giả bài viết: Đồng chí Phạm Nguyễn Hoàng Vũ', 'Phạm Nguyễn Hoàng Vũ'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTheo Nguyễn Thế Dương', 'Nguyễn Thế Dương'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nHà Ban - Ban Tuyên giáo', 'Hà Ban'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTác giả Trần Văn Bình', 'Trần Văn Bình'],
  ])('%s', (text, name) => expect(author(text)).toBe(name));

  it('does not take a source or a sentence for a byline', () => {
    expect(author('Lịch sử\nTác giả Louise Brown nhận định: Mặt trận được điều khiển từ Hà Nội.\nXem thêm')).toBeNull();
    expect(author('Tin tức\nTheo Quy định số 89-QĐ/TW ngày 4 tháng 8 năm 2017 của Ban Chấp hành Trung ương Đảng thì tiêu chuẩn chung gồm nhiều điều.')).toBeNull();
  });
});

describe('findAuthor: the closing credit run of a reposted page', () => {
  const body = 'Hội nghị đã biểu quyết thông qua Nghị quyết Hội nghị lần thứ 39 với tỷ lệ 100% nhất trí.';
  it.each([
    // A portal credited alone is the author (xaydungchinhsach.chinhphu.vn, quochoi.vn reposts).
    [[body, 'Theo Cổng Thông tin điện tử Chính phủ', 'Link bài viết gốc: https://xaydungchinhsach.chinhphu.vn/a.htm', 'Ngày đăng: 26/06/2025 15:42'], 'Cổng Thông tin điện tử Chính phủ'],
    [[body, 'Theo TTXVN', 'Nguồn: Cổng thông tin điện tử tỉnh Lào Cai', 'Ngày đăng: 31/10/2025', 'https://www.laocai.gov.vn/tin-trong-nuoc/a-1549137', 'Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.'], 'TTXVN'],
    // The writer outranks the outlet.
    [[body, 'Theo Báo Điện tử Chính phủ', 'Tác giả: Phương Nhi', 'Giờ đăng: 06/08/2025 18:11'], 'Phương Nhi'],
    [[body, 'Long Hồ - Nguyễn Nam', 'Theo Thanhuytphcm.vn', 'https://www.hcmcpv.org.vn/tin-tuc/a-1491936018', 'Ngày giờ đăng bài viết gốc: 22:17 15-04-2025'], 'Long Hồ - Nguyễn Nam'],
    [[body, 'Lan Hương - Anh Thư - Cao Hoàng - Trung Hiếu - Thế Anh', 'Theo Cổng thông tin điện tử Quốc hội Việt Nam', 'Ngày đăng bài viết gốc: 29/05/2025'], 'Lan Hương - Anh Thư - Cao Hoàng - Trung Hiếu - Thế Anh'],
    [[body, '*Bùi Lan Anh - Vũ Hiếu - Thế Anh *', 'Theo Cổng thông tin điện tử Quốc hội Việt Nam', 'Ngày giờ đăng bài viết gốc: 17/06/2025'], 'Bùi Lan Anh - Vũ Hiếu - Thế Anh'],
    // The wire agency closing the text outranks the portal that reposted it.
    [[body, '(TTXVN)', 'Theo Cổng thông tin điện tử Chính phủ', 'Giờ đăng bài viết gốc: 14/04/2025 23:02'], 'TTXVN'],
    // A shortened family name; an outlet credited by its domain; a `Link bài gốc:` line between the credits.
    [[body, 'M.Hiệp', 'Theo thanhuytphcm.vn', 'https://www.hcmcpv.org.vn/tin-tuc/tphcm-huong-dan-cong-tac-tuyen-dung', 'Ngày giờ đăng bài viết gốc: 19:20 11-04-2025'], 'M.Hiệp'],
    [[body, 'Theo thanhuytphcm.vn', 'Ngày giờ đăng bài viết gốc: 19:20 11-04-2025'], 'thanhuytphcm.vn'],
    [[body, 'Theo Cổng TTĐT Thành phố Hồ Chí Minh', 'Link bài gốc: https://hochiminhcity.gov.vn/vi/web/hcm/w/ai-hoi', 'Ngày đăng bài viết gốc: 29/09/2025, 07:30 SA'], 'Cổng TTĐT Thành phố Hồ Chí Minh'],
    [[body, 'Bảo Ninh', 'Theo Cổng TTĐT Thành phố Hồ Chí Minh', 'Link bài gốc: https://hochiminhcity.gov.vn/vi/web/hcm/w/ai-hoi', 'Ngày đăng bài viết gốc: 15:04 6/10/2025'], 'Bảo Ninh'],
    // A unit signing right above the outlet it wrote for.
    [[body, 'Ban Thanh tra tổng hợp', 'Theo Cổng Thông tin Học viện Chính trị quốc gia Hồ Chí Minh', 'https://hcma.vn/Pages/chi-tiet-tin-tuc.aspx?cm=29&ItemID=19218', 'Ngày giờ đăng bài viết gốc: 09:31 11/04/2025'], 'Ban Thanh tra tổng hợp'],
  ])('%j', (lines, name) => expect(author(lines.join('\n'))).toBe(name));

  it('does not take a cited work, an office or a navigation line for the writer', () => {
    // Vietnamese Wikipedia pages: a reference list, a quoted speech, a category line after the references.
    expect(author('Bút hiệu của Hồ Chí Minh\nHồ Chí Minh (1890-1969) là Chủ tịch nước.\n^Từ Nguyễn Tất Thành đến Hồ Chí Minh - Tác giả: Lữ Phương)\n## Tài liệu')).toBeNull();
    expect(author('Kinh tế Việt Nam\n- Diễn đàn thảo luận các chủ đề kinh tế\nPhát biểu của Tổng Bí thư')).toBeNull();
    expect(author('Tô Lâm\nÔng là Tổng Bí thư.\nĐoạn 1.\nĐoạn 2.\nĐoạn 3.\nNăm 2024, bài viết của Tô Lâm về xây dựng hệ thống chính trị được chú ý.')).toBeNull();
    expect(author('Sóc Trăng\nSóc Trăng là một tỉnh cũ ven biển thuộc vùng Đồng bằng sông Cửu Long.\n## Tham khảo\n[sửa | sửa mã nguồn].\nSóc Trăng (tỉnh)')).toBeNull();
  });

  it('does not take a sentence of the body that starts with Theo for a credit', () => {
    expect(author('Tin tức\nTheo Thủ tướng Phạm Minh Chính, tăng trưởng phải nhanh và bền vững.')).toBeNull();
    expect(author(`Tin tức\n${body}\n(Điều 2 Luật Tổ chức Tòa án nhân dân 2024)\nQuý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.`)).toBeNull();
    expect(author(`Tin tức\n${body}\nQuý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.`)).toBeNull();
  });
});

describe('articleKind', () => {
  it('tells contributions and speeches from articles', () => {
    expect(articleKind('Tham luận tại Đại hội', [])).toBe('tham luận');
    expect(articleKind('Bài phát biểu của đồng chí Tổng Bí thư', ['Phát biểu chỉ đạo tại hội nghị'])).toBe('phát biểu');
    expect(articleKind('Nâng cao chất lượng sinh hoạt chi bộ', [])).toBe('bài viết');
  });
});
