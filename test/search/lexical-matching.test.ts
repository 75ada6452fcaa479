import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';

/** Small documents written to test one matching rule each. */
const DOCS: Record<string, string> = {
  'dang.txt': 'Xây dựng Đảng trong sạch\n\nCông tác xây dựng Đảng là nhiệm vụ then chốt của cả hệ thống chính trị.',
  'dang-dang.txt': 'Tình hình hiện nay\n\nCông việc đang được triển khai, đang xây dựng kế hoạch cho năm tới.',
  'tccsd.txt': 'Về TCCSĐ\n\nNăng lực lãnh đạo của TCCSĐ ở xã, phường còn nhiều hạn chế cần khắc phục.',
  'hoa-old.txt': 'Hoà bình\n\nBảo vệ hoà bình và ổn định chính trị, giữ vững độc lập dân tộc.',
  'khoa.txt': 'Nghị quyết khoá XII\n\nThực hiện Nghị quyết Trung ương 4 khoá XII về xây dựng, chỉnh đốn Đảng.',
};

let work: ReturnType<typeof tempDir>;
let handle: IndexHandle;
beforeAll(async () => {
  work = tempDir();
  handle = openIndex(work.dir, { embedder: null });
  for (const [name, text] of Object.entries(DOCS)) await ingestBytes(handle, Buffer.from(text), name, name);
});
afterAll(() => {
  handle.close();
  work.cleanup();
});

const sources = async (q: string) => (await search(handle, q, { k: 10 })).results.map((r) => r.document.source);

describe('lexical matching of Vietnamese', () => {
  it('finds accented text from a query without diacritics', async () => {
    expect(await sources('xay dung dang')).toContain('dang.txt');
  });

  it('ranks accent-exact matches above folded-only ones', async () => {
    const party = await sources('Đảng');
    expect(party.indexOf('dang-dang.txt')).toBeGreaterThan(party.indexOf('dang.txt'));
    expect(party.indexOf('dang-dang.txt')).toBeGreaterThan(party.indexOf('khoa.txt'));
    expect((await sources('đang'))[0]).toBe('dang-dang.txt');
  });

  it('treats old and new tone placement as the same word', async () => {
    expect((await sources('hòa bình'))[0]).toBe('hoa-old.txt');
    expect((await sources('khóa XII'))[0]).toBe('khoa.txt');
  });

  it('finds an abbreviation from its long form and the reverse', async () => {
    expect((await sources('tổ chức cơ sở đảng'))[0]).toBe('tccsd.txt');
    expect((await sources('TCCSĐ'))[0]).toBe('tccsd.txt');
    expect((await sources('to chuc co so dang'))[0]).toBe('tccsd.txt');
  });

  it('stores the text as given, folding only for matching', async () => {
    const r = await search(handle, 'hoa binh', { k: 1 });
    expect(r.results[0]!.passage.text).toContain('hoà bình');
  });
});
