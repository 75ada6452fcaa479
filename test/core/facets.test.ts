import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { countFacets, facetValues, parseFacetFields } from '../../src/core/facets.js';
import type { DocumentFields } from '../../src/core/types.js';

const doc = (fields: Partial<DocumentFields>): DocumentFields => ({
  title: null,
  date: null,
  kind: 'bài viết',
  number: null,
  issuer: null,
  term: null,
  author: null,
  signer: null,
  signerTitle: null,
  onBehalfOf: null,
  status: null,
  ...fields,
});

describe('facets', () => {
  it('reads the year from the date and each term of a document of several', () => {
    const d = doc({ date: '2016-05-15', term: 'XI, XII' });
    expect(facetValues(d, 'year')).toEqual(['2016']);
    expect(facetValues(d, 'term')).toEqual(['XI', 'XII']);
    expect(facetValues(d, 'issuer')).toEqual([]);
  });

  it('counts documents per value, most frequent first, ties in value order, unstated fields left out', () => {
    const docs = [
      doc({ kind: 'chỉ thị', issuer: 'Bộ Chính trị', date: '2016-05-15', term: 'XII', status: 'in-force' }),
      doc({ kind: 'nghị quyết', issuer: 'Bộ Chính trị', date: '2022-09-12', term: 'XIII' }),
      doc({ kind: 'nghị quyết', issuer: 'Ban Bí thư', date: '2022-01-01', term: 'XII, XIII' }),
      doc({}),
    ];
    expect(countFacets(docs, ['kind', 'issuer', 'year', 'term', 'status', 'signer'])).toEqual({
      kind: [
        { value: 'nghị quyết', count: 2 },
        { value: 'bài viết', count: 1 },
        { value: 'chỉ thị', count: 1 },
      ],
      issuer: [
        { value: 'Bộ Chính trị', count: 2 },
        { value: 'Ban Bí thư', count: 1 },
      ],
      year: [
        { value: '2022', count: 2 },
        { value: '2016', count: 1 },
      ],
      term: [
        { value: 'XII', count: 2 },
        { value: 'XIII', count: 2 },
      ],
      status: [{ value: 'in-force', count: 1 }],
      signer: [],
    });
    expect(countFacets(docs, ['year'])).toEqual({ year: [{ value: '2022', count: 2 }, { value: '2016', count: 1 }] });
  });

  it('reads the facets parameter, refusing a field that has none', () => {
    expect(parseFacetFields(' kind, year,kind ,')).toEqual(['kind', 'year']);
    expect(parseFacetFields('')).toEqual([]);
    expect(() => parseFacetFields('kind,date')).toThrow(UserError);
    expect(() => parseFacetFields('kind,date')).toThrow('"facets" may name kind, issuer, signer, year, term, status; not date');
  });
});
