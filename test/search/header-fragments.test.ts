/**
 * Letterhead, title-block and signature lines are metadata, not passages: a topic query over a formal document
 * ranks its body paragraph first (case ../shared/cases/header-fragments-outrank), through a real lexical index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { SHARED_DIR, tempDir } from '../support/fixtures.js';

const CASE = join(SHARED_DIR, 'cases', 'header-fragments-outrank', 'ket-luan-2cot.txt');

let work: ReturnType<typeof tempDir>;
let handle: IndexHandle;
beforeAll(async () => {
  work = tempDir();
  handle = openIndex(work.dir, { embedder: null });
  await ingestBytes(handle, readFileSync(CASE), 'ket-luan-2cot.txt', 'ket-luan-2cot.txt');
});
afterAll(() => {
  handle.close();
  work.cleanup();
});

describe('header and signature lines do not outrank the body', () => {
  it('ranks the body paragraph first for the README query', async () => {
    const { results } = await search(handle, 'đào tạo bồi dưỡng cán bộ cấp cơ sở', { k: 10, mode: 'lexical' });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.passage.text).toMatch(/^Tại phiên họp ngày 30 tháng 8 năm 2022|^1\. Công tác đào tạo, bồi dưỡng cán bộ cấp cơ sở/u);
    for (const r of results) {
      expect(r.passage.text).not.toMatch(/^CỦA BỘ CHÍNH TRỊ$|Trần Văn Nam|T\/M BỘ CHÍNH TRỊ|Số 88-KL\/TW|ĐẢNG CỘNG SẢN VIỆT NAM/u);
    }
  });

  it('keeps the fields on the document', async () => {
    const { results } = await search(handle, 'đào tạo bồi dưỡng cán bộ cấp cơ sở', { k: 1, mode: 'lexical' });
    expect(results[0]!.document).toMatchObject({
      title: 'KẾT LUẬN CỦA BỘ CHÍNH TRỊ VỀ TIẾP TỤC ĐỔI MỚI CÔNG TÁC ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ CẤP CƠ SỞ',
      issuer: 'Bộ Chính trị',
      number: '88-KL/TW',
      signer: 'Trần Văn Nam',
    });
  });
});
