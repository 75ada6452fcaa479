import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { findDate } from '../../src/core/dates.js';
import { findPublicationDate } from '../../src/core/metadata.js';
import { readCorpusFile, SEED } from '../support/fixtures.js';

describe('front matter of the seed articles', () => {
  const cases: [string, string, string][] = [
    [SEED.banCanSu, 'Những vấn đề cần quan tâm trong công tác xây dựng, củng cố Ban Cán sự Đảng', ''],
    [SEED.phoiHop, 'NÂNG CAO NĂNG LỰC LÃNH ĐẠO, TĂNG CƯỜNG CÔNG TÁC PHỐI HỢP GIỮA ĐẢNG ỦY VỚI BAN CÁN SỰ ĐẢNG TRONG LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ VÀ CÔNG TÁC CÁN BỘ', '2015-10-23'],
    // `Ngày 13-11-2018, Bộ Chính trị đã ban hành Kết luận số 38-KL/TW` opens the body: the conclusion's date, not the article's.
    [SEED.tccsd, 'Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng cán bộ, đảng viên', ''],
    [SEED.goCongTay, 'Nâng cao chất lượng lãnh đạo của Đảng bộ xã, thị trấn ở huyện Gò Công Tây trong giai đoạn hiện nay', '2022-02-02'],
    [SEED.banDanToc, 'Phát huy vai trò lãnh đạo, chỉ đạo của Chi bộ Ban Dân tộc trong thực hiện nhiệm vụ chính trị của Cơ quan', '2020-05-06'],
  ];
  for (const [id, title, date] of cases) {
    it(`reads title and date of ${id}`, () => {
      const doc = prepareDocument(readCorpusFile(`${id}.txt`), 'txt');
      expect(doc.title).toBe(title);
      expect(doc.date).toBe(date || null);
    });
  }

  it('does not take a byline for a section heading', () => {
    const doc = prepareDocument(readCorpusFile(`${SEED.tccsd}.txt`), 'txt');
    expect(doc.passages[0]!.section).toBeNull();
  });
});

describe('findDate', () => {
  it.each([
    ['23/10/2015 | 1104', '2015-10-23'],
    ['Thứ tư - 02/02/2022 06:32', '2022-02-02'],
    ['Ngày 13-11-2018, Bộ Chính trị', '2018-11-13'],
    ['Hà Nội, ngày 5 tháng 9 năm 2023', '2023-09-05'],
    ['31/02/2020', null],
    ['1.128 đảng viên', null],
  ])('%s → %s', (text, iso) => expect(findDate(text)).toBe(iso));
});

describe('findPublicationDate', () => {
  it.each([
    ['Tiêu đề\n\nNội dung bài.\n\nNgày đăng: 26/06/2025 15:42', '2025-06-26'],
    ['Tiêu đề\n\nNội dung bài.\n\n**Ngày đăng bài gốc: 24/03/2025**', '2025-03-24'],
    ['Tiêu đề\n\nNgày đăng bài viết gốc: 14:30 | 17/03/2025', '2025-03-17'],
    ['Tiêu đề\nCập nhật:\n09/12/2025\nNội dung.', '2025-12-09'],
    ['Tiêu đề\n\nCập nhật các dự thảo sáp nhập tỉnh mới nhất 2025 từ ngày 1/7/2025', null],
    // baochinhphu.vn and quochoi.vn credits, as the Party portals repost them.
    ['Theo Báo Điện tử Chính phủ\nTác giả: Phương Nhi\nGiờ đăng: 06/08/2025 18:11', '2025-08-06'],
    ['Theo Cổng Thông tin điện tử Chính phủ\nTác giả: Thu Giang\nGiờ đăng: 09:33 ngày 16/06/2025', '2025-06-16'],
    ['**Long Hồ - Nguyễn Nam**\n**Theo Thanhuytphcm.vn**\n**Ngày giờ đăng bài viết gốc: 22:17 15-04-2025**', '2025-04-15'],
    ['Theo Cổng Thông tin điện tử Chính phủ\n**Giờ đăng bài viết gốc: **28/03/2025 18:44', '2025-03-28'],
  ])('%s', (text, iso) => expect(findPublicationDate(text)).toBe(iso));

  it('dates an article by its publication line, not by the first date of its body', () => {
    const page = [
      'Thông qua Nghị quyết kéo dài thời hạn miễn thuế',
      'Nghị quyết có hiệu lực từ ngày 01/01/2026, kéo dài thời hạn miễn thuế sử dụng đất nông nghiệp đến hết năm 2030.',
      'Theo Cổng Thông tin điện tử Chính phủ',
      'Link bài viết gốc: https://xaydungchinhsach.chinhphu.vn/bai-viet.htm',
      'Ngày đăng: 26/06/2025 15:42',
    ].join('\n\n');
    expect(prepareDocument(page, 'txt').date).toBe('2025-06-26');
  });

  it('does not date an article by an event or a birth in its opening lines', () => {
    const report = [
      '# Kết luận 157-KL/TW của Bộ Chính trị về sắp xếp tổ chức bộ máy, đơn vị hành chính',
      'Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký ban hành Kết luận số 157-KL/TW của Bộ Chính trị.',
      'Theo Cổng Thông tin điện tử Chính phủ',
      'Link bài viết gốc: https://xaydungchinhsach.chinhphu.vn/ket-luan-157-kl-tw-119250526092810595.htm',
      'Ngày giờ đăng bài viết gốc: 11:51 26/05/2025',
    ].join('\n\n');
    expect(prepareDocument(report, 'md').date).toBe('2025-05-26');
    const biography = '# Trần Cẩm Tú\n\n**Trần Cẩm Tú** (sinh ngày 25 tháng 8 năm 1961) là một nhà lãnh đạo Đảng, Nhà nước và chính trị gia Việt Nam.';
    expect(prepareDocument(biography, 'md').date).toBeNull();
  });
});
