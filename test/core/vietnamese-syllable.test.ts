import { describe, expect, it } from 'vitest';
import { isValidSyllable, splitTone, withTone } from '../../src/core/vietnamese-syllable.js';

describe('isValidSyllable', () => {
  it('takes real syllables of every shape, any case', () => {
    for (const w of ['Điều', 'quyết', 'quyền', 'nghiêng', 'giường', 'oanh', 'Tập', 'trung', 'ĐƯỜNG', 'gì', 'yêu', 'hoà', 'hòa', 'khoẻ', 'xoong', 'kỹ'])
      expect(isValidSyllable(w), w).toBe(true);
  });

  it('refuses OCR garbles: impossible rhymes, spelling rules, stop finals with a level tone, two tones', () => {
    // `Tập trung` read as `Tập ưung`; `c`/`k` and `g`/`gh` spelling; `-t` with the huyền tone; two tone marks.
    for (const w of ['ưung', 'ce', 'cinh', 'ghan', 'ngie', 'thuậf', 'bàt', 'thuyêt', 'ĐÓỈ', 'qoa', 'tTỰC', 'ø'])
      expect(isValidSyllable(w), w).toBe(false);
  });
});

describe('splitTone and withTone', () => {
  it('split a syllable into its letters and tone, and put the tone back where Vietnamese writes it', () => {
    expect(splitTone('thẩm')).toEqual({ base: 'thâm', tone: '\u0309' });
    expect(withTone('thâm', '\u0309')).toBe('thẩm');
    expect(withTone('quyên', '\u0300')).toBe('quyền');
    expect(withTone('giây', '\u0301')).toBe('giấy');
    expect(withTone('ươn', '\u0323')).toBe('ượn');
  });
});
