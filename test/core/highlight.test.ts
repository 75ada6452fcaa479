import { describe, expect, it } from 'vitest';
import { highlight, queryWords } from '../../src/core/highlight.js';

const marks = (text: string, query: string, offset = 0) => highlight(text, offset, queryWords(query)).map(([s, e]) => text.slice(s - offset, e - offset));

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
    expect(highlight('chi bộ', 100, queryWords('chi bộ'))).toEqual([[100, 106]]);
  });
});
