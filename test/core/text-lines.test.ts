import { describe, expect, it } from 'vitest';
import { sentenceCaseBody, textLines } from '../../src/core/text-lines.js';

describe('textLines', () => {
  it('strips leftover markup for reading, skips rules, and keeps offsets into the stored text', () => {
    const text = '**ỦY BAN NHÂN DÂN**\n-------\n| **CỘNG HÒA**\n\n*Hà Nội, ngày 26*';
    const lines = textLines(text);
    expect(lines.map((l) => l.text)).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA', 'Hà Nội, ngày 26']);
    expect(lines.map((l) => l.gapBefore)).toEqual([false, false, true]);
    expect(text.slice(lines[2]!.start, lines[2]!.end)).toBe('*Hà Nội, ngày 26*');
  });
});

describe('sentenceCaseBody', () => {
  it.each([
    ['BAN TỔ CHỨC TRUNG ƯƠNG', 'Ban Tổ chức Trung ương'],
    ['UỶ BAN NHÂN DÂN TỈNH ĐẮK LẮK', 'Ủy ban nhân dân tỉnh Đắk Lắk'],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 'Ủy ban nhân dân Thành phố Hồ Chí Minh'],
    ['HUYỆN ỦY PHÚ LỘC', 'Huyện ủy Phú Lộc'],
    ['BAN THƯỜNG VỤ TỈNH ỦY ĐẮK LẮK', 'Ban Thường vụ Tỉnh ủy Đắk Lắk'],
    ['ỦY BAN KIỂM TRA TRUNG ƯƠNG', 'Ủy ban Kiểm tra Trung ương'],
    ['THỦ TƯỚNG CHÍNH PHỦ', 'Thủ tướng Chính phủ'],
    ['ĐẢNG ỦY XÃ AN PHÚ', 'Đảng ủy xã An Phú'],
    ['BỘ CHÍNH TRỊ', 'Bộ Chính trị'],
    ['UBND TỈNH ĐẮK LẮK', 'Ủy ban nhân dân tỉnh Đắk Lắk'],
    ['HĐND TP. HÀ NỘI', 'Hội đồng nhân dân Thành phố Hà Nội'],
  ])('%s → %s', (caps, expected) => expect(sentenceCaseBody(caps)).toBe(expected));
});
