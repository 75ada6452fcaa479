import { describe, expect, it } from 'vitest';
import { matchesFilters, parseTerm } from '../../src/core/filters.js';
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
