/**
 * Bug: a `document` filter naming an id no stored document has answered 200 with no results, though README lists an
 * unknown document among the 4xx errors. Now it is a UserError `document_not_found` (404), in every mode; a known id
 * still searches that document alone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';

let work: ReturnType<typeof tempDir>;
let handle: IndexHandle;
let known = '';
beforeAll(async () => {
  work = tempDir();
  handle = openIndex(work.dir, { embedder: null });
  known = (await ingestBytes(handle, Buffer.from('Tin thôn Nam\n\nChi bộ thôn Nam họp bàn việc làm đường liên thôn.'), 'nam.txt', 'nam.txt')).documentId;
  await ingestBytes(handle, Buffer.from('Tin thôn Bắc\n\nChi bộ thôn Bắc họp bàn việc trồng cây.'), 'bac.txt', 'bac.txt');
});
afterAll(() => {
  handle.close();
  work.cleanup();
});

it('an unknown document filter is a 404 document_not_found, not an empty 200', async () => {
  const refused = search(handle, 'chi bộ', { k: 5, filters: { document: 'khong-co-van-ban-nay' } });
  await expect(refused).rejects.toBeInstanceOf(UserError);
  await expect(refused).rejects.toMatchObject({ code: 'document_not_found', status: 404 });
  const { results } = await search(handle, 'chi bộ', { k: 5, filters: { document: known } });
  expect(results.map((r) => r.document.source)).toEqual(['nam.txt']);
});
