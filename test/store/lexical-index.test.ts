/**
 * The in-memory lexical index against a plain BM25 written out term by term: MaxScore pruning, segments, merges,
 * deletions and filters must never change which passages come back or their scores.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/store/lexical-index.js';
import { SEGMENT_CAPACITY, type PassageTerms } from '../../src/store/lexical-segment.js';
import { LEXICAL_MANIFEST, loadLexicalIndex, saveLexicalIndex } from '../../src/store/lexical-snapshot.js';
import { tempDir } from '../support/fixtures.js';
import { prng } from '../support/random.js';

const work = tempDir('vn-docsearch-lexical-');
afterAll(() => work.cleanup());

/** Zipf-like vocabulary: a few very common syllables and a long tail, as in real text. */
function randomPassages(count: number, seed: number, firstKey = 1): PassageTerms[] {
  const rand = prng(seed);
  const word = () => `w${Math.floor(Math.pow(rand(), 3) * 2000)}`;
  return Array.from({ length: count }, (_, i) => {
    const folded = Array.from({ length: 20 + Math.floor(rand() * 80) }, word);
    const exact = folded.filter(() => rand() < 0.5).map((w) => `${w}x`);
    return { key: firstKey + i * 3, folded, exact };
  });
}

/** BM25 (k1 0.9, b 0.75) as SQLite FTS5 computes it, by brute force over every passage. */
function bruteForce(passages: PassageTerms[], query: { folded: string[]; exact: string[] }, k: number, allowed: Set<number> | null = null): { key: number; score: number }[] {
  const n = passages.length;
  const avg = passages.reduce((s, p) => s + p.folded.length + p.exact.length, 0) / n;
  const terms: { t: string; col: 'folded' | 'exact' }[] = [...[...new Set(query.folded)].map((t) => ({ t, col: 'folded' as const })), ...[...new Set(query.exact)].map((t) => ({ t, col: 'exact' as const }))];
  const idf = terms.map(({ t, col }) => {
    const df = passages.filter((p) => p[col].includes(t)).length;
    return df === 0 ? 0 : Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5)));
  });
  return passages
    .filter((p) => allowed === null || allowed.has(p.key))
    .map((p) => {
      const dl = p.folded.length + p.exact.length;
      let score = 0;
      terms.forEach(({ t, col }, i) => {
        const f = p[col].filter((x) => x === t).length;
        if (f > 0) score += (idf[i]! * f * 1.9) / (f + 0.9 * (0.25 + (0.75 * dl) / avg));
      });
      return { key: p.key, score };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.key - b.key)
    .slice(0, k);
}

function randomQueries(count: number, seed: number): { folded: string[]; exact: string[] }[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const folded = Array.from({ length: 2 + Math.floor(rand() * 25) }, () => `w${Math.floor(Math.pow(rand(), 2) * 2100)}`);
    return { folded, exact: rand() < 0.5 ? folded.slice(0, 5).map((w) => `${w}x`) : [] };
  });
}

/** Same scores in the same order; keys must agree except among scores equal up to rounding (sums run in another order). */
function expectSame(actual: { key: number; score: number }[], expected: { key: number; score: number }[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 9));
  const tied = (i: number) => [i - 1, i + 1].some((j) => expected[j] !== undefined && Math.abs(expected[j]!.score - expected[i]!.score) < 1e-9);
  actual.forEach((r, i) => tied(i) || expect(r.key).toBe(expected[i]!.key));
}

describe('lexical index', () => {
  const passages = randomPassages(1500, 5);

  it('returns exactly the BM25 top k, with pruning, across many segments', () => {
    const index = new LexicalIndex();
    // Uneven batches make several segments and merges.
    for (let i = 0; i < passages.length; i += 137) index.add(passages.slice(i, i + 137));
    for (const q of randomQueries(60, 9)) {
      for (const k of [1, 10, 50]) expectSame(index.search(q, k), bruteForce(passages, q, k));
    }
    expect(index.size).toBe(passages.length);
  });

  it('merges segments whose keys interleave (passages re-indexed after a crash) into the same ranking', () => {
    const index = new LexicalIndex();
    // Batches in descending key order: every merge must sort postings instead of appending them.
    for (let i = passages.length; i > 0; i -= 211) index.add(passages.slice(Math.max(0, i - 211), i));
    for (const q of randomQueries(20, 17)) expectSame(index.search(q, 10), bruteForce(passages, q, 10));
  });

  it('forgets removed passages, and merges them away', () => {
    const index = new LexicalIndex();
    index.add(passages);
    const rand = prng(3);
    const removed = new Set(passages.filter(() => rand() < 0.3).map((p) => p.key));
    for (const key of removed) expect(index.remove(key)).toBe(true);
    expect(index.remove(removed.values().next().value!)).toBe(false);
    const kept = passages.filter((p) => !removed.has(p.key));
    expect(index.keys()).toEqual(new Set(kept.map((p) => p.key)));
    for (const q of randomQueries(20, 11)) expectSame(index.search(q, 10), bruteForce(kept, q, 10));
    // Adding a batch rewrites the segment without the removed passages.
    index.add(randomPassages(1, 77, 1_000_000));
    const all = [...kept, ...randomPassages(1, 77, 1_000_000)];
    for (const q of randomQueries(20, 11)) expectSame(index.search(q, 10), bruteForce(all, q, 10));
  });

  it('restricts to allowed passages before ranking, not after', () => {
    const index = new LexicalIndex();
    index.add(passages);
    const allowed = new Set(passages.filter((_, i) => i % 17 === 0).map((p) => p.key));
    for (const q of randomQueries(20, 13)) expectSame(index.search(q, 10, allowed), bruteForce(passages, q, 10, allowed));
  });

  it('splits more passages than a segment holds (16-bit ordinals) without losing or misplacing any', () => {
    const index = new LexicalIndex();
    const count = SEGMENT_CAPACITY + 5000;
    const many = Array.from({ length: count }, (_, i): PassageTerms => ({ key: i + 1, folded: [`p${i}`, `m${i % 7}`], exact: [] }));
    // One call with more passages than a segment holds (a bulk load once failed here: "a segment holds at most").
    index.add(many);
    const parts = index.segments();
    expect(parts.length).toBeGreaterThan(1);
    for (const { segment } of parts) expect(segment.keys.length).toBeLessThanOrEqual(SEGMENT_CAPACITY);
    expect(index.size).toBe(count);
    for (const i of [0, 65535, 65536, 65537, count - 1]) expect(index.search({ folded: [`p${i}`], exact: [] }, 3).map((h) => h.key)).toEqual([i + 1]);
  });

  it('answers an empty query, an unknown term and an empty index with nothing', () => {
    const index = new LexicalIndex();
    expect(index.search({ folded: ['w1'], exact: [] }, 10)).toEqual([]);
    index.add(passages.slice(0, 10));
    expect(index.search({ folded: [], exact: [] }, 10)).toEqual([]);
    expect(index.search({ folded: ['never-seen'], exact: [] }, 10)).toEqual([]);
  });
});

