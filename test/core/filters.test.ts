import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, matchesFilters, parseStatus, parseTerm } from '../../src/core/filters.js';
import type { DocumentFields } from '../../src/core/types.js';

const doc = (term: string | null): DocumentFields => ({ title: null, date: null, kind: 'nghị quyết', number: null, issuer: null, term, author: null, signer: null, signerTitle: null, onBehalfOf: null, status: null });

describe('term filter', () => {
  it('reads a term however it is typed', () => {
    for (const typed of ['XII', 'xii', '12', 'khóa XII', 'khoá 12', 'khoa xii', ' Khóa XII ']) expect(parseTerm(typed), typed).toBe('XII');
    for (const wrong of ['', 'mười hai', 'XII và XIII', '123', 'khóa']) expect(parseTerm(wrong), wrong).toBeNull();
  });

  it('matches documents of that term, including documents of several terms', () => {
    expect(matchesFilters('a', doc('XII'), { term: '12' })).toBe(true);
    expect(matchesFilters('a', doc('XI, XII'), { term: 'XII' })).toBe(true);
    expect(matchesFilters('a', doc('XI, XII'), { term: 'khóa XI' })).toBe(true);
    expect(matchesFilters('a', doc('XI'), { term: 'XII' })).toBe(false);
    expect(matchesFilters('a', doc(null), { term: 'XII' })).toBe(false);
    expect(matchesFilters('a', doc(null), {})).toBe(true);
  });
});

describe('signer and status filters', () => {
  const signed: DocumentFields = { ...doc(null), kind: 'quyết định', signer: 'Đinh Văn Khải', signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', onBehalfOf: 'Ủy ban nhân dân', status: 'no-longer-in-force' };

  it('matches part of the signer, diacritics and case ignored, and never a document without a signer', () => {
    for (const typed of ['Đinh Văn Khải', 'dinh van khai', 'Khải', 'KHAI']) expect(matchesFilters('a', signed, { signer: typed }), typed).toBe(true);
    expect(matchesFilters('a', signed, { signer: 'Khánh' })).toBe(false);
    expect(matchesFilters('a', doc(null), { signer: 'Khải' })).toBe(false);
  });

  it('matches exactly one status, never a document whose status is unknown', () => {
    expect(matchesFilters('a', signed, { status: 'no-longer-in-force' })).toBe(true);
    expect(matchesFilters('a', signed, { status: 'partly-in-force' })).toBe(false);
    expect(matchesFilters('a', signed, { status: 'in-force' })).toBe(false);
    expect(matchesFilters('a', doc(null), { status: 'in-force' })).toBe(false);
  });

  it('reads only the four status values, as written', () => {
    expect(DOCUMENT_STATUSES).toEqual(['in-force', 'not-yet-in-force', 'partly-in-force', 'no-longer-in-force']);
    for (const s of DOCUMENT_STATUSES) expect(parseStatus(` ${s} `)).toBe(s);
    for (const wrong of ['', 'In-Force', 'còn hiệu lực', 'expired', 'in force']) expect(parseStatus(wrong), wrong).toBeNull();
  });
});
