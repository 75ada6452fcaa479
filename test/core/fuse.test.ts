import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FUSION,
  formatFusionSpec,
  type FusionSpec,
  fuse,
  minMaxNormalise,
  parseFusionSpec,
  reciprocalRankFusion,
  RRF_K,
  type Scored,
  zScoreNormalise,
} from '../../src/core/fuse.js';

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

const lexical: Scored[] = [
  { key: 1, score: 12 },
  { key: 2, score: 11.5 },
  { key: 3, score: 2 },
];
const dense: Scored[] = [
  { key: 3, score: 0.91 },
  { key: 4, score: 0.9 },
  { key: 1, score: 0.8 },
];
const spec = (method: FusionSpec['method'], lexicalWeight: number, depth = 50): FusionSpec => ({ method, lexicalWeight, k: RRF_K, depth });

describe('fuse', () => {
  it('rrf is equal-weight reciprocal rank fusion whatever the weight', () => {
    const expected = reciprocalRankFusion([
      [1, 2, 3],
      [3, 4, 1],
    ]);
    expect(fuse(lexical, dense, spec('rrf', 0.9))).toEqual(expected);
  });

  it('weighted-rrf at weight 0.5 orders as rrf, and a heavy lexical weight puts the lexical order first', () => {
    expect(fuse(lexical, dense, spec('weighted-rrf', 0.5)).map((f) => f.key)).toEqual(fuse(lexical, dense, spec('rrf', 0.5)).map((f) => f.key));
    const sharp = (w: number) => ({ ...spec('weighted-rrf', w), k: 1 });
    expect(fuse(lexical, dense, sharp(0.95)).map((f) => f.key)).toEqual([1, 2, 3, 4]);
    expect(fuse(lexical, dense, sharp(0.05)).map((f) => f.key)).toEqual([3, 4, 1, 2]);
  });

  it('minmax fuses the rescaled scores: a close second in BM25 stays close, a distant third drops', () => {
    // lexical rescaled: 1 → 1, 2 → 0.95, 3 → 0; dense: 3 → 1, 4 → 0.909, 1 → 0.
    const fused = fuse(lexical, dense, spec('minmax', 0.6));
    expect(fused.map((f) => f.key)).toEqual([1, 2, 3, 4]);
    expect(fused[0]!.score).toBeCloseTo(0.6);
    expect(fused[1]!.score).toBeCloseTo(0.6 * 0.95);
    expect(fuse(lexical, dense, spec('minmax', 0.3)).map((f) => f.key)).toEqual([3, 4, 1, 2]);
  });

  it('zscore gives an item missing from one list that list’s lowest score', () => {
    const z = zScoreNormalise(dense);
    const fused = fuse(lexical, dense, spec('zscore', 0));
    // Dense weight 1: key 2 (lexical only) ties the dense list's last item.
    expect(fused.find((f) => f.key === 2)!.score).toBeCloseTo(Math.min(...z.values()));
    expect(fused[0]!.key).toBe(3);
  });

  it('reads only the first `depth` candidates of each list', () => {
    expect(fuse(lexical, dense, spec('minmax', 0.5, 1)).map((f) => f.key).sort()).toEqual([1, 3]);
  });

  it('handles empty lists and lists without spread', () => {
    expect(fuse([], dense, spec('minmax', 0.5)).map((f) => f.key)).toEqual([3, 4, 1]);
    expect(fuse(lexical, [], spec('zscore', 0.5)).map((f) => f.key)).toEqual([1, 2, 3]);
    expect([...minMaxNormalise([{ key: 1, score: 3 }, { key: 2, score: 3 }]).values()]).toEqual([1, 1]);
    expect([...zScoreNormalise([{ key: 1, score: 3 }]).values()]).toEqual([0]);
  });
});

describe('parseFusionSpec', () => {
  it('reads method, weight, depth and k, filling the rest from the base', () => {
    expect(parseFusionSpec('minmax:0.7')).toEqual({ ...DEFAULT_FUSION, method: 'minmax', lexicalWeight: 0.7 });
    expect(parseFusionSpec('weighted-rrf:0.6:100:10')).toEqual({ method: 'weighted-rrf', lexicalWeight: 0.6, depth: 100, k: 10 });
    expect(formatFusionSpec(parseFusionSpec('zscore:0.4:200'))).toBe('zscore:0.4:200:60');
  });

  it('names what is wrong', () => {
    expect(() => parseFusionSpec('borda')).toThrow(/fusion method must be one of rrf, weighted-rrf, minmax, zscore/);
    expect(() => parseFusionSpec('minmax:1.5')).toThrow(/lexical weight out of range: "1.5"/);
    expect(() => parseFusionSpec('rrf:0.5:0')).toThrow(/depth out of range/);
  });

  // Review of session 7: reading the lists deeper (read-deeper stage) lowered the floor a missing item scores at, so a
  // passage only the dense side found fell below lexical-only ones: k = 5 and k = 10 listed different tops.
  it('keeps the order of the first items when the lists are read deeper (score methods)', () => {
    const lexical = [1, 2, 3, 4, 5, 6].map((key, i) => ({ key, score: 10 - i }));
    const dense = [100, 1, 2, 101, 102, 103].map((key, i) => ({ key, score: 0.9 - 0.01 * i }));
    for (const method of ['minmax', 'zscore'] as const) {
      const at3 = fuse(lexical, dense, spec(method, 0.7, 3), 3).map((f) => f.key);
      const at6 = fuse(lexical, dense, spec(method, 0.7, 3), 6).map((f) => f.key);
      expect(at6.slice(0, at3.length), method).toEqual(at3);
      expect(at3).toContain(100);
    }
  });
});