describe('lexical snapshot', () => {
  it('saves and loads to the same results, keeping deletions', () => {
    const dir = join(work.dir, 'roundtrip');
    const index = new LexicalIndex();
    index.add(randomPassages(1500, 5));
    index.remove(4);
    mkdirSync(dir, { recursive: true });
    saveLexicalIndex(dir, index);
    const loaded = loadLexicalIndex(dir)!;
    expect(loaded.size).toBe(index.size);
    for (const q of randomQueries(20, 21)) expectSame(loaded.search(q, 10), index.search(q, 10));
  });

  it('refuses a torn or foreign snapshot rather than loading it', () => {
    const dir = join(work.dir, 'torn');
    mkdirSync(dir, { recursive: true });
    const index = new LexicalIndex();
    index.add(randomPassages(1500, 5).slice(0, 100));
    saveLexicalIndex(dir, index);
    const manifest = JSON.parse(readFileSync(join(dir, LEXICAL_MANIFEST), 'utf8')) as { segments: { file: string }[] };
    const file = join(dir, manifest.segments[0]!.file);
    // A segment of the older layout (32-bit postings, magic "VNL1") is refused too, so the index is rebuilt.
    const older = readFileSync(file);
    older.write('VNL1', 0, 'latin1');
    writeFileSync(file, older);
    expect(loadLexicalIndex(dir)).toBeNull();
    writeFileSync(file, 'not a segment');
    expect(loadLexicalIndex(dir)).toBeNull();
    writeFileSync(join(dir, LEXICAL_MANIFEST), '{"version":1,');
    expect(loadLexicalIndex(dir)).toBeNull();
  });
});

describe('postings lookups', () => {
  it('passagesWithAll: the live passages holding every folded term, across segments and deletions, never exact terms', () => {
    const passages = randomPassages(3000, 11);
    const index = new LexicalIndex();
    index.add(passages.slice(0, 1800));
    index.add(passages.slice(1800));
    const removed = new Set(passages.filter((_, i) => i % 7 === 0).map((p) => p.key));
    for (const key of removed) index.remove(key);
    const live = passages.filter((p) => !removed.has(p.key));
    for (const terms of [['w0'], ['w0', 'w1'], ['w3', 'w40', 'w5'], ['w1999', 'w0'], ['nowhere'], ['w0x']]) {
      const expected = new Set(live.filter((p) => terms.every((t) => p.folded.includes(t))).map((p) => p.key));
      expect(index.passagesWithAll(terms), terms.join(' ')).toEqual(expected);
    }
    expect(index.passagesWithAll([])).toEqual(new Set());
    expect(index.passagesWithAll(['w0']).size).toBeGreaterThan(100);
  });
});

describe('inverseFrequencies', () => {
  it('gives BM25 idf per term, in its namespace, the highest to a term no live passage holds', () => {
    const index = new LexicalIndex();
    index.add([
      { key: 1, folded: ['chi', 'bo'], exact: ['chi', 'bor'] },
      { key: 2, folded: ['chi', 'dang'], exact: ['chi', 'dangr'] },
      { key: 3, folded: ['chi', 'vien'], exact: ['chi', 'vien'] },
      { key: 4, folded: ['bo', 'nganh'], exact: ['bor', 'nganh'] },
    ]);
    const idf = (df: number, n = 4) => Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5)));
    expect(index.inverseFrequencies(['chi', 'bo', 'dang', 'karaoke'], false)).toEqual([idf(3), idf(2), idf(1), idf(0)]);
    // `bor` is an accent-exact key: it counts only among exact terms.
    expect(index.inverseFrequencies(['bor', 'bo'], true)).toEqual([idf(2), idf(0)]);
    index.remove(2);
    expect(index.inverseFrequencies(['dang'], false)).toEqual([idf(0, 3)]);
    expect(new LexicalIndex().inverseFrequencies(['chi'], false)).toEqual([0]);
  });
});
