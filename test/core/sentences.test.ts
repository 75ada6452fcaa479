import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence punctuation followed by a capital', () => {
    expect(sentences('Chi bộ họp. Đảng viên tham dự đầy đủ! Có ý kiến không?')).toEqual([
      'Chi bộ họp.',
      'Đảng viên tham dự đầy đủ!',
      'Có ý kiến không?',
    ]);
  });

  it('does not split numbers, dates or abbreviations', () => {
    const text = 'Đảng bộ có 1.128 đảng viên, tăng 4,4% so với ngày 30.6.2015. TP. Hồ Chí Minh có PGS. TS. Nguyễn Văn A phát biểu.';
    expect(sentences(text)).toEqual([
      'Đảng bộ có 1.128 đảng viên, tăng 4,4% so với ngày 30.6.2015.',
      'TP. Hồ Chí Minh có PGS. TS. Nguyễn Văn A phát biểu.',
    ]);
  });

  it('keeps an ellipsis inside a sentence and ends a sentence at a line break', () => {
    expect(sentences('Kiểm tra, giám sát… vẫn còn hạn chế\nThứ hai, đổi mới')).toEqual([
      'Kiểm tra, giám sát… vẫn còn hạn chế',
      'Thứ hai, đổi mới',
    ]);
  });

  it('lets a sentence close with a quote', () => {
    expect(sentences('Phương châm “cấp tỉnh nắm đến TCCSĐ.” Người đứng đầu đối thoại.')).toEqual([
      'Phương châm “cấp tỉnh nắm đến TCCSĐ.”',
      'Người đứng đầu đối thoại.',
    ]);
  });

  it('returns offsets that slice the text exactly, within a range', () => {
    const text = 'Mở đầu. Câu một. Câu hai.';
    const spans = splitSentences(text, 8, text.length);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Câu một.', 'Câu hai.']);
  });
});
