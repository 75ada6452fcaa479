import { describe, expect, it } from 'vitest';
import { fold, hasDiacritics, toneKey, toStoredText, tokenize, unifyIY, wordCount } from '../../src/core/normalize.js';

describe('normalize', () => {
  it('folds tones, vowel marks and đ, keeping the length', () => {
    const text = 'Xây dựng Đảng trong sạch, vững mạnh';
    expect(fold(text)).toBe('xay dung dang trong sach, vung manh');
    expect(fold(text)).toHaveLength(text.length);
  });

  it('stores NFD input as NFC, so both index identically', () => {
    const nfc = 'Nghị quyết số 22-NQ/TW';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(toStoredText(nfd)).toBe(nfc);
    expect(tokenize(toStoredText(nfd))).toEqual(tokenize(nfc));
  });

  it('drops a BOM and unifies line endings but keeps every letter', () => {
    expect(toStoredText('\uFEFFmột\r\nhai\rba')).toBe('một\nhai\nba');
  });

  it('tokenizes into folded syllables with offsets into the original', () => {
    const text = 'Chỉ thị 05-CT/TW';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['chi', 'thi', '05', 'ct', 'tw']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Chỉ', 'thị', '05', 'CT', 'TW']);
  });

  it('tells accented from unaccented text', () => {
    expect(hasDiacritics('sinh hoạt chi bộ')).toBe(true);
    expect(hasDiacritics('Đang')).toBe(true);
    expect(hasDiacritics('sinh hoat chi bo')).toBe(false);
  });

  it('counts syllables (digits either side of a separator count apart)', () => {
    expect(wordCount('Tổ chức cơ sở đảng (TCCSĐ), 1.128 đảng viên')).toBe(10);
  });
});

describe('i/y spelling variants', () => {
  it('match as one word, folded and accent-exact', () => {
    expect(unifyIY('sy')).toBe('si');
    expect(unifyIY('quy')).toBe('qui');
    expect(unifyIY('tuy')).toBe('tuy');
    expect(unifyIY('y')).toBe('y');
    expect(tokenize('tử sỹ').map((t) => t.text)).toEqual(tokenize('tử sĩ').map((t) => t.text));
    expect(toneKey('kỹ')).toBe(toneKey('kĩ'));
    expect(toneKey('lý')).toBe(toneKey('lí'));
    expect(toneKey('thuỷ')).not.toBe(toneKey('thủi'));
  });
});

describe('look-alikes and odd spaces', () => {
  it('folds Ð (U+00D0), which some sites print for Đ, like Đ', () => {
    expect(fold('Ðảng')).toBe('dang');
    expect(toneKey('Ðảng')).toBe(toneKey('Đảng'));
  });

  it('stores no-break spaces as plain spaces', () => {
    expect(toStoredText('Một là,\u00A0đổi mới')).toBe('Một là, đổi mới');
  });
});

describe('fold keeps length on odd input (regression: folding through a UTF-16 decoder)', () => {
  it('keeps a byte-order mark and a lone surrogate as one unit each', () => {
    const text = '\uFEFFĐảng\uD800 viên';
    expect(fold(text)).toHaveLength(text.length);
    expect(fold(text).slice(1, 5)).toBe('dang');
  });
});
