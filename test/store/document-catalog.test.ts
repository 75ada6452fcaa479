import { describe, expect, it } from 'vitest';
import { parseIdentities } from '../../src/core/document-identity.js';
import { DocumentCatalog, type CatalogDocument } from '../../src/store/document-catalog.js';

const doc = (id: string, number: string | null, title: string | null, date: string | null, kind = 'nghị quyết', term: string | null = null): CatalogDocument => ({
  id,
  number,
  title,
  kind,
  term,
  date,
});

const DOCS = [
  doc('nq22', '22-NQ/TW', 'NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA X về nâng cao năng lực lãnh đạo', '2008-02-02', 'nghị quyết', 'X'),
  doc('nq220', '220/NQ-CP', 'NGHỊ QUYẾT về phiên họp Chính phủ thường kỳ', '2024-12-30'),
  doc('nd19', '19/2023/NĐ-CP', 'NGHỊ ĐỊNH quy định chi tiết Luật Phòng, chống tham nhũng', '2023-04-28', 'nghị định'),
  doc('ct05', '05-CT/TW', 'CHỈ THỊ CỦA BỘ CHÍNH TRỊ về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', '2016-05-15', 'chỉ thị', 'XII'),
  doc('art', null, 'Chuyển đổi số trong công tác tuyên giáo', '2025-01-01', 'bài viết'),
  doc('art2', null, 'Chuyên đề học tập và làm theo tư tưởng Hồ Chí Minh năm 2025', '2025-03-01', 'bài viết'),
];

describe('document catalog', () => {
  const catalog = DocumentCatalog.build(DOCS);

  it('suggests numbers by prefix in any spelling', () => {
    const labels = (q: string) => catalog.suggest(q).filter((s) => s.kind === 'number').map((s) => s.label);
    expect(labels('22')).toEqual(['22-NQ/TW', '220/NQ-CP']);
    expect(labels('22-nq')).toEqual(['22-NQ/TW']);
    expect(labels('22/NQ')).toEqual(['22-NQ/TW']);
    expect(labels('NQ 22')).toEqual(['22-NQ/TW', '220/NQ-CP']);
    expect(labels('nghị quyết số 22')).toEqual(['22-NQ/TW', '220/NQ-CP']);
    expect(labels('19/2023/nd')).toEqual(['19/2023/NĐ-CP']);
    expect(labels('nghi dinh 19')).toEqual(['19/2023/NĐ-CP']);
    expect(labels('5-ct')).toEqual(['05-CT/TW']);
    expect(catalog.suggest('22-NQ')[0]).toEqual({ label: '22-NQ/TW', documentId: 'nq22', kind: 'number', detail: DOCS[0]!.title });
  });

  it('suggests titles by their words, the last one a prefix, diacritics optional', () => {
    const ids = (q: string) => catalog.suggest(q).map((s) => s.documentId);
    expect(ids('chuyển đổi s')).toEqual(['art']);
    expect(ids('chuyen')).toEqual(['art2', 'art']); // newest first
    expect(ids('hoc tap va lam theo')).toEqual(['art2', 'ct05']);
    expect(ids('tham nhũ')).toEqual(['nd19']);
    expect(ids('xyz')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(catalog.suggest('chuyen', 1)).toHaveLength(1);
    expect(catalog.suggest('tham nhu')[0]).toMatchObject({ kind: 'title', label: 'NGHỊ ĐỊNH quy định chi tiết Luật Phòng, chống tham nhũng', detail: '19/2023/NĐ-CP' });
  });

  it('follows writes', () => {
    const c = DocumentCatalog.build(DOCS);
    c.add(doc('nq57', '57-NQ/TW', 'NGHỊ QUYẾT về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia', '2024-12-22'));
    expect(c.suggest('57').map((s) => s.documentId)).toEqual(['nq57']);
    expect(c.suggest('chuyen doi so').map((s) => s.documentId)).toEqual(['art', 'nq57']);
    c.remove('art');
    expect(c.suggest('chuyen doi so').map((s) => s.documentId)).toEqual(['nq57']);
    expect(c.size).toBe(DOCS.length);
  });

  it('finds the documents a query names, whatever the spelling', () => {
    const named = (q: string) => catalog.named(parseIdentities(q)).flat();
    expect(named('nghị quyết 22')).toEqual(['nq22']);
    expect(named('22/NQ-TW')).toEqual(['nq22']);
    expect(named('Nghị quyết 22 khóa X')).toEqual(['nq22']);
    expect(named('Nghị quyết 22 khóa XII')).toEqual([]);
    expect(named('ND-CP 19 năm 2023')).toEqual(['nd19']);
    expect(named('chỉ thị 5 của Bộ Chính trị')).toEqual(['ct05']);
    expect(named('chuyển đổi số')).toEqual([]);
  });
});
