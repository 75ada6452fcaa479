import { describe, expect, it } from 'vitest';
import { correctTelexQuery, fromTelex, isWellFormedSyllable } from '../../src/core/telex.js';

describe('queries typed with the input method off', () => {
  it.each([
    ['sinh hoatj chi booj', 'sinh hoạt chi bộ'],
    ['nghij quyeets trung uwowng 4', 'nghị quyết trung ương 4'],
    ['xaay duwngj ddangr', 'xây dựng đảng'],
    ['dduowcj truwowngf giuwx quoocs gia', 'được trường giữ quốc gia'],
    ['tieengs vieetj nguwowif', 'tiếng việt người'],
    ['Hoaf binhf', 'Hòa bình'],
    // VNI: digits for marks and tones.
    ['sinh hoa5t chi bo65', 'sinh hoạt chi bộ'],
    ['nghi5 quye61t trung u7o7ng 4', 'nghị quyết trung ương 4'],
    ['d9a3ng vie6n', 'đảng viên'],
  ])('%s → %s', (typed, vietnamese) => {
    expect(correctTelexQuery(typed)).toBe(vietnamese);
  });

  it('leaves Vietnamese, numbers, references, abbreviations and foreign words alone', () => {
    for (const query of ['sinh hoạt chi bộ', 'sinh hoat chi bo', 'Nghị quyết 22-NQ/TW', 'QH15 NĐ-CP', 'TW UBND HĐND', 'covid test', '2024']) {
      expect(correctTelexQuery(query), query).toBeNull();
    }
    expect(fromTelex('trung')).toBeNull();
    expect(fromTelex('TW')).toBeNull();
    expect(fromTelex('bch')).toBeNull();
  });

  it('converts nothing in a query with a foreign word, nor codes and English words that cannot be Vietnamese', () => {
    expect(correctTelexQuery('history of the party')).toBeNull();
    expect(correctTelexQuery('Power of Siberia')).toBeNull();
    expect(correctTelexQuery('giải A2 U23')).toBeNull();
    expect(fromTelex('news')).toBeNull();
    expect(fromTelex('New')).toBeNull();
    expect(fromTelex('hoatf')).toBeNull(); // a closed -t syllable takes only sắc or nặng
  });

  it('tells well-formed syllables by their marked nucleus', () => {
    for (const ok of ['bộ', 'hoạt', 'quyết', 'ương', 'người', 'khuếch', 'xoăn', 'thuở', 'boong', 'giữ']) expect(isWellFormedSyllable(ok), ok).toBe(true);
    for (const bad of ['neư', 'ưay', 'pởe', 'tưin', 'lă', 'ươ', 'hoàt']) expect(isWellFormedSyllable(bad), bad).toBe(false);
  });

  it('converts only into well-formed syllables', () => {
    expect(fromTelex('booj')).toBe('bộ');
    expect(fromTelex('hoatj')).toBe('hoạt');
    expect(fromTelex('xyzj')).toBeNull();
    expect(fromTelex('abcdefs')).toBeNull();
  });
});
