import { describe, expect, it } from 'vitest';
import { locatePages, pageAt, type SourcePage } from '../../src/core/page-spans.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { parseTesseractTsv } from '../../src/core/tesseract-tsv.js';

const page = (number: number, text: string, ocr = true): SourcePage => ({ number, text, ocr, confidence: ocr ? 0.9 : null });

describe('locatePages', () => {
  it('finds where each page starts after lines were joined and a page number dropped', () => {
    const pages = [
      page(1, 'Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về hành vi vi\nphạm hành chính;'),
      page(2, '77\nb) Hành vi vi phạm trong lĩnh vực giao\nthông đường sắt;'),
    ];
    const stored = 'Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về hành vi vi phạm hành chính; b) Hành vi vi phạm trong lĩnh vực giao thông đường sắt;';
    const starts = locatePages(stored, pages);
    expect(starts).toEqual([0, stored.indexOf('b) Hành vi')]);
    expect(pageAt(starts, stored.indexOf('đường sắt'))).toBe(1);
    expect(pageAt(starts, 5)).toBe(0);
  });

  it('gives a page none of whose lines is found the start of the page before', () => {
    expect(locatePages('một hai ba bốn năm sáu bảy', [page(1, 'một hai ba bốn'), page(2, 'không có ở đây chút nào')])).toEqual([0, 0]);
  });
});

describe('prepareDocument with pages', () => {
  it('marks each passage with its page, OCR and confidence', () => {
    const body = (n: number) => `${n}. Phạt tiền từ ${n}00.000 đồng đến ${n + 1}00.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây theo quy định của pháp luật.`;
    const article = (n: number) => `Điều ${n}. Xử phạt người điều khiển xe loại ${n}\n${body(1)}\n${body(2)}`;
    const pages = [page(1, article(5), false), page(2, article(6))];
    const doc = prepareDocument(pages.map((p) => p.text).join('\n'), 'pdf', pages);
    const last = doc.passages[doc.passages.length - 1]!;
    expect(doc.passages[0]).toMatchObject({ page: 1, ocr: false, confidence: null });
    expect(last).toMatchObject({ page: 2, ocr: true, confidence: 0.9 });
    expect(doc.passages.length).toBeGreaterThan(1);
    expect(last.section).toContain('Điều 6');
  });
});

describe('parseTesseractTsv', () => {
  it('rebuilds lines and paragraphs and averages word confidence per page', () => {
    const rows = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tĐiều',
      '5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t80\t5.',
      '5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t70\tXử',
      '5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t60\tphạt',
      '5\t2\t1\t1\t1\t1\t0\t0\t1\t1\t50\tHai',
    ];
    const pages = parseTesseractTsv(rows.join('\n'));
    expect(pages.map((p) => p.text)).toEqual(['Điều 5.\nXử\n\nphạt', 'Hai']);
    expect(pages[0]!.confidence).toBeCloseTo(0.75);
    expect(pages[1]).toMatchObject({ page: 2, words: 1 });
  });
});
