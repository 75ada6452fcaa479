import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseSearchRequest } from '../../src/core/search-request.js';

const codeOf = (query: Record<string, unknown>): string | null => {
  try {
    parseSearchRequest(query);
    return null;
  } catch (err) {
    return err instanceof UserError ? err.code : 'not a UserError';
  }
};

describe('search request', () => {
  it('takes the signer as typed and the status as one of the four values', () => {
    const r = parseSearchRequest({ q: 'tiếp công dân', signer: ' dinh van khai ', status: 'no-longer-in-force' });
    expect(r.filters).toEqual({ signer: 'dinh van khai', status: 'no-longer-in-force' });
    expect(parseSearchRequest({ q: 'x', status: '' }).filters).toEqual({});
  });

  it('refuses any other status with a message listing the values', () => {
    for (const status of ['expired', 'Hết hiệu lực', 'IN-FORCE']) expect(codeOf({ q: 'x', status }), status).toBe('invalid_status');
    expect(() => parseSearchRequest({ q: 'x', status: 'expired' })).toThrow('"status" must be one of in-force, not-yet-in-force, partly-in-force, no-longer-in-force');
  });

  it('keeps the other checks', () => {
    expect(codeOf({ q: '' })).toBe('missing_query');
    expect(codeOf({ q: 'x', k: '0' })).toBe('invalid_k');
    expect(codeOf({ q: 'x', signer: 'a'.repeat(201) })).toBe('invalid_filter');
    expect(codeOf({ q: 'x', signer: ['a', 'b'] })).toBe('invalid_parameter');
    expect(codeOf({ q: 'x', term: 'XII' })).toBeNull();
  });

  it('reads exact=1 to search exactly as typed, and refuses other values', () => {
    expect(parseSearchRequest({ q: 'x' }).exact).toBe(false);
    for (const yes of ['1', 'true', true]) expect(parseSearchRequest({ q: 'x', exact: yes }).exact).toBe(true);
    for (const no of ['0', 'false', '']) expect(parseSearchRequest({ q: 'x', exact: no }).exact).toBe(false);
    expect(codeOf({ q: 'x', exact: 'yes' })).toBe('invalid_parameter');
  });

  it('refuses a day that does not exist, and a "from" after "to", in plain words', () => {
    for (const from of ['2025-02-30', '2025-13-01', '2024-04-31', '2023-02-29']) expect(codeOf({ q: 'x', from }), from).toBe('invalid_date');
    expect(codeOf({ q: 'x', from: '2024-02-29' })).toBeNull();
    expect(() => parseSearchRequest({ q: 'x', to: '2025-02-30' })).toThrow('"to" is 2025-02-30, a day that does not exist');
    expect(() => parseSearchRequest({ q: 'x', from: '2025-03-01', to: '2025-02-01' })).toThrow('"from" (2025-03-01) is after "to" (2025-02-01)');
    expect(codeOf({ q: 'x', from: '2025-02-01', to: '2025-02-01' })).toBeNull();
  });

  it('takes a kind typed without diacritics and refuses an unknown one, listing the kinds', () => {
    expect(parseSearchRequest({ q: 'x', kind: 'Nghi  quyet' }).filters).toEqual({ kind: 'nghị quyết' });
    expect(codeOf({ q: 'x', kind: 'nghị quyết xyz' })).toBe('invalid_kind');
    expect(() => parseSearchRequest({ q: 'x', kind: 'thư' })).toThrow(/"kind" must be one of: nghị quyết, chỉ thị, .*bài viết/);
  });

  it('refuses a query of punctuation only, and keeps one with a letter or a digit', () => {
    for (const q of ['?!...', '—', '"" ()', '%%%']) expect(codeOf({ q }), q).toBe('query_without_words');
    expect(codeOf({ q: '22-NQ/TW' })).toBeNull();
    expect(codeOf({ q: '?đ' })).toBeNull();
  });
});
