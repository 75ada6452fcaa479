import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../src/core/boilerplate.js';
import { toStoredText } from '../../src/core/normalize.js';
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
  }

  it('drops the rating score that precedes a votes line', () => {
    expect(removeBoilerplate('Tiêu đề\n\n4\n(208 votes)\n\nNội dung.')).toBe('Tiêu đề\n\nNội dung.');
  });

  it('keeps a related-articles heading when prose follows it', () => {
    const prose = 'Đây là một đoạn văn dài '.repeat(10).trim() + '.';
    expect(removeBoilerplate(`Mở đầu.\nTin liên quan\n${prose}`)).toContain(prose);
  });

  it('removes a duplicated image caption', () => {
    expect(removeBoilerplate('Ban Chấp hành Đảng bộ xã\n\nBan Chấp hành Đảng bộ xã\n\nNội dung.')).toBe('Ban Chấp hành Đảng bộ xã\n\nNội dung.');
  });
});
