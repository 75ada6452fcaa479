import { describe, expect, it } from 'vitest';
import { highlight, highlightTerms } from '../../src/core/highlight.js';

const marks = (text: string, query: string, offset = 0) => highlight(text, offset, highlightTerms(query)).map(([s, e]) => text.slice(s - offset, e - offset));

describe('highlight', () => {
  it('marks query words whatever their accents, merging neighbours into phrases', () => {
    expect(marks('Nâng cao chất lượng sinh hoạt chi bộ hằng tháng.', 'sinh hoat chi bo')).toEqual(['sinh hoạt chi bộ']);
    expect(marks('Xây dựng Đảng và xây dựng chính quyền', 'xây dựng Đảng')).toEqual(['Xây dựng Đảng', 'xây dựng']);
  });

  it('leaves function words out unless the query is nothing else', () => {
    expect(marks('Vai trò của chi bộ và của đảng viên', 'vai trò của chi bộ')).toEqual(['Vai trò', 'chi bộ']);
    expect(marks('của và các', 'của')).toEqual(['của']);
  });

  it('gives offsets in the document, not the passage', () => {
    expect(highlight('chi bộ', 100, highlightTerms('chi bộ'))).toEqual([[100, 106]]);
  });

  it('marks accent-exact for a query typed with accents, whatever the accents for one typed without', () => {
    const text = 'Ý chí đấu tranh của chi bộ đầu tiên; Chỉ thị về hòa giải.';
    expect(marks(text, 'chi bộ')).toEqual(['chi bộ']);
    expect(marks(text, 'đầu')).toEqual(['đầu']);
    expect(marks(text, 'đấu tranh')).toEqual(['đấu tranh']);
    expect(marks(text, 'chi bo')).toEqual(['chí', 'chi bộ', 'Chỉ']);
    expect(marks(text, 'dau')).toEqual(['đấu', 'đầu']);
    // Tone placement is not an accent: hoà and hòa are one syllable.
    expect(marks(text, 'hoà giải')).toEqual(['hòa giải']);
    expect(marks('CHI BỘ ĐẢNG', 'chi bộ đảng')).toEqual(['CHI BỘ ĐẢNG']);
  });
});
