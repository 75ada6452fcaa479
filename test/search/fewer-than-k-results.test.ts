/**
 * Bug: searches returned fewer than k results, and fewer for small k than for large k, when one document's
 * near-identical passages filled the whole ranking read (max(fusion depth, 3k) deep): they were dropped as
 * near-duplicates and nothing was read from deeper down. Now the ranking is read deeper (src/search/stages/read-deeper.ts)
 * until k results are chosen or the index holds no more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';

const SENTENCE = 'Nâng cao chất lượng sinh hoạt chi bộ là nhiệm vụ thường xuyên của mỗi tổ chức cơ sở đảng. ';
/** One sentence about `chi bộ` repeated to 99,000 characters: some sixty near-identical passages of one document. */
const REPEATED = `Sinh hoạt chi bộ\n\n${SENTENCE.repeat(Math.floor(99_000 / SENTENCE.length))}`;

for (const withModel of [false, true]) {
  describe(`fewer than k results when near-duplicates fill the ranking (${withModel ? 'hybrid' : 'lexical'})`, () => {
    let corpus: CorpusIndex;
    beforeAll(async () => {
      corpus = await buildCorpusIndex(withModel);
      const before = await search(corpus.handle, 'chi bộ', { k: 20, mode: 'lexical' });
      expect(before.results).toHaveLength(20);
      const added = await ingestBytes(corpus.handle, Buffer.from(REPEATED), 'lap-lai.txt', 'lap-lai.txt');
      expect(added.passages).toBeGreaterThan(50);
    }, 180_000);
    afterAll(() => {
      corpus.handle.close();
      corpus.cleanup();
    });

    it('lists k results for every k, the repeated document once', async () => {
      const mode = withModel ? 'hybrid' : 'lexical';
      for (const k of [5, 10, 20, 50]) {
        const { results } = await search(corpus.handle, 'chi bộ', { k, mode });
        expect(results, `k=${k}`).toHaveLength(k);
        expect(results.filter((r) => r.document.source === 'lap-lai.txt').length, `k=${k}`).toBeLessThanOrEqual(1);
        expect(results.map((r) => r.rank)).toEqual(results.map((_, i) => i + 1));
      }
    });

    it('keeps the results of a search that drops nothing as they were (a prefix of a larger k)', async () => {
      const mode = withModel ? 'hybrid' : 'lexical';
      const small = await search(corpus.handle, 'tiếp công dân', { k: 3, mode });
      const large = await search(corpus.handle, 'tiếp công dân', { k: 6, mode });
      expect(small.results.length).toBe(3);
      expect(large.results.slice(0, 3).map((r) => r.passage.id)).toEqual(small.results.map((r) => r.passage.id));
    });
  });
}
