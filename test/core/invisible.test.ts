import { describe, expect, it } from 'vitest';
import { findReferences } from '../../src/core/references.js';
import { highlight, highlightTerms } from '../../src/core/highlight.js';
import { removeInvisible, tokenize, toStoredText } from '../../src/core/normalize.js';

describe('invisible characters in stored text', () => {
  const raw = '\uFEFFThực hiện Kết luận số 01-KL/\u2060TW, Đả\u200Bng bộ chuy\u00ADển đổi số;\u00A0cán\u200Cbộ và 1\u200B234 đảng viên.';

  it('are dropped, with no-break spaces made plain, and nothing else changes', () => {
    expect(toStoredText(raw)).toBe('Thực hiện Kết luận số 01-KL/TW, Đảng bộ chuyển đổi số; cánbộ và 1234 đảng viên.');
    expect(toStoredText('Việt Nam 🇻🇳 👨\u200D👩\u200D👧')).toBe('Việt Nam 🇻🇳 👨\u200D👩\u200D👧');
  });

  it('no longer split words, numbers or references', () => {
    const text = toStoredText(raw);
    expect(tokenize(text).map((t) => t.text)).toEqual(expect.arrayContaining(['dang', 'chuyen', '1234']));
    expect(findReferences(text).map((r) => r.key)).toEqual(['01-KL/TW']);
    const spans = highlight(text, 0, highlightTerms('Đảng chuyển'));
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['Đảng', 'chuyển', 'đảng']);
  });

  it('are dropped from a query the same way', () => {
    expect(removeInvisible('Đả\u200Bng\u00AD bộ')).toBe('Đảng bộ');
  });
});
