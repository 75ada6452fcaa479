import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { findReferences, normaliseTerm, referencePattern } from '../../src/core/references.js';
import { readCorpusFile, SEED } from '../support/fixtures.js';

const seed = (id: string) => prepareDocument(readCorpusFile(`${id}.txt`), 'txt');

describe('metadata of the seed articles', () => {
  it.each([
    [SEED.banCanSu, { kind: 'bài viết', author: null, number: null, issuer: null, term: null }, ['nghị quyết Trung ương 4 khóa XI, XII', '05-CT/TW']],
    [
      SEED.phoiHop,
      { kind: 'tham luận', author: 'Nguyễn Văn Trung', number: null },
      ['03-CT/TW', '296-QC/BCSĐ-ĐUBKH', 'nghị quyết 19', 'nghị quyết Trung ương 4', 'nghị quyết Trung ương 5 khóa X', '03-NQ/ĐUK'],
    ],
    [SEED.tccsd, { kind: 'bài viết', author: 'Hà Ban', number: null }, ['38-KL/TW', '22-NQ/TW']],
    [SEED.goCongTay, { kind: 'bài viết', author: 'Phạm Nguyễn Hoàng Vũ', number: null }, []],
    [SEED.banDanToc, { kind: 'bài viết', author: 'Nguyễn Thế Dương', number: null }, ['nghị quyết Trung ương 4 khóa XII', '05-CT/TW']],
  ])('%s', (id, fields, referenceKeys) => {
    const doc = seed(id);
    expect(doc).toMatchObject(fields);
    expect([...new Set(doc.references.map((r) => r.key))]).toEqual(referenceKeys);
    for (const r of doc.references) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
  });
});

describe('findReferences', () => {
  it.each([
    ['Chỉ thị 05 của Bộ Chính trị về đẩy mạnh', '05-CT/TW', 'Chỉ thị 05 của Bộ Chính trị'],
    ['thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị', '05-CT/TW', 'Chỉ thị số 05-CT/TW của Bộ Chính trị'],
    ['Nghị quyết số 22-NQ/TW của BCH Trung ương khóa X về nâng cao', '22-NQ/TW', 'Nghị quyết số 22-NQ/TW của BCH Trung ương khóa X'],
    ['Kết luận số 38-KL/TW “Về tổng kết', '38-KL/TW', 'Kết luận số 38-KL/TW'],
    ['Quy chế phối hợp số 296-QC/BCSĐ-ĐUBKH ngày 20/6/2013 giữa', '296-QC/BCSĐ-ĐUBKH', 'Quy chế phối hợp số 296-QC/BCSĐ-ĐUBKH ngày 20/6/2013'],
    ['theo Nghị quyết Trung ương 4 (khóa XI, XII) gắn với', 'nghị quyết Trung ương 4 khóa XI, XII', 'Nghị quyết Trung ương 4 (khóa XI, XII)'],
    ['Nghị định 19/2023/NĐ-CP của Chính phủ', '19/2023/NĐ-CP', 'Nghị định 19/2023/NĐ-CP của Chính phủ'],
    ['căn cứ 2820/QĐ-UBND', '2820/QĐ-UBND', '2820/QĐ-UBND'],
  ])('%s', (text, key, written) => {
    const [ref] = findReferences(text);
    expect(ref).toMatchObject({ key, text: written });
    expect(text.slice(ref!.start, ref!.end)).toBe(written);
  });

  it('reads the date and kind of a reference', () => {
    expect(findReferences('Quy chế phối hợp số 296-QC/BCSĐ-ĐUBKH ngày 20/6/2013')[0]).toMatchObject({ kind: 'quy chế', date: '2013-06-20' });
  });

  it('normalises terms to Roman numerals', () => {
    expect(normaliseTerm('12')).toBe('XII');
    expect(normaliseTerm('xi, 12')).toBe('XI, XII');
  });
});

describe('formal documents', () => {
  const text = [
    'BAN CHẤP HÀNH TRUNG ƯƠNG',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Số 35-CT/TW',
    'Hà Nội, ngày 14 tháng 6 năm 2024',
    'CHỈ THỊ',
    'CỦA BỘ CHÍNH TRỊ',
    'VỀ TỔ CHỨC ĐẠI HỘI ĐẢNG BỘ CÁC CẤP TIẾN TỚI ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIV CỦA ĐẢNG',
    'Đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng là sự kiện chính trị quan trọng. Thực hiện Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương khóa XIII về thi hành Điều lệ Đảng.',
    'T/M BỘ CHÍNH TRỊ',
  ].join('\n');

  it('reads number, kind, issuer, date and title from the header', () => {
    const doc = prepareDocument(text, 'txt');
    expect(doc).toMatchObject({
      number: '35-CT/TW',
      kind: 'chỉ thị',
      // The letterhead says Ban Chấp hành Trung ương, the `CỦA …` and `T/M …` lines Bộ Chính trị: the issuer is the latter.
      issuer: 'Bộ Chính trị',
      onBehalfOf: 'Bộ Chính trị',
      term: 'XIII',
      date: '2024-06-14',
      title: 'CHỈ THỊ CỦA BỘ CHÍNH TRỊ VỀ TỔ CHỨC ĐẠI HỘI ĐẢNG BỘ CÁC CẤP TIẾN TỚI ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIV CỦA ĐẢNG',
    });
    expect(doc.references.map((r) => r.key)).toEqual(['24-QĐ/TW']);
  });
});

describe('kind of a number', () => {
  it('reads QĐ as a regulation in Party numbering and a decision in state numbering', () => {
    expect(findReferences('theo 24-QĐ/TW')[0]!.kind).toBe('quy định');
    expect(findReferences('theo 2820/QĐ-UBND')[0]!.kind).toBe('quyết định');
  });
});

describe('referencePattern (documents a query names)', () => {
  it.each([
    ['22-nq/tw', { numbers: ['22-NQ/TW'] }],
    ['chỉ thị 05 của bộ chính trị', { numbers: ['05-CT/TW'] }],
    ['Chỉ thị 05', { numbers: [], prefixes: ['05-CT/', 'chỉ thị 05', '05/CT-', '5/CT-'] }],
    // A text that gives the full number cites `Nghị quyết 202` by it: 202/2025/QH15.
    ['Nghị quyết 202', { numbers: [], prefixes: ['202-NQ/', 'nghị quyết 202', '202/NQ-', '202/20'] }],
    ['nghị quyết trung ương 4 khoá 12', { keys: ['nghị quyết Trung ương 4 khóa XII'] }],
  ])('%s', (query, expected) => expect(referencePattern(query)).toMatchObject(expected));

  it('is null for a topic query', () => expect(referencePattern('sinh hoạt chi bộ')).toBeNull());
});
