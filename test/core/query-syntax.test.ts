import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { constrainsPassages, parseQuery, type ParsedQuery } from '../../src/core/query-syntax.js';

const phrases = (q: ParsedQuery) => q.alternatives.map((a) => a.phrases.map((p) => p.text));
const syntaxError = (query: string): string => {
  try {
    parseQuery(query);
  } catch (err) {
    if (err instanceof UserError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
};

describe('query syntax', () => {
  it('leaves a query without syntax exactly as typed', () => {
    for (const q of ['sinh hoạt chi bộ', '22-NQ/TW', 'chỉ thị 05-CT/TW về học tập', 'a - b', 'or và hoặc', 'Nghị quyết số 18-NQ/TW ngày 25/10/2017']) {
      const parsed = parseQuery(q);
      expect(parsed).toEqual({ text: q, alternatives: [{ text: q, phrases: [] }], excluded: [] });
      expect(constrainsPassages(parsed)).toBe(false);
    }
  });

  it('reads a quoted phrase: required, ranked with the other words, folded unless typed with accents', () => {
    const q = parseQuery('"sinh hoạt chi bộ" định kỳ');
    expect(q.text).toBe('sinh hoạt chi bộ định kỳ');
    expect(q.alternatives[0]!.phrases).toEqual([{ text: 'sinh hoạt chi bộ', folded: ['sinh', 'hoat', 'chi', 'bo'], accentExact: true, keys: ['sinh', 'hoatj', 'chi', 'bôj'] }]);
    const plain = parseQuery('"sinh hoat  chi bo"');
    expect(plain.alternatives[0]!.phrases[0]).toMatchObject({ text: 'sinh hoat chi bo', accentExact: false });
    expect(constrainsPassages(plain)).toBe(true);
  });

  it('takes typographic quotes as quotes, and a straight quote closing one', () => {
    expect(phrases(parseQuery('“xây dựng Đảng” về chính trị'))).toEqual([['xây dựng Đảng']]);
    expect(phrases(parseQuery('“xây dựng Đảng" và "chỉnh đốn”'))).toEqual([['xây dựng Đảng', 'chỉnh đốn']]);
  });

  it('reads -word and -"phrase" as exclusions, anywhere in the query, but not a hyphen inside a number', () => {
    const q = parseQuery('cán bộ -"luân chuyển cán bộ" -Đảng 22-NQ/TW');
    expect(q.text).toBe('cán bộ 22-NQ/TW');
    expect(q.excluded.map((p) => [p.text, p.accentExact])).toEqual([
      ['luân chuyển cán bộ', true],
      ['Đảng', true],
    ]);
    expect(parseQuery('ngan sach -"dia phuong"').excluded.map((p) => [p.folded, p.accentExact])).toEqual([[['dia', 'phuong'], false]]);
    // `-word` takes one word: what follows is ranked.
    expect(parseQuery('ngan sach -dia phuong')).toMatchObject({ text: 'ngan sach phuong', excluded: [{ folded: ['dia'] }] });
    // A lone hyphen and a hyphen inside a word are text, as before.
    expect(parseQuery('2020 - 2025').excluded).toEqual([]);
  });

  it('splits alternatives at an upper-case OR; each keeps its own phrases; exclusions hold for all', () => {
    const q = parseQuery('"nghị quyết 22" OR chỉ thị "05-CT/TW" -kết luận');
    expect(q.alternatives.map((a) => a.text)).toEqual(['nghị quyết 22', 'chỉ thị 05-CT/TW luận']);
    expect(phrases(q)).toEqual([['nghị quyết 22'], ['05-CT/TW']]);
    expect(q.alternatives[1]!.phrases[0]!.folded).toEqual(['05', 'ct', 'tw']);
    expect(q.excluded.map((p) => p.text)).toEqual(['kết']);
    expect(q.text).toBe('nghị quyết 22 chỉ thị 05-CT/TW luận');
    // Lower-case `or` is a word; a dangling OR is ignored.
    expect(parseQuery('sinh hoạt or họp').alternatives).toHaveLength(1);
    expect(parseQuery('OR sinh hoạt OR').alternatives.map((a) => a.text)).toEqual(['sinh hoạt']);
  });

  it('refuses an unclosed quote and a query of only exclusions with a plain message', () => {
    expect(syntaxError('"sinh hoạt chi bộ')).toMatch(/^query_syntax: the query has an unclosed quotation mark/);
    expect(syntaxError('đảng viên -"kỷ luật')).toMatch(/^query_syntax: .*unclosed/);
    expect(syntaxError('-đảng -"kỷ luật"')).toBe('query_syntax: the query only excludes words (-word): add a word or a "phrase" to search for');
    expect(syntaxError('"" OR')).toMatch(/^query_syntax: the query has no words/);
  });
});
