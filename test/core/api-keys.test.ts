import { expect, it } from 'vitest';
import { parseApiKeys } from '../../src/core/api-keys.js';

it('reads comma-separated keys, trimmed, and none from an empty or missing value', () => {
  expect(parseApiKeys(' k1 , k-2,,')).toEqual(['k1', 'k-2']);
  expect(parseApiKeys(undefined)).toEqual([]);
  expect(parseApiKeys('')).toEqual([]);
});

it('refuses a key no Bearer header could carry, naming its position and never the key', () => {
  expect(() => parseApiKeys('good,bad key')).toThrow(/key 2 of 2 holds a space/);
  expect(() => parseApiKeys('khóa')).toThrow(/key 1 of 1 holds a character outside printable ASCII/);
  try {
    parseApiKeys('bí mật');
  } catch (err) {
    expect((err as Error).message).not.toContain('bí mật');
  }
});
