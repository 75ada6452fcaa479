/**
 * Repair of real OCR output: pages 1, 2, 3 and 10 of the scanned Nghị định 100/2019/NĐ-CP
 * (../shared/corpus/decrees/100_2.pdf) as Debian's tesseract 5.3 with `vie` read them (TSV, test/fixtures/ocr/).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairOcrText } from '../../src/core/ocr-repair.js';
import { countValidSyllables } from '../../src/core/ocr-vocabulary.js';
import { repairStructure } from '../../src/core/ocr-structure.js';
import { parseTesseractTsv } from '../../src/core/tesseract-tsv.js';
import { bundledVocabulary } from '../../src/ingest/ocr/vocabulary-file.js';

const page = (n: string) => parseTesseractTsv(readFileSync(new URL(`../fixtures/ocr/nd100-scan-page-${n}.tsv`, import.meta.url), 'utf8'))[0]!.text;
const pages = ['01', '02', '03', '10'].map(page);
const vocabulary = bundledVocabulary();
for (const p of pages) countValidSyllables(p, vocabulary);
const line = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('repairOcrText on real OCR lines', () => {
  const repaired = pages.map((p) => repairOcrText(p, vocabulary).text);

  it('gives back tones and marks the context asks for', () => {
    expect(line(pages[0]!, 'vượt trên 100%')).toContain('sô người');
    expect(line(repaired[0]!, 'vượt trên 100%')).toContain('số người');
    expect(line(pages[0]!, '15. Ngoài')).toContain('tô chức');
    expect(line(repaired[0]!, '15. Ngoài')).toContain('tổ chức');
  });

  it('replaces syllables Vietnamese does not have by the closest known ones', () => {
    expect(pages[3]).toContain('lý thuyêt,');
    expect(repaired[3]).toContain('lý thuyết,');
  });

  it('reads clause numbers and point labels by the numbering', () => {
    expect(line(repaired[0]!, 'a) Thực hiện hành vi quy định tại khoản')).toContain('khoản 1;');
    // The page opens with `ø)` before `h)`: it is `g)`.
    expect(pages[0]!.split('\n')[2]).toMatch(/^ø\)/);
    expect(repaired[0]!.split('\n')[2]).toMatch(/^g\) Thực hiện/);
  });

  it('never adds or removes words, and leaves correct lines as they are', () => {
    for (const [i, p] of pages.entries()) {
      expect(repaired[i]!.split(/\s+/).length).toBe(p.split(/\s+/).length);
      expect(repaired[i]!.split('\n').length).toBe(p.split('\n').length);
    }
    const clean = 'd) Thực hiện hành vi quy định tại điểm a, điểm e, điểm g khoản 9 Điều này';
    expect(repairOcrText(clean, vocabulary).text).toBe(clean);
  });

  it('leaves codes, numbers and abbreviations alone, and gives back a letter read as a digit inside a word', () => {
    const text = 'theo Nghị định số 100/2019/NĐ-CP của UBND tỉnh, 01 tháng; Giấy phép lái xe hạng A1, B1';
    expect(repairOcrText(text, vocabulary).text).toBe(text);
    // Page 74 of the scan: `phương tiện bị tạm g1ữ.`
    expect(repairOcrText('phương tiện bị tạm g1ữ.', vocabulary).text).toBe('phương tiện bị tạm giữ.');
  });
});

describe('repairStructure', () => {
  it('reads `l`, `I` as 1 after Điều and khoản, and roman numerals after Chương', () => {
    expect(repairStructure('Điều L. Phạm vi').text).toBe('Điều 1. Phạm vi');
    expect(repairStructure('Điều l. Phạm vi\nquy định tại khoản I1 Điều này\nChương Il').text).toBe('Điều 1. Phạm vi\nquy định tại khoản 11 Điều này\nChương II');
  });

  it('fits a garbled or out-of-sequence point label between its neighbours, keeping offsets', () => {
    const text = 'h) một;\n¡) hai;\nk) ba;\nc) bốn;\nđ) năm;\nđ) sáu;';
    const { text: out, repairs } = repairStructure(text);
    expect(out).toBe('h) một;\ni) hai;\nk) ba;\nc) bốn;\nd) năm;\nđ) sáu;');
    expect(out.length).toBe(text.length);
    expect(repairs.map((r) => `${r.from}→${r.to}`)).toEqual(['¡→i', 'đ→d']);
  });
});
