import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../src/core/boilerplate.js';
import { toStoredText } from '../../src/core/normalize.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { readCorpusFile, SEED } from '../support/fixtures.js';

const FURNITURE = [
  /^\(\d+ votes\)$/m,
  /Tổng số điểm của bài viết/,
  /Xếp hạng:/,
  /Click để đánh giá/,
  /^Các bài viết khác$/m,
  /^Các tin khác$/m,
  /^Mới nhất$/m,
  /^Xem nhiều nhất$/m,
  /^Những tin (mới|cũ) hơn$/m,
  /^Phản hồi$/m,
  /Các tin đã đưa ngày/,
  /^Banner /m,
  /Còn tiếp/,
  /^Nguồn tin:/m,
  /năm trước\)?$/m,
];

describe('removeBoilerplate', () => {
  for (const [name, id] of Object.entries(SEED)) {
    it(`strips web furniture from the ${name} article and keeps its body`, () => {
      const raw = toStoredText(readCorpusFile(`${id}.txt`));
      const clean = removeBoilerplate(raw);
      for (const re of FURNITURE) expect(clean).not.toMatch(re);
      // Every kept line is a line of the original, letter for letter.
      for (const line of clean.split('\n').filter(Boolean)) expect(raw).toContain(line);
      expect(clean.length).toBeGreaterThan(raw.length * 0.6);
    });

    it(`leaves no furniture in any passage of the ${name} article`, () => {
      const doc = prepareDocument(readCorpusFile(`${id}.txt`), 'txt');
      for (const p of doc.passages) {
        for (const re of [...FURNITURE, /Ban Chấp hành Đảng bộ xã Vĩnh Hựu nhiệm kỳ 2020 - 2025/]) expect(p.text).not.toMatch(re);
        expect(p.section ?? '').not.toMatch(/Vĩnh Hựu nhiệm kỳ/);
      }
    });
  }

  it('keeps a closing signature block of three short lines (signature-block-dropped)', () => {
    const body = 'Ban Thường vụ Đảng ủy thống nhất kết luận như sau: đồng ý giới thiệu đồng chí Bí thư Chi bộ thôn Đông tham gia lớp bồi dưỡng kết nạp đảng.';
    for (const block of [['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Đỗ Thị Mai'], ['Nơi nhận:', '- Như trên;', '- Lưu VP.']]) {
      expect(removeBoilerplate([body, '', ...block].join('\n'))).toBe([body, '', ...block].join('\n'));
    }
  });

  it('drops the rating score that precedes a votes line', () => {
    expect(removeBoilerplate('Tiêu đề\n\n4\n(208 votes)\n\nNội dung.')).toBe('Tiêu đề\n\nNội dung.');
  });

  it('keeps a related-articles heading when prose follows it', () => {
    const prose = 'Đây là một đoạn văn dài '.repeat(10).trim() + '.';
    expect(removeBoilerplate(`Mở đầu.\nTin liên quan\n${prose}`)).toContain(prose);
  });

  it('removes a duplicated image caption, both copies', () => {
    expect(removeBoilerplate('Mở đầu.\n\nBan Chấp hành Đảng bộ xã\n\nBan Chấp hành Đảng bộ xã\n\nNội dung.')).toBe('Mở đầu.\n\nNội dung.');
  });

  it('drops a trailing list of links by density, whatever its heading, and keeps the credit line', () => {
    const body = 'Công tác xây dựng Đảng ở cơ sở cần được quan tâm thường xuyên, liên tục và có trọng tâm, trọng điểm.';
    const page = [body, 'Nguyễn Văn A - Ban Tuyên giáo', 'Bài đọc thêm', 'Hội nghị sơ kết công tác quý III', 'Gương sáng đảng viên trẻ ở cơ sở', 'Tọa đàm về chuyển đổi số'].join('\n');
    expect(removeBoilerplate(page)).toBe(`${body}\n\nNguyễn Văn A - Ban Tuyên giáo`);
  });

  it('keeps the whole credit run of a reposted page and drops the link between its lines', () => {
    const body = 'Hội nghị đã biểu quyết thông qua Nghị quyết Hội nghị lần thứ 39 với tỷ lệ 100% nhất trí, là tiền đề quan trọng.';
    const page = [body, 'Ban Thanh tra tổng hợp', 'Theo Cổng Thông tin Học viện Chính trị quốc gia Hồ Chí Minh', 'https://hcma.vn/Pages/chi-tiet-tin-tuc.aspx?cm=29&ItemID=19218', 'Ngày giờ đăng bài viết gốc: 09:31 11/04/2025'];
    expect(removeBoilerplate(page.join('\n'))).toBe([body, page[1], page[2], page[4]].join('\n\n'));
    const signed = [body, 'Theo Báo Điện tử Chính phủ', 'Tác giả: Phương Nhi', 'Link bài viết gốc: https://baochinhphu.vn/ra-soat-102250806172052656.htm', 'Giờ đăng: 06/08/2025 18:11'];
    expect(removeBoilerplate(signed.join('\n'))).toBe([body, signed[1], signed[2], signed[4]].join('\n\n'));
  });

  it('keeps the credit run that closes a page after its photo captions', () => {
    // tphcm.chinhphu.vn repost: two captions, then `Tin, ảnh: …`, the outlet, the link and the publication line.
    const body = 'Đại hội Đại biểu Đảng bộ TPHCM lần thứ I diễn ra từ ngày 13-15/10, với 550 đại biểu được triệu tập về dự.';
    const page = [body, 'Những tấm pano nhiều màu sắc trên phố Đồng Khởi', 'Màn hình LED trên phố Phạm Ngọc Thạch', 'Tin, ảnh: Vũ Phong', 'Theo Cổng thông tin điện tử Chính phủ', 'Link bài viết gốc: https://tphcm.chinhphu.vn/tphcm-ruc-ro-sac-mau', 'Ngày giờ đăng bài viết gốc: 10/10/2025 6:26 PM'];
    expect(removeBoilerplate(page.join('\n'))).toBe([body, page[3], page[4], page[6]].join('\n\n'));
  });

  it('keeps a short ending that is not a list', () => {
    const body = 'Công tác xây dựng Đảng ở cơ sở cần được quan tâm thường xuyên, liên tục và có trọng tâm, trọng điểm.';
    expect(removeBoilerplate(`${body}\nNguyễn Thế Dương-Tổ đảng Phòng Chính sách`)).toBe(`${body}\nNguyễn Thế Dương-Tổ đảng Phòng Chính sách`);
  });
});

