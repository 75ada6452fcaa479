import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeViqr } from '../../src/core/viqr.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { decodeText, utf16WithoutBom } from '../../src/ingest/decode-text.js';
import { extractText } from '../../src/ingest/read-document.js';
import { SHARED_DIR } from '../support/fixtures.js';

const CASES = join(SHARED_DIR, 'cases');
const read = (path: string) => readFileSync(join(CASES, path));

describe('VIQR text (cases/viqr-text)', () => {
  it('decodes to the Unicode source, letter for letter', () => {
    const want = read('viqr-text/source-unicode.txt').toString('utf8').normalize('NFC');
    expect(decodeText(read('viqr-text/dan-van-viqr.txt'))).toEqual({ text: want, encoding: 'viqr' });
  });

  it('is stored as Vietnamese, with its title', async () => {
    const { format, text } = await extractText(read('viqr-text/dan-van-viqr.txt'), 'dan-van-viqr.txt');
    const doc = prepareDocument(text, format);
    expect(doc.title).toBe('Tăng cường công tác dân vận của Đảng trong tình hình mới');
    expect(doc.text).toContain('Cán bộ, đảng viên phải gần dân, hiểu dân, trọng dân');
    expect(doc.text).not.toMatch(/[\^`~]|\p{L}\+/u);
  });

  it('reads every mark, and tells a full stop or question mark from a tone', () => {
    expect(decodeViqr('Ta(ng cu+o+`ng, dda^`u tu+ va`o DDa?ng')).toBe('Tăng cường, đầu tư vào Đảng');
    expect(decodeViqr('nhie^.m vu. co\' y\' nghi~a')).toBe('nhiệm vụ có ý nghĩa');
    expect(decodeViqr('gia?i quye^\'t ki.p tho+`i.')).toBe('giải quyết kịp thời.');
    expect(decodeViqr('Ca\'c ca^\'p u?y la` ai? Nha^n da^n. Ho.c ta^.p.')).toBe('Các cấp ủy là ai? Nhân dân. Học tập.');
    expect(decodeViqr('(a) va` o\\.')).toBe('(a) và o.');
  });

  it('leaves plain English and Vietnamese text alone', () => {
    const english = Buffer.from("It's a test. Don't worry, we're fine? Yes: a (b) c+d.");
    expect(decodeText(english)).toEqual({ text: english.toString(), encoding: 'utf-8' });
    const vietnamese = Buffer.from('Công tác dân vận là nhiệm vụ có ý nghĩa chiến lược.');
    expect(decodeText(vietnamese).encoding).toBe('utf-8');
  });
});

describe('UTF-16 without a byte-order mark (cases/utf16-without-bom)', () => {
  it('reads like the same file with a BOM', async () => {
    // The two files hold different articles, both UTF-16LE; the one without a BOM is read as the same bytes with one.
    const bytes = read('utf16-without-bom/dan-chu-utf16le-nobom.txt');
    const without = await extractText(bytes, 'b.txt');
    const withBom = await extractText(Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]), 'b.txt');
    expect(without).toEqual(withBom);
    expect(without).toEqual({ format: 'txt', text: bytes.toString('utf16le') });
    expect((await extractText(read('utf16-without-bom/dan-chu-utf16le-bom.txt'), 'a.txt')).text).toMatch(/^Phát huy dân chủ/u);
    expect(without.text).toMatch(/^Mở rộng dân chủ trong sinh hoạt chi bộ/u);
    expect(prepareDocument(without.text, without.format).title).toBe('Mở rộng dân chủ trong sinh hoạt chi bộ');
  });

  it('tells the byte order, and refuses binary data with zero bytes', () => {
    const text = 'Chi bộ cần tạo không khí dân chủ, cởi mở.';
    expect(utf16WithoutBom(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(utf16WithoutBom(be)).toBe('utf-16be');
    expect(decodeText(be)).toEqual({ text, encoding: 'utf-16be' });
    expect(utf16WithoutBom(Buffer.from('Chi bộ', 'utf8'))).toBeNull();
    // Executable-like bytes: zeros on both halves, control characters.
    expect(utf16WithoutBom(Uint8Array.from({ length: 512 }, (_, i) => (i % 3 === 0 ? 0 : (i * 7) % 32)))).toBeNull();
  });
});
