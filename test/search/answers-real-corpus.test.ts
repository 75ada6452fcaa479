/**
 * The answer box over the real web extracts (../shared/corpus/party-web-articles, 881 files): near-miss questions
 * (test/eval/near-miss-queries.jsonl, and test/eval/near-miss-holdout.jsonl written after the checks were chosen;
 * nothing in the corpus answers them) mostly get no answer, fact and question queries of
 * test/eval/party-queries.jsonl keep theirs, and no answer is a question quoted back. The answer stage reads only the lexical index
 * and the store, so the index is built without a model; hybrid answers with the real model are checked in
 * test/embed/real-model-search.test.ts. Figures: docs/EVALUATION.md, "Answers".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isQuestionSentence } from '../../src/core/answer-type.js';
import type { Answer } from '../../src/core/types.js';
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

const answers = async (queries: Query[]) => {
  const out = new Map<string, Answer>();
  for (const q of queries) {
    const answer = (await search(handle, q.query, { k: 10 })).answer;
    if (answer) out.set(q.query, answer);
  }
  return out;
};
const answered = async (queries: Query[]) => [...(await answers(queries)).keys()];

describe('answers over the real web extracts', () => {
  it('leaves most near-miss questions unanswered: named documents the corpus lacks, and sentences missing the rare words', async () => {
    const nearMisses = read('test/eval/near-miss-queries.jsonl');
    expect(nearMisses).toHaveLength(32);
    const wrong = await answered(nearMisses);
    process.stdout.write(`near-misses still answered (${wrong.length}/32): ${wrong.join(' | ')}\n`);
    // Measured: 8 of 32 (29 before the weighted-coverage and absent-document checks, 13 before the answer-type,
    // question-sentence and province checks; 7 until repeated paragraphs were kept in 16 extracts, which gave
    // `Lịch nghỉ Tết Nguyên đán 2026 của học sinh` a sentence to quote).
    expect(wrong.length).toBeLessThanOrEqual(8);
    for (const q of [
      'Nuôi chó không đeo rọ mõm ở nơi công cộng bị phạt bao nhiêu?',
      'Nghị quyết 99-NQ/TW về phát triển nông nghiệp',
      'Kết luận 158-KL/TW của Bộ Chính trị nói gì?',
      'Nghị quyết 57 đặt mục tiêu bao nhiêu nhà khoa học đoạt giải Nobel?',
      // another province's passage (Long An's, Hồ Chí Minh City's)
      'Mức trợ cấp ngày công của dân quân tỉnh Bình Dương',
      'Điểm chuẩn tuyển sinh lớp 10 Hà Nội năm 2026',
      // a headline asking the question back
      'Hát karaoke gây ồn ào sau 22 giờ bị phạt bao nhiêu tiền?',
      // a heading without any amount for a "how much" question
      'Lệ phí trước bạ ô tô điện năm 2026 là bao nhiêu?',
    ]) {
      expect(wrong, q).not.toContain(q);
    }
  }, 300_000);

  it('leaves near-misses written after the checks were chosen mostly unanswered too', async () => {
    const holdout = read('test/eval/near-miss-holdout.jsonl');
    expect(holdout).toHaveLength(16);
    const wrong = await answered(holdout);
    process.stdout.write(`held-out near-misses answered (${wrong.length}/16): ${wrong.join(' | ')}\n`);
    // Measured: 3 of 16 (6 without the answer-type, question-sentence and province checks).
    expect(wrong.length).toBeLessThanOrEqual(3);
  }, 300_000);

  it('keeps the answers of covered questions, quotes no question back, and answers a fine with its amounts', async () => {
    const covered = read('test/eval/party-queries.jsonl');
    const got = await answers(covered);
    const missing = covered.filter((q) => (q.kind === 'fact' || q.kind === 'question') && !got.has(q.query)).map((q) => q.query);
    // Its only candidate sentences were headlines asking it back (`Mức tiền thưởng … là bao nhiêu?`); the amounts sit
    // in a list the sentences above it do not name.
    expect(missing).toEqual(['Đảng viên được khen thưởng không theo định kỳ nhận bao nhiêu tiền?']);
    // Measured: 90 of 105 (99 before any check, 91 before the answer-type and question-sentence checks, which
    // removed only answers that quoted the question back).
    expect(got.size).toBeGreaterThanOrEqual(90);
    for (const [query, answer] of got) for (const s of answer.sentences) expect(isQuestionSentence(s.text), `${query} → ${s.text}`).toBe(false);
    const fine = got.get('Mức xử phạt vi phạm nồng độ cồn đối với ô tô, xe máy là bao nhiêu?');
    expect(fine?.text).toMatch(/Phạt tiền từ [\d.]+ đồng đến [\d.]+ đồng/);
  }, 300_000);
});
