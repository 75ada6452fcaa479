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