describe('removeBoilerplate on legal portals, Wikipedia and news explainers', () => {
  // The end of a thuvienphapluat page (../shared/corpus/party-web-articles/0d99145eee8ac0ff.md), abridged.
  const portal = [
    'Đang tải văn bản...',
    'Bộ Nội vụ trân trọng cảm ơn và rất mong Quý cơ quan phối hợp làm tốt công tác tuyên truyền để cán bộ, đảng viên và Nhân dân hiểu rõ mục tiêu, ý nghĩa, tạo sự đồng thuận trong tổ chức triển khai thực hiện chủ trương của Đảng, Nhà nước./.',
    '|',
    '*Nơi nhận:*',
    '- Như trên;',
    '- Lưu: VT, Vụ CQĐP.',
    '|',
    '**KT. BỘ TRƯỞNG**',
    'THỨ TRƯỞNG',
    '**Trương Hải Long**',
    '[1] Hồ sơ dự thảo Nghị định hướng dẫn việc lấy ý kiến Nhân dân gửi Bộ Tư pháp thẩm định.',
    'Công văn 10988/BNV-CQĐP năm 2025 tuyên truyền chủ trương, chính sách của Đảng, Nhà nước do Bộ Nội vụ ban hành',
    'Văn bản này chưa cập nhật nội dung Tiếng Anh',
    '## Văn bản liên quan',
    'Ban hành:',
    '18/11/2025',
    'Hiệu lực: Đã biết',
    '**Click trái** để xem cụ thể từng nội dung cần so sánh',
    '**Mã số thuế:**',
    '0315459414',
    'Thưa Quý khách,',
    'Hơn 1 năm qua, dù nhiều khó khăn, chúng ta cũng đã đánh thắng Covid 19 trong 3 trận đầu, với chỉ đạo quyết liệt của Chính phủ.',
    '- Bạn vừa bị Đăng xuất khỏi Tài khoản .',
  ].join('\n');

  it("cuts a portal's site tail and keeps the closing block, the recipients and the footnotes", () => {
    const clean = removeBoilerplate(portal);
    for (const kept of ['Nơi nhận:', '- Như trên;', 'KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Trương Hải Long', '[1] Hồ sơ dự thảo']) expect(clean).toContain(kept);
    for (const gone of ['Văn bản này chưa cập nhật', 'Văn bản liên quan', 'Hiệu lực: Đã biết', 'Click trái', 'Mã số thuế', 'Thưa Quý khách', 'Covid', 'Đăng xuất', 'do Bộ Nội vụ ban hành']) {
      expect(clean).not.toContain(gone);
    }
  });

  it('keeps a page whose tail marker comes before any text, and a letter of its own that greets its readers', () => {
    const page = `THƯ VIỆN PHÁP LUẬT\n## Văn bản liên quan\n${'Nội dung văn bản được giữ nguyên. '.repeat(10)}`;
    expect(removeBoilerplate(page)).toContain('Nội dung văn bản được giữ nguyên.');
    const letter = `${'Ngân hàng trân trọng thông báo lịch nghỉ lễ. '.repeat(10)}\nThưa Quý khách,\nNgân hàng xin cảm ơn Quý khách đã tin dùng dịch vụ.`;
    expect(removeBoilerplate(letter)).toContain('Ngân hàng xin cảm ơn Quý khách');
  });

  it("drops Wikipedia's edit links, infobox, banners and source sections, and keeps its text and tables", () => {
    const page = [
      '# Ban Chỉ đạo Cải cách Tư pháp Trung ương',
      'Bài viết này cần thêm chú thích nguồn gốc để kiểm chứng thông tin. |',
      'Cơ cấu tổ chức',
      '| Cơ quan chủ quản | Văn phòng Chủ tịch nước Bộ Chính trị |',
      '| Cấp hành chính | Cấp Trung ương |',
      '',
      '| Chính trị và chính phủ Việt Nam |',
      '',
      'Ban Chỉ đạo Cải cách Tư pháp Trung ương là cơ quan tham mưu, giúp Bộ Chính trị.[1]',
      '## Nhiệm vụ',
      '[sửa | sửa mã nguồn]- Thảo luận, quyết định chương trình trọng tâm công tác cải cách tư pháp.',
      '| 7 | Lương Cường | 21 tháng 10 năm 2024 – nay |',
      '## Tham khảo',
      '[sửa | sửa mã nguồn]**^**"Ban Chỉ đạo Cải cách tư pháp Trung ương họp phiên thứ nhất". Truy cập ngày 2 tháng 3 năm 2024.',
      '## Liên kết ngoài',
      '- Trang chủ',
    ].join('\n');
    const clean = removeBoilerplate(page);
    expect(clean.split('\n').filter(Boolean)).toEqual([
      '# Ban Chỉ đạo Cải cách Tư pháp Trung ương',
      'Ban Chỉ đạo Cải cách Tư pháp Trung ương là cơ quan tham mưu, giúp Bộ Chính trị.[1]',
      '## Nhiệm vụ',
      '- Thảo luận, quyết định chương trình trọng tâm công tác cải cách tư pháp.',
      '| 7 | Lương Cường | 21 tháng 10 năm 2024 – nay |',
    ]);
  });

  it("drops explainers' table-of-contents label, ad heading, picture credit, read-more and download links and Q&A prompt", () => {
    const body = 'Ngày 24/11/2025, UBND tỉnh Đồng Nai đã có Tờ trình 194/TTr-UBND Dự thảo Nghị quyết ban hành Quy định Bảng giá đất lần đầu trên địa bàn tỉnh.';
    const page = [
      '# Cập nhật Dự thảo Nghị quyết bảng giá đất Đồng Nai năm 2026',
      '## Mua bán Đất tại Đồng Nai',
      '### Nội dung chính',
      '## Toàn văn Nghị quyết 01/2025/NQ-CP về đầu tư mở rộng Cảng hàng không quốc tế Phú Quốc? Tải về',
      body,
      '**>> Tải file mẫu viết sẵn kiểm điểm đảng viên 2025 mẫu 2B Hướng dẫn 43 (Tham khảo)**',
      '*Cập nhật Dự thảo Nghị quyết bảng giá đất Đồng Nai năm 2026 (bản trình thông qua) (Hình từ Internet)*',
      '>>> Xem thêm Mức phụ cấp và trợ cấp ngày công lao động đối với lực lượng dân quân tại tỉnh Quảng Ninh?',
      'Xem thêm: Chi tiết phương án sắp xếp cấp xã của 34 tỉnh thành phố sau hợp nhất?',
      `${body} Tờ trình nêu rõ mục đích.`,
      'Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.',
    ].join('\n');
    expect(removeBoilerplate(page).split('\n').filter(Boolean)).toEqual([
      '# Cập nhật Dự thảo Nghị quyết bảng giá đất Đồng Nai năm 2026',
      '## Toàn văn Nghị quyết 01/2025/NQ-CP về đầu tư mở rộng Cảng hàng không quốc tế Phú Quốc?',
      body,
      `${body} Tờ trình nêu rõ mục đích.`,
    ]);
  });

  it('drops download labels before a title or a colon, and keeps a download described in a table', () => {
    const page = [
      'Tải file: Phụ lục 5 Quy định 366 tiêu chí đánh giá đảng viên không làm trong hệ thống chính trị',
      'TẢI VỀ: Mẫu Biên bản họp đánh giá xếp loại viên chức viên chức người lao động của đơn vị',
      'Tải về Dự thảo Báo cáo tổng kết 15 năm thi hành Điều lệ Đảng (2011-2025) và đề xuất định hướng bổ sung.',
      '**TẢI VỀ Toàn văn Công văn 11582/VPCP-KTTH tại đây.**',
      '/api/v1/documents/download/{DocCode}',
      'Tải về tệp tin văn bản đã',
      'được số hóa có mã định danh chỉ định.',
    ].join('\n');
    expect(removeBoilerplate(page)).toBe('/api/v1/documents/download/{DocCode}\nTải về tệp tin văn bản đã\nđược số hóa có mã định danh chỉ định.');
  });

  it('keeps a sentence that mentions a download or a related document', () => {
    const line = 'Xem thêm tại Công văn 10988/BNV-CQĐP ban hành ngày 21/11/2025 để biết các nội dung cụ thể về việc tuyên truyền.';
    expect(removeBoilerplate(line)).toBe(line);
  });
});
