import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toTCVN3 } from 'vietnamese-conversion';
import { decodeVni, TCVN3, VNI } from '../../src/core/legacy-fonts.js';
import { isVietnameseSyllable, vietnameseScore } from '../../src/core/vietnamese-score.js';
import { decodeText } from '../../src/ingest/decode-text.js';
import { readCorpusFile, SEED } from '../support/fixtures.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The state motto as old documents carry it, typed in each legacy encoding. */
const MOTTO = 'Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc';
const MOTTO_TCVN3 = 'Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc';
const MOTTO_VNI = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc';

describe('decodeText', () => {
  it('converts TCVN3 bytes exactly', () => {
    expect(decodeText(latin1(MOTTO_TCVN3))).toEqual({ text: MOTTO, encoding: 'tcvn3' });
  });

  it('converts VNI-Windows bytes exactly', () => {
    expect(decodeText(latin1(MOTTO_VNI))).toEqual({ text: MOTTO, encoding: 'vni' });
  });

  it('repairs TCVN3 mojibake saved as UTF-8', () => {
    const decoded = decodeText(utf8('NghÞ quyÕt sè 22-NQ/TW cña Ban ChÊp hµnh Trung −¬ng vÒ n©ng cao n¨ng lùc l·nh ®¹o'));
    expect(decoded.encoding).toBe('tcvn3');
    expect(decoded.text).toMatch(/^Nghị quyết số 22-NQ\/TW của Ban Chấp hành Trung/);
  });

  it('repairs VNI mojibake saved as UTF-8', () => {
    expect(decodeText(utf8('Toâi ñi hoïc. Chi boä hoïp ñònh kyø haøng thaùng'))).toEqual({
      text: 'Tôi đi học. Chi bộ họp định kỳ hàng tháng',
      encoding: 'vni',
    });
  });

  it('converts a whole seed article from each legacy encoding', () => {
    const article = readCorpusFile(`${SEED.banCanSu}.txt`).normalize('NFC');
    const encode = (table: ReadonlyMap<string, string>, text: string) => [...text].map((c) => table.get(c) ?? c).join('');
    // TCVN3 writes toned capitals with a separate font, so its round trip is compared in lower case.
    const lower = article.toLowerCase();
    expect(decodeText(latin1(encode(TCVN3, lower))).text).toBe(lower);
    expect(decodeText(latin1(encode(VNI, article))).text).toBe(article);
  });

  it('reads Windows-1258 with its combining tone marks', () => {
    // Windows-1258 has letters with vowel marks but writes tones as combining marks after them.
    const tonesApart = [...MOTTO]
      .map((c) => {
        const d = c.normalize('NFD');
        const tones = d.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.join('') ?? '';
        return d.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC') + tones;
      })
      .join('');
    const bytes = iconv.encode(tonesApart, 'windows1258');
    expect(bytes.includes(0x3f)).toBe(false);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(MOTTO));
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('windows-1258');
    expect(decoded.text.normalize('NFC')).toBe(MOTTO);
  });

  it('reads UTF-16 in both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MOTTO, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toEqual({ text: MOTTO, encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: MOTTO, encoding: 'utf-16be' });
  });

  it('leaves Unicode Vietnamese and English alone', () => {
    const article = readCorpusFile(`${SEED.tccsd}.txt`);
    expect(decodeText(utf8(article))).toEqual({ text: article, encoding: 'utf-8' });
    const english = 'The resolution sets out tasks for Party committees at all levels.';
    expect(decodeText(utf8(english)).text).toBe(english);
  });

  it('refuses 8-bit text that reads as no Vietnamese encoding', () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0xa0 + ((i * 37) % 96)));
    expect(() => decodeText(noise)).toThrow(expect.objectContaining({ code: 'unknown_encoding' }));
    const german = Buffer.from('Größere Übungen für Mädchen und Jungen würden über die Straße gehen, schön', 'latin1');
    expect(() => decodeText(german)).toThrow(/Windows-1258, TCVN3 or VNI/);
  });
});

describe('vietnameseScore', () => {
  it('tells Vietnamese syllables from mojibake', () => {
    for (const w of ['nghiêng', 'quyết', 'Đảng', 'khuya', 'gì', 'trường']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['nghÞ', 'quyÕt', 'ViÖt', 'hoïc', 'strength', 'ảá']) expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('scores real articles high and mojibake low', () => {
    expect(vietnameseScore(readCorpusFile(`${SEED.phoiHop}.txt`))).toBeGreaterThan(0.9);
    expect(vietnameseScore(MOTTO_TCVN3)).toBeLessThan(0.6);
    expect(vietnameseScore('một hai')).toBeNull();
  });
});

describe('legacy font tables', () => {
  it('agree with vietnamese-conversion on every TCVN3 letter', () => {
    for (const [unicode, legacy] of TCVN3) expect(toTCVN3(unicode, 'unicode'), unicode).toBe(legacy);
  });

  it('spell VNI by its composition rules', () => {
    expect(VNI.get('ự')).toBe('öï');
    expect(VNI.get('ỹ')).toBe('yõ');
    expect(VNI.get('Ấ')).toBe('AÁ');
    expect(VNI.get('ị')).toBe('ò');
    expect(decodeVni('THÖÏC HIEÄN NGHÒ QUYEÁT')).toBe('THỰC HIỆN NGHỊ QUYẾT');
  });
});
