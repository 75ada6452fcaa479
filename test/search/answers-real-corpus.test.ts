/**
 * The answer box over the real web extracts (../shared/corpus/party-web-articles, 881 files): near-miss questions
 * (test/eval/near-miss-queries.jsonl, nothing in the corpus answers them) mostly get no answer, and every fact and
 * question query of test/eval/party-queries.jsonl keeps its answer. The answer stage reads only the lexical index
 * and the store, so the index is built without a model; hybrid answers with the real model are checked in
 * test/embed/real-model-search.test.ts. Figures: docs/EVALUATION.md, "Answers".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { SHARED_DIR, tempDir } from '../support/fixtures.js';

interface Query {
  query: string;
  relevant: string[];
  kind: string;
}

const read = (file: string): Query[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Query);

let handle: IndexHandle;
let cleanup: () => void;

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  handle = openIndex(temp.dir, { embedder: null });
  const summary = await ingestPaths(handle, [join(SHARED_DIR, 'corpus', 'party-web-articles')]);
  expect(summary.added).toBeGreaterThan(800);
}, 600_000);

afterAll(() => {
  handle?.close();
  cleanup?.();
});

const answered = async (queries: Query[]) => {
  const out: string[] = [];
  for (const q of queries) if ((await search(handle, q.query, { k: 10 })).answer !== null) out.push(q.query);
  return out;
};

describe('answers over the real web extracts', () => {
  it('leaves most near-miss questions unanswered: named documents the corpus lacks, and sentences missing the rare words', async () => {
    const nearMisses = read('test/eval/near-miss-queries.jsonl');
    expect(nearMisses).toHaveLength(32);
    const wrong = await answered(nearMisses);
    process.stdout.write(`near-misses still answered (${wrong.length}/32): ${wrong.join(' | ')}\n`);
    // Measured: 13 of 32 (29 before the weighted-coverage and absent-document checks).
    expect(wrong.length).toBeLessThanOrEqual(13);
    for (const q of ['Nuôi chó không đeo rọ mõm ở nơi công cộng bị phạt bao nhiêu?', 'Nghị quyết 99-NQ/TW về phát triển nông nghiệp', 'Kết luận 158-KL/TW của Bộ Chính trị nói gì?', 'Nghị quyết 57 đặt mục tiêu bao nhiêu nhà khoa học đoạt giải Nobel?']) {
      expect(wrong, q).not.toContain(q);
    }
  }, 300_000);

  it('keeps the answers of covered questions: every fact and question query, and at least 91 of the 105', async () => {
    const covered = read('test/eval/party-queries.jsonl');
    const got = new Set(await answered(covered));
    const missing = covered.filter((q) => (q.kind === 'fact' || q.kind === 'question') && !got.has(q.query)).map((q) => q.query);
    expect(missing).toEqual([]);
    // Measured: 91 of 105 (99 before); the paraphrases, worded apart from their sentences by design, lose most.
    expect(got.size).toBeGreaterThanOrEqual(91);
  }, 300_000);
});
