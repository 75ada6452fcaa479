/** The `vectors` table keeps float32 values exactly, whatever the offset of the bytes SQLite hands back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toVector, type VectorRow, vectorBytes } from '../../../src/store/tables/vectors.js';
import { type StoredFixtures, storedFixtures } from './stored-fixtures.js';

let s: StoredFixtures;
beforeEach(() => {
  s = storedFixtures();
});
afterEach(() => s.cleanup());

describe('vectors rows', () => {
  it('a stored vector reads back bit for bit, through the raw row and the store', () => {
    const keys = s.store.passageKeys(s.scanned.id);
    const values = keys.map((key, i) => new Float32Array([key, -i / 3, Math.PI, 1e-30]));
    s.store.putVectors('m', keys.map((key, i) => ({ key, vector: values[i]! })));
    const rows = s.raw.prepare('SELECT * FROM vectors ORDER BY passage_key').all() as VectorRow[];
    expect(rows.map((r) => [r.passage_key, r.model, r.vector.byteLength])).toEqual(keys.map((k) => [k, 'm', 16]));
    expect(rows.map((r) => toVector(r.vector))).toEqual(values);
    expect(s.store.documentVectors(s.scanned.id, 'm')).toEqual(values);
  });

  it('toVector copies bytes that start at an offset a Float32Array cannot start at', () => {
    const vector = new Float32Array([0.5, -2, 3.25]);
    const shifted = Buffer.alloc(13);
    vectorBytes(vector).copy(shifted, 1);
    expect(toVector(shifted.subarray(1))).toEqual(vector);
  });
});
