import { describe, expect, it } from 'vitest';
import { identityLabel, identityMatches, identityOfDocument, identityText, namedSpans, parseIdentities, parseIdentity, withoutNames } from '../../src/core/document-identity.js';

/** Stored documents (number as the store keeps it, with their fields) the spellings below must name. */
const DOCUMENTS = {
  nq22x: { number: '22-NQ/TW', term: 'X', date: '2008-02-02' },
  nq22xiii: { number: '22-NQ/TW', term: 'XIII', date: '2023-11-30' },
  ct05: { number: '05-CT/TW', term: 'XII', date: '2016-05-15' },
  nd19: { number: '19/2023/NĐ-CP', term: null, date: '2023-04-28' },
  nd100: { number: '100/2019/NĐ-CP', term: null, date: '2019-12-30' },
  tt22: { number: '22/2024/TT-BGDĐT', term: null, date: '2024-12-12' },
  qd1234: { number: '1234/QĐ-TTg', term: null, date: '2024-10-15' },
  qd33: { number: '33/2025/QĐ-TTg', term: null, date: '2025-10-01' },
  qdi366: { number: '366-QĐ/TW', term: 'XIII', date: '2025-08-30' },
  qh33: { number: '33/2024/QH15', term: 'XV', date: '2024-06-29' },
  nq71cp: { number: '71/NQ-CP', term: null, date: '2025-04-01' },
  nq71tw: { number: '71-NQ/TW', term: 'XIII', date: '2025-08-22' },
  qc296: { number: '296-QC/BCSĐ-ĐUBKH', term: null, date: '2019-01-10' },
  kl126: { number: '126-KL/TW', term: 'XIII', date: '2025-02-14' },
  nq57hdnd: { number: '57/2025/NQ-HĐND', term: null, date: '2025-07-10' },
  nq57tw: { number: '57-NQ/TW', term: 'XIII', date: '2024-12-22' },
} as const;
type Key = keyof typeof DOCUMENTS;
const identities = Object.fromEntries(Object.entries(DOCUMENTS).map(([k, d]) => [k, identityOfDocument(d)!])) as Record<Key, NonNullable<ReturnType<typeof identityOfDocument>>>;
const named = (query: string): Key[] => {
  const q = parseIdentity(query);
  return q ? (Object.keys(identities) as Key[]).filter((k) => identityMatches(q, identities[k])) : [];
};

describe('every spelling of a number names the same documents', () => {
  it.each<[string, Key[]]>([
    ['22-NQ/TW', ['nq22x', 'nq22xiii']],
    ['22/NQ-TW', ['nq22x', 'nq22xiii']],
    ['22 NQ TW', ['nq22x', 'nq22xiii']],
    ['22 nq tw', ['nq22x', 'nq22xiii']],
    ['22–NQ/TW', ['nq22x', 'nq22xiii']],
    ['NQ 22', ['nq22x', 'nq22xiii']],
    ['nq 22', ['nq22x', 'nq22xiii']],
    ['Nghị quyết 22 khóa X', ['nq22x']],
    ['nghi quyet 22 khoa 10', ['nq22x']],
    ['Nghị quyết 22 (khoá XIII)', ['nq22xiii']],
    ['Nghị quyết số 22-NQ/TW', ['nq22x', 'nq22xiii']],
    ['nghị quyết số 22-NQ/TW năm 2008', ['nq22x']],
    ['Nghị quyết 22 của Bộ Chính trị', ['nq22x', 'nq22xiii']],
    ['Chỉ thị 05 của Bộ Chính trị', ['ct05']],
    ['chỉ thị 5', ['ct05']],
    ['05/CT-TW', ['ct05']],
    ['19/2023/NĐ-CP', ['nd19']],
    ['19/2023/ND-CP', ['nd19']],
    ['19/2023/nđ-cp', ['nd19']],
    ['nghị định 19 nđ cp', ['nd19']],
    ['NĐ 19/2023', ['nd19']],
    ['nghi dinh 19 nam 2023', ['nd19']],
    ['Nghị định 100 năm 2019', ['nd100']],
    ['nghị định 100/2019', ['nd100']],
    ['NĐ-CP số 100', ['nd100']],
    ['22/2024/TT-BGDĐT', ['tt22']],
    ['22/2024/TT-BGDDT', ['tt22']],
    ['thông tư 22 bgddt', ['tt22']],
    ['Thông tư 22/2024', ['tt22']],
    ['1234/QĐ-TTg', ['qd1234']],
    ['1234/QD-TTG', ['qd1234']],
    ['quyết định 1234 qđ ttg', ['qd1234']],
    ['QĐ-TTg 1234', ['qd1234']],
    ['Quyết định 33/2025/QĐ-TTg', ['qd33']],
    ['Quy định 366', ['qdi366']],
    ['QĐ 366-QĐ/TW', ['qdi366']],
    ['quy dinh 366 qd tw', ['qdi366']],
    ['Luật 33/2024/QH15', ['qh33']],
    ['33/2024/qh15', ['qh33']],
    ['luật số 33 năm 2024 của Quốc hội', ['qh33']],
    ['71/NQ-CP', ['nq71cp']],
    ['71-NQ/TW', ['nq71tw']],
    ['nghị quyết 71', ['nq71cp', 'nq71tw']],
    ['Quy chế phối hợp 296-QC/BCSĐ-ĐUBKH', ['qc296']],
    ['296 qc', ['qc296']],
    ['Kết luận 126/KL-TW', ['kl126']],
    ['KL 126', ['kl126']],
    ['57/2025/NQ-HĐND', ['nq57hdnd']],
    ['57/2025/NQ-HDND', ['nq57hdnd']],
    ['nghị quyết 57', ['nq57hdnd', 'nq57tw']],
    ['nghị quyết 57 năm 2024', ['nq57tw']],
  ])('%s', (query, expected) => {
    expect(named(query)).toEqual(expected);
  });
});

