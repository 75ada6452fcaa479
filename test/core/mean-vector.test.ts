/** The normalised mean of a document's passage vectors (src/core/mean-vector.ts). */
import { describe, expect, it } from 'vitest';
import { meanVector } from '../../src/core/mean-vector.js';

describe('meanVector', () => {
  it('averages and scales to unit length', () => {
    const mean = meanVector([new Float32Array([1, 0, 0]), new Float32Array([0, 1, 0])]);
    expect(Array.from(mean ?? [])).toEqual(Array.from(new Float32Array([Math.SQRT1_2, Math.SQRT1_2, 0])));
    const one = meanVector([new Float32Array([0, 3, 4])]);
    expect(Array.from(one ?? [])).toEqual(Array.from(new Float32Array([0, 0.6, 0.8])));
  });

  it('has no direction for no vectors or vectors that cancel out', () => {
    expect(meanVector([])).toBeNull();
    expect(meanVector([new Float32Array([1, -2]), new Float32Array([-1, 2])])).toBeNull();
  });
});
