import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from '../../src/core/fuse.js';

describe('reciprocalRankFusion', () => {
  it('ranks items found by both lists above items found by one', () => {
    const fused = reciprocalRankFusion([
      [1, 2, 3],
      [3, 4, 1],
    ]);
    expect(fused.map((f) => f.key).slice(0, 2)).toEqual([1, 3]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 3));
  });

  it('handles an empty list', () => {
    expect(reciprocalRankFusion([[], [7, 8]]).map((f) => f.key)).toEqual([7, 8]);
  });
});
