import { describe, expect, it } from 'vitest';
import { containsPhrase, matchesQuery, passageSyllables, phraseIndexTerms } from '../../src/core/query-match.js';
import { parseQuery } from '../../src/core/query-syntax.js';
import { readCorpusFile, SEED } from '../support/fixtures.js';

const matches = (query: string, text: string) => matchesQuery(parseQuery(query), text.normalize('NFC'));

describe('phrase and exclusion matching', () => {
  it('finds a phrase folded, whatever the case and accents of the text, and only as consecutive syllables', () => {
    const text = 'Nâng cao chất lượng SINH HOẠT CHI BỘ, nhất là sinh hoạt chuyên đề.';
    expect(matches('"sinh hoat chi bo"', text)).toBe(true);
    expect(matches('"sinh hoạt chi bộ"', text)).toBe(true);
    expect(matches('"chi bộ sinh hoạt"', text)).toBe(false);
    // Syllables, not substrings: `hoa` is not in `hoạt`.
    expect(matches('"sinh hoa"', text)).toBe(false);
    // A comma between the words does not break a phrase; a sentence end does.
    expect(matches('"chi bộ nhất là"', text)).toBe(true);
    expect(matches('"chuyên đề nâng"', `${text} Nâng`)).toBe(false);
  });

  it('is accent-exact when the phrase is typed with accents, whatever the tone placement', () => {
    expect(matches('"Đảng ủy"', 'Thường trực Đảng ủy xã')).toBe(true);
    expect(matches('"Đảng ủy"', 'đang ủy quyền cho xã')).toBe(false);
    expect(matches('"dang uy"', 'đang ủy quyền cho xã')).toBe(true);
    expect(matches('"hòa bình"', 'giữ vững hoà bình')).toBe(true);
    expect(matches('"sỹ quan"', 'sĩ quan quân đội')).toBe(true);
  });

  it('leaves out passages with an excluded word or phrase, folded or accent-exact as typed', () => {
    expect(matches('cán bộ -luân chuyển', 'cán bộ được chuyển công tác')).toBe(true);
    expect(matches('cán bộ -luân chuyển', 'cán bộ được luân chuyển')).toBe(false);
    expect(matches('cán bộ -"luân chuyển"', 'cán bộ được luân chuyển')).toBe(false);
    expect(matches('cán bộ -luan', 'LUÂN CHUYỂN cán bộ')).toBe(false);
    expect(matches('Đảng -đang', 'Đảng viên đang công tác')).toBe(false);
    expect(matches('Đảng -đang', 'Đảng viên công tác')).toBe(true);
    expect(matches('Đảng -"đang"', 'Đảng viên công tác')).toBe(true);
  });

  it('matches when any alternative has all its phrases', () => {
    const text = 'Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị';
    expect(matches('"nghị quyết" OR "chỉ thị số 05"', text)).toBe(true);
    expect(matches('"nghị quyết" OR "chỉ thị số 06"', text)).toBe(false);
    expect(matches('"05-CT/TW" "Bộ Chính trị" OR "nghị quyết"', text)).toBe(true);
    expect(matches('"05 CT TW" OR "nghị quyết" -"bộ chính trị"', text)).toBe(false);
  });

  it('works on a real article: a phrase it holds and one it does not', () => {
    const text = readCorpusFile(`${SEED.banCanSu}.txt`);
    expect(matches('"Ban Cán sự Đảng"', text)).toBe(true);
    expect(matches('"ban can su dang"', text)).toBe(true);
    expect(matches('"Ban Cán sự Đảng" -"Ban Cán sự Đảng"', text)).toBe(false);
  });
});

describe('regression: a quoted title holding a sentence end', () => {
  it('matches `"Taxi! Em tên gì?"` across the same end in the passage, and only in order (ViRe4MRC)', () => {
    const phrase = parseQuery('"Taxi! Em tên gì?"').alternatives[0]?.phrases[0];
    expect(phrase).toBeDefined();
    if (!phrase) return;
    const hit = passageSyllables('Khán giả chọn xem phim Taxi! Em tên gì? vì tò mò.', true);
    expect(containsPhrase(hit, phrase)).toBe(true);
    expect(containsPhrase(passageSyllables('Em tên gì? Taxi! Phim hay.', true), phrase)).toBe(false);
    expect(phraseIndexTerms(phrase)).toEqual(['taxi', 'em_ten', 'ten_gi']);
  });
});

describe('exclusion through the heading (bug: `đảng -đảng` listed passages found only through their heading)', () => {
  const text = 'Chi bộ thôn Đông tổ chức sinh hoạt định kỳ hằng tháng.';
  const heading = 'Công tác xây dựng Đảng ở cơ sở\nI. Sinh hoạt chi bộ';
  it('leaves out a passage whose title or section path holds an excluded word or phrase', () => {
    expect(matchesQuery(parseQuery('chi bộ -đảng'), text)).toBe(true);
    expect(matchesQuery(parseQuery('chi bộ -đảng'), text, heading)).toBe(false);
    expect(matchesQuery(parseQuery('chi bộ -"xây dựng đảng"'), text, heading)).toBe(false);
    expect(matchesQuery(parseQuery('chi bộ -"cơ sở sinh hoạt"'), text, heading)).toBe(true);
    expect(matchesQuery(parseQuery('chi bộ -"đăng"'), text, heading)).toBe(true);
  });
  it('still asks a phrase of the passage text, not of its heading', () => {
    expect(matchesQuery(parseQuery('"xây dựng đảng"'), text, heading)).toBe(false);
    expect(matchesQuery(parseQuery('"chi bộ thôn"'), text, heading)).toBe(true);
  });
});
