import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/ingest/detect-format.js';
import { extractText, MAX_FILE_BYTES } from '../../src/ingest/read-document.js';
import { readCorpusFile, SEED, SHARED_DIR } from '../support/fixtures.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('reads the type from content, not the extension', () => {
    expect(detectFormat(utf8('%PDF-1.4 ...'), 'van-ban.txt')).toBe('pdf');
    expect(detectFormat(utf8('<!DOCTYPE html><html><body>x</body></html>'), 'trang.txt')).toBe('html');
    expect(detectFormat(utf8('Nghị quyết số 22-NQ/TW'), 'nghi-quyet.html')).toBe('txt');
    // Page images (PNG, JPEG, TIFF both byte orders) are read by OCR.
    for (const sig of [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff, 0xe0], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]]) {
      expect(detectFormat(Uint8Array.from([...sig, 0, 0]), 'trang.bin')).toBe('image');
    }
  });

  it.each([
    ['empty', new Uint8Array(0), 'empty_file'],
    ['binary', Uint8Array.from([1, 2, 0, 0, 5, 6, 7]), 'binary_file'],
    ['GIF', Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]), 'unsupported_format'],
    ['ZIP', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'unsupported_format'],
  ])('refuses %s input', (_name, bytes, code) => {
    expect(() => detectFormat(bytes, 'x')).toThrow(expect.objectContaining({ code }));
  });

  it('tells a real DOCX, and refuses a ZIP that is not one with advice', () => {
    const docx = readFileSync(join(SHARED_DIR, 'corpus', 'decrees', 'ND100-2019.docx'));
    expect(detectFormat(docx, 'ND100-2019.docx')).toBe('docx');
    expect(() => detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'bang.xlsx')).toThrow(/not a Word document \(DOCX\); save it as DOCX, PDF or text/);
  });
});

describe('extractText', () => {
  it('reads UTF-8 text as it is', async () => {
    const text = readCorpusFile(`${SEED.banDanToc}.txt`);
    expect((await extractText(utf8(text), 'a.txt')).text).toBe(text);
  });

  it('reads UTF-16 with a BOM', async () => {
    const text = 'Chỉ thị số 05-CT/TW của Bộ Chính trị';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await extractText(le, 'a.txt')).text).toBe(text);
  });

  it('refuses text that is not UTF-8 instead of storing garbage', async () => {
    const latin1 = Buffer.from('Ngh\xec quy\xeat c\xf1a \xa7\xb6ng', 'latin1');
    await expect(extractText(latin1, 'a.txt')).rejects.toMatchObject({ code: 'unknown_encoding' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(extractText(new Uint8Array(MAX_FILE_BYTES + 1), 'a.txt')).rejects.toMatchObject({ code: 'too_large' });
  });
});
