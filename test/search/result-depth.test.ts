/**
 * A lexical search reads its ranking 2k deep first; when near-duplicates use that up, it must read on to the full
 * depth rather than return fewer results.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';

const REPEATED =
  'Nâng cao chất lượng sinh hoạt chi bộ là nhiệm vụ thường xuyên của mỗi tổ chức cơ sở đảng. Chi bộ cần đổi mới nội dung và hình thức sinh hoạt, tăng cường tự phê bình và phê bình, giữ vững nguyên tắc tập trung dân chủ trong mọi hoạt động của chi bộ.';

let work: ReturnType<typeof tempDir>;
let handle: IndexHandle;
beforeAll(async () => {
  work = tempDir();
  handle = openIndex(work.dir, { embedder: null });
  // The same article published by six sites, each with a line of its own: near-duplicates of one another.
  for (let i = 1; i <= 6; i++) await ingestBytes(handle, Buffer.from(`Bản tin số ${i}\n\n${REPEATED} Nguồn ${i}.`), `copy-${i}.txt`, `copy-${i}.txt`);
  await ingestBytes(handle, Buffer.from('Sinh hoạt chi bộ ở cơ sở\n\nChi bộ thôn duy trì sinh hoạt định kỳ hằng tháng.'), 'other.txt', 'other.txt');
});
afterAll(() => {
  handle.close();
  work.cleanup();
});

it('reads past near-duplicates that fill the first 2k places', async () => {
  const { results } = await search(handle, 'chất lượng sinh hoạt chi bộ', { k: 2, mode: 'lexical' });
  expect(results.map((r) => r.document.source)).toEqual([expect.stringMatching(/^copy-\d\.txt$/), 'other.txt']);
});
