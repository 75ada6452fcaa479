import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { findDate } from '../../src/core/dates.js';
import { readCorpusFile, SEED } from '../support/fixtures.js';

describe('front matter of the seed articles', () => {
  const cases: [string, string, string][] = [
    [SEED.banCanSu, 'Những vấn đề cần quan tâm trong công tác xây dựng, củng cố Ban Cán sự Đảng', ''],
    [SEED.phoiHop, 'NÂNG CAO NĂNG LỰC LÃNH ĐẠO, TĂNG CƯỜNG CÔNG TÁC PHỐI HỢP GIỮA ĐẢNG ỦY VỚI BAN CÁN SỰ ĐẢNG TRONG LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ VÀ CÔNG TÁC CÁN BỘ', '2015-10-23'],
    [SEED.tccsd, 'Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng cán bộ, đảng viên', '2018-11-13'],
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
