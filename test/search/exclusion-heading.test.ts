/**
 * Bug: `đảng -đảng` listed passages that match only through their heading (the document's title, the section path,
 * which the index holds with each passage): the exclusion checked the passage text alone. Now it checks what the
 * match used, text and heading, in results and in facet counts alike.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseQuery } from '../../src/core/query-syntax.js';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { searchFacets } from '../../src/search/stages/count-facets.js';
import { embeddedEngine } from '../../src/store/embedded-engine.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';

const DOCUMENTS: Record<string, string> = {
  // `Đảng` only in the title: its passage is found for `đảng` through its heading.
  'tieu-de.txt': 'Công tác xây dựng Đảng ở cơ sở\nCập nhật: 05/03/2021\n\nChi bộ thôn Đông tổ chức sinh hoạt định kỳ hằng tháng, bàn việc làm đường và giữ gìn vệ sinh môi trường.',
  'van-ban.txt': 'Tin địa phương xã Tây\nCập nhật: 05/03/2022\n\nĐảng viên ở chi bộ thôn Tây sinh hoạt hằng tháng, góp ý cho kế hoạch làm đường của xã.',
  'khac.txt': 'Tin thôn Nam\nCập nhật: 05/03/2023\n\nChi bộ thôn Nam họp bàn việc làm đường liên thôn và phân công người theo dõi.',
};

let work: ReturnType<typeof tempDir>;
let handle: IndexHandle;
beforeAll(async () => {
  work = tempDir();
  handle = openIndex(work.dir, { embedder: null });
  for (const [name, text] of Object.entries(DOCUMENTS)) await ingestBytes(handle, Buffer.from(text), name, name);
});
afterAll(() => {
  handle.close();
  work.cleanup();
});

it('đảng -đảng lists no passage matching only through its heading', async () => {
  const found = await search(handle, 'đảng', { k: 10, mode: 'lexical' });
  expect(found.results.map((r) => r.document.source).sort()).toEqual(['tieu-de.txt', 'van-ban.txt']);
  const heading = found.results.find((r) => r.document.source === 'tieu-de.txt');
  expect(heading?.passage.text.toLowerCase()).not.toContain('đảng');
  const { results } = await search(handle, 'đảng -đảng', { k: 10, mode: 'lexical' });
  expect(results).toEqual([]);
});

it('an exclusion leaves out a passage whose heading holds the excluded word, in results and facets', async () => {
  const { results } = await search(handle, 'chi bộ -đảng', { k: 10, mode: 'lexical' });
  expect(results.map((r) => r.document.source)).toEqual(['khac.txt']);
  const facets = await searchFacets(embeddedEngine(handle), parseQuery('chi bộ -đảng'), null, ['year']);
  const all = await searchFacets(embeddedEngine(handle), parseQuery('chi bộ'), null, ['year']);
  expect(all.year?.map((c) => c.value).sort()).toEqual(['2021', '2022', '2023']);
  expect(facets.year?.map((c) => c.value)).toEqual(['2023']);
});
