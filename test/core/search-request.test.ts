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
});