describe('what is not a document name', () => {
  it.each(['kế hoạch 5 năm', '22', 'năm 2024', 'Nghị quyết Trung ương 4 khóa XII', 'quyết định 3 lần', 'chuyển đổi số'])('%s', (query) => {
    expect(parseIdentity(query)).toBeNull();
  });
});

describe('identities', () => {
  it('reads every part of a full number', () => {
    expect(parseIdentity('Nghị quyết số 22-NQ/TW khóa X')).toEqual({ number: '22', code: 'NQ', kinds: ['nghị quyết'], issuer: 'TW', term: 'X', year: null });
    expect(parseIdentity('19/2023/ND-CP')).toEqual({ number: '19', code: 'NĐ', kinds: ['nghị định'], issuer: 'CP', term: null, year: 2023 });
    expect(parseIdentity('Quy chế 296-QC/BCSĐ-ĐUBKH')?.issuer).toBe('BCSĐ-ĐUBKH');
  });

  it('gives a stored document its term and year', () => {
    expect(identities.nq22x).toMatchObject({ term: 'X', year: 2008 });
    // The term of a central Party number is the one in force at its date.
    expect(identityOfDocument({ number: '22-NQ/TW', date: '2008-02-02' })?.term).toBe('X');
    expect(identityOfDocument({ number: '33/2024/QH15' })?.term).toBe('XV');
  });

  it('names identities canonically', () => {
    expect(identityLabel(identities.nq22x)).toBe('22-NQ/TW khóa X');
    expect(identityLabel(parseIdentity('19/2023/nd cp')!)).toBe('19/2023/NĐ-CP');
    expect(identityLabel(parseIdentity('QĐ-TTg 1234')!)).toBe('1234/QĐ-TTg');
    expect(identityLabel(parseIdentity('33/2024/qh15')!)).toBe('33/2024/QH15');
    expect(identityLabel(parseIdentity('nghị quyết 22')!)).toBe('nghị quyết 22');
  });

  it('finds several names in one text', () => {
    expect(parseIdentities('Nghị quyết 57-NQ/TW và Nghị quyết 71, 72').map(identityLabel)).toEqual(['57-NQ/TW', 'nghị quyết 71']);
  });
});

describe('where names are', () => {
  it('finds the span of each name and what is left around them', () => {
    expect(namedSpans('về Nghị quyết số 22-NQ/TW khóa X nhé').map((m) => [m.start, m.end])).toEqual([[3, 32]]);
    expect(withoutNames('nghị quyết 22 về tổ chức cơ sở đảng').trim()).toBe('về tổ chức cơ sở đảng');
    expect(withoutNames('NQ 22').trim()).toBe('');
  });

  it('writes identities as running text names documents', () => {
    expect(identityText(parseIdentity('22 nq tw')!)).toBe('22-NQ/TW');
    expect(identityText(parseIdentity('NQ 22')!)).toBe('Nghị quyết 22');
    expect(identityText(parseIdentity('nd 100 nam 2019')!)).toBe('Nghị định 100 năm 2019');
    expect(identityText(parseIdentity('ND-CP 19 năm 2023')!)).toBe('19/2023/NĐ-CP');
  });
});

describe('numbers without a type code', () => {
  it('reads an issuing unit after the slash, and National Assembly numbers whatever code precedes them', () => {
    expect(parseIdentity('công văn 17899/BTC-VP')).toMatchObject({ number: '17899', code: null, kinds: ['công văn'], issuer: 'BTC-VP' });
    expect(identityText(parseIdentity('công văn 17899/BTC-VP')!)).toBe('17899/BTC-VP');
    expect(identityMatches(parseIdentity('công văn 17899/BTC-VP')!, identityOfDocument({ number: '17899/BTC-VP' })!)).toBe(true);
    expect(identityLabel(parseIdentity('NQ 198/2025/QH15')!)).toBe('198/2025/QH15');
    expect(identityText(parseIdentity('NQ 198/2025/QH15')!)).toBe('198/2025/QH15');
  });
});
