/**
 * Lexical searches on worker threads give exactly the main thread's results, follow the index as it changes, share
 * the segments' memory instead of copying it, and fall back to the main thread when no worker is left.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/store/lexical-index.js';
import { LexicalPool } from '../../src/store/lexical-pool.js';
import type { PassageTerms } from '../../src/store/lexical-segment.js';
import { loadLexicalIndex, saveLexicalIndex } from '../../src/store/lexical-snapshot.js';
import { tempDir } from '../support/fixtures.js';
import { prng } from '../support/random.js';

const work = tempDir('vn-docsearch-pool-');
afterAll(() => work.cleanup());

function passages(count: number, seed: number, firstKey: number): PassageTerms[] {
  const rand = prng(seed);
  const word = () => `w${Math.floor(Math.pow(rand(), 3) * 800)}`;
  return Array.from({ length: count }, (_, i) => ({ key: firstKey + i, folded: Array.from({ length: 10 + Math.floor(rand() * 40) }, word), exact: [] }));
}

const queries = Array.from({ length: 30 }, (_, i) => ({ folded: [`w${i}`, `w${i * 7 + 3}`, `w${(i * 13) % 800}`], exact: [] }));

describe('lexical search threads', () => {
  it('answer as the main thread does, before and after the index changes, with and without a filter', async () => {
    const index = new LexicalIndex();
    index.add(passages(3000, 1, 1));
    const logged: string[] = [];
    const pool = new LexicalPool(index, 2, (line) => logged.push(line));
    try {
      for (const q of queries) expect(await pool.search(q, 10, null)).toEqual(index.search(q, 10));
      index.add(passages(500, 2, 10_000));
      for (let key = 1; key <= 3000; key += 7) index.remove(key);
      const allowed = new Set(Array.from({ length: 400 }, (_, i) => 10_000 + i));
      const concurrent = await Promise.all(queries.map((q) => pool.search(q, 10, null)));
      concurrent.forEach((hits, i) => expect(hits).toEqual(index.search(queries[i]!, 10)));
      for (const q of queries) expect(await pool.search(q, 5, allowed)).toEqual(index.search(q, 5, allowed));
      expect(logged).toEqual([]);
      expect(pool.size).toBe(2);
    } finally {
      await pool.close();
    }
    // With every worker gone, searches run on the main thread.
    expect(pool.size).toBe(0);
    expect(await pool.search(queries[0]!, 10, null)).toEqual(index.search(queries[0]!, 10));
  });

  it('holds segments in shared memory whether built, merged or loaded, so workers get them without a copy', () => {
    const index = new LexicalIndex();
    for (let i = 0; i < 5; i++) index.add(passages(9000, 10 + i, 1 + i * 9000));
    const dir = join(work.dir, 'shared');
    mkdirSync(dir);
    saveLexicalIndex(dir, index);
    const loaded = loadLexicalIndex(dir)!;
    for (const { segment } of [...index.segments(), ...loaded.segments()]) {
      for (const array of [segment.keys, segment.lengths, segment.terms, segment.starts, segment.docs, segment.freqs, segment.maxFreqs]) {
        expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
      }
    }
  });
});
