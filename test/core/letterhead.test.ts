import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuerOfBodies, readLetterhead } from '../../src/core/letterhead.js';
import { textLines } from '../../src/core/text-lines.js';
import { SHARED_DIR } from '../support/fixtures.js';

const read = (text: string) => {
  const head = readLetterhead(textLines(text));
  if (head) expect(text.slice(head.start, head.end).length).toBeGreaterThan(0);
  return head;
};
const caseText = (path: string) => readFileSync(join(SHARED_DIR, 'cases', path), 'utf8');

describe('readLetterhead', () => {
  it('reads a one-column Party letterhead and its span', () => {
    const text = caseText('formal-title/ket-luan-1cot-ve-thuong.txt');
    const head = read(text)!;
    expect(head).toMatchObject({ issuer: 'Ban Chấp hành Trung ương', number: '89-KL/TW', place: 'Hà Nội', date: '2022-09-12', term: null });
    expect(text.slice(head.start, head.end)).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 89-KL/TW\nHà Nội, ngày 12 tháng 9 năm 2022');
  });

  it('takes apart a two-column layout with its rule, in the stored (space-collapsed) form', () => {
    const head = read('BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 88-KL/TW Hà Nội, ngày 12 tháng 9 năm 2022\n\nKẾT LUẬN')!;
    expect(head).toMatchObject({ issuer: 'Ban Chấp hành Trung ương', bodies: ['BAN CHẤP HÀNH TRUNG ƯƠNG'], number: '88-KL/TW', date: '2022-09-12' });
  });

  it('takes apart a flattened two-column state letterhead with an abbreviated body', () => {
    const text = 'UBND TỈNH ĐẮK LẮK CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND Đắk Lắk, ngày 3 tháng 4 năm 2024\n\nKẾ HOẠCH';
    const head = read(text)!;
    expect(head).toMatchObject({ issuer: 'Ủy ban nhân dân tỉnh Đắk Lắk', number: '12/KH-UBND', place: 'Đắk Lắk', date: '2024-04-03' });
    expect(text.slice(head.end)).toBe('\n\nKẾ HOẠCH');
  });

  it('folds the parent into a bare organ', () => {
    expect(read(caseText('term-from-citation/huong-dan-2024.txt'))!.issuer).toBe('Ban Tổ chức Trung ương');
    expect(read(caseText('formal-title/nghi-quyet-dang-uy.txt'))).toMatchObject({ issuer: 'Huyện ủy Phú Lộc', bodies: ['ĐẢNG BỘ TỈNH BÌNH AN', 'HUYỆN ỦY PHÚ LỘC'], number: '15-NQ/HU' });
    expect(issuerOfBodies(['ĐẢNG BỘ TỈNH ĐẮK LẮK', 'TỈNH ỦY'])).toBe('Tỉnh ủy Đắk Lắk');
    expect(issuerOfBodies(['TỈNH ỦY ĐẮK LẮK', 'BAN THƯỜNG VỤ'])).toBe('Ban Thường vụ Tỉnh ủy Đắk Lắk');
    expect(issuerOfBodies(['BAN CHẤP HÀNH TRUNG ƯƠNG', 'VĂN PHÒNG'])).toBe('Văn phòng Trung ương Đảng');
  });

  it('joins a body wrapped over lines and a place-and-date line wrapped over two (reflowed web page)', () => {
    const text = 'ỦY BAN NHÂN\n\nDÂN\n\nTHÀNH PHỐ HỒ CHÍ MINH\n\nCỘNG HÒA XÃ\n\nHỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố:\n\n2820/QĐ-UBND\n\nThành phố Hồ\n\nChí Minh, ngày 19 tháng 11 năm 2025\n\nQUYẾT ĐỊNH';
    const head = read(text)!;
    expect(head).toMatchObject({ issuer: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', number: '2820/QĐ-UBND', place: 'Thành phố Hồ Chí Minh', date: '2025-11-19' });
    expect(text.slice(head.end)).toBe('\n\nQUYẾT ĐỊNH');
  });

  it('reads leftover Markdown marks and a công văn subject under the number', () => {
    const text = '**BỘ NỘI VỤ**\n--------\n| **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố:10988/BNV-CQĐP\n*V/v tuyên truyền chủ trương, chính sách của*\n*Đảng, Nhà nước.*\n*Hà Nội, ngày*\n*21 tháng 11 năm 2025*\n**Kính gửi:**';
    expect(read(text)).toMatchObject({ issuer: 'Bộ Nội vụ', number: '10988/BNV-CQĐP', date: '2025-11-21', subject: 'V/v tuyên truyền chủ trương, chính sách của Đảng, Nhà nước.' });
  });

  it('reads a term printed on the body line', () => {
    const head = read('BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XVII\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 05-NQ/TU\nBuôn Ma Thuột, ngày 2 tháng 3 năm 2023');
    expect(head).toMatchObject({ term: 'XVII', place: 'Buôn Ma Thuột', date: '2023-03-02' });
  });

  it('finds no letterhead in an article, even one that names the Party in capitals', () => {
    expect(read('Nâng cao chất lượng sinh hoạt chi bộ\n13/11/2018\nBÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN VIỆT NAM đưa tin về hội nghị.')).toBeNull();
    expect(read('Hồ Chí Minh\n\nChủ tịch Đảng Lao động Việt Nam\n\nNhiệm kỳ 19 tháng 2 năm 1951')).toBeNull();
  });
});
