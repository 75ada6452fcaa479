import { describe, expect, it } from 'vitest';
import { abbreviationMatcher, curatedMatcher, definedAbbreviations } from '../../src/core/abbreviations.js';
import { indexTerms, queryTerms } from '../../src/core/lexical-terms.js';
import { toneKey } from '../../src/core/normalize.js';

describe('toneKey', () => {
  it.each([
    ['hoà', 'hòa'],
    ['khoá', 'khóa'],
    ['thuý', 'thúy'],
    ['Uỷ', 'Ủy'],
    ['hoạ', 'họa'],
  ])('%s and %s are the same word', (oldStyle, newStyle) => {
    expect(oldStyle.normalize('NFC')).not.toBe(newStyle.normalize('NFC'));
    expect(toneKey(oldStyle)).toBe(toneKey(newStyle));
  });

  it('keeps vowel marks and tells tones apart', () => {
    expect(toneKey('Đảng')).toBe('đangr');
    expect(toneKey('đang')).toBe('đang');
    expect(toneKey('quyết')).toBe('quyêts');
    expect(toneKey('NFD: hòa'.normalize('NFD').slice(5))).toBe('hoaf');
  });
});

describe('indexTerms and queryTerms', () => {
  it('indexes folded syllables, bigrams and tone keys', () => {
    const terms = indexTerms('Sinh hoạt chi bộ.');
    expect(terms.folded.split(' ')).toEqual(['sinh', 'hoat', 'chi', 'bo', 'sinh_hoat', 'hoat_chi', 'chi_bo']);
    expect(terms.exact.split(' ')).toContain('hoatj_chi');
  });

  it('does not make bigrams across sentence ends', () => {
    expect(indexTerms('Chi bộ. Đảng viên').folded).not.toContain('bo_dang');
  });

  it('asks for accent-exact terms only when the query has diacritics', () => {
    expect(queryTerms('xay dung dang').exact).toEqual([]);
    expect(queryTerms('xây dựng Đảng').exact).toContain('dưngj_đangr'.normalize('NFC'));
    expect(queryTerms('chi bộ')).toEqual({ folded: ['chi', 'bo', 'chi_bo'], exact: ['chi', toneKey('bộ'), `chi_${toneKey('bộ')}`] });
    expect(queryTerms('" OR x').folded).toEqual(['or', 'x', 'or_x']);
    expect(queryTerms('!!!')).toEqual({ folded: [], exact: [] });
  });
});

describe('abbreviations', () => {
  it('indexes a curated abbreviation under its long form and the reverse', () => {
    expect(indexTerms('Năng lực lãnh đạo của TCCSĐ.').folded).toContain('co_so');
    expect(indexTerms('Năng lực lãnh đạo của tổ chức cơ sở đảng.').folded.split(' ')).toContain('tccsd');
    expect(indexTerms('phát triển KT-XH').folded).toContain('kinh_te');
  });

  it('matches short forms only in capitals', () => {
    expect(curatedMatcher(['bch'], 'bch').length).toBe(0);
    expect(curatedMatcher(['bch'], 'BCH Trung ương').map((a) => a.short)).toContain('BCH');
  });

  it('reads pairs a document defines itself', () => {
    const text = 'Nâng cao chất lượng sinh hoạt chi bộ (SHCB) và công tác kiểm tra, giám sát (KTGS). Việc SHCB định kỳ.';
    expect(definedAbbreviations(text)).toEqual([
      { short: 'SHCB', long: 'sinh hoạt chi bộ' },
      { short: 'KTGS', long: 'kiểm tra, giám sát' },
    ]);
    expect(indexTerms('Việc SHCB định kỳ.', abbreviationMatcher(definedAbbreviations(text))).folded).toContain('sinh_hoat');
  });

  it('ignores parentheses whose initials do not match', () => {
    expect(definedAbbreviations('Nghị quyết của Đảng (NQ/TW) và Ban Bí thư (X)')).toEqual([]);
  });
});
