/** The corpus vocabulary for restoring diacritics, read off the lexical index: it follows every write and deletion. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreDiacritics } from '../../src/core/restore-diacritics.js';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { syllableCounts } from '../../src/store/syllable-counts.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CORPUS_DIR, tempDir } from '../support/fixtures.js';
import { countSyllables, folderParagraphs } from '../support/syllable-counts.js';

let index: CorpusIndex;
const files = tempDir('vn-docsearch-vocabulary-');

beforeAll(async () => {
  index = await buildCorpusIndex(false);
});
afterAll(() => {
  index.handle.close();
  index.cleanup();
  files.cleanup();
});

describe('syllable counts of the lexical index', () => {
  it('counts passages holding each accented syllable and pair, telling đường from dương', () => {
    const counts = syllableCounts(index.handle.lexical);
    expect(counts.total).toBe(index.handle.store.counts().passages);
    expect(counts.syllable('đươngf')).toBeGreaterThan(0); // đường (lối)
    expect(counts.pair('đươngf', 'lôis')).toBeGreaterThan(0);
    expect(counts.pair('dươngf', 'lôis')).toBe(0);
    expect(counts.syllable('đươngf')).toBeGreaterThan(counts.syllable('dương'));
    // The words the paragraphs of the files hold, give or take how passages are cut.
    const paragraphs = countSyllables(folderParagraphs(CORPUS_DIR));
    expect(counts.syllable('đangr')).toBeGreaterThanOrEqual(paragraphs.syllable('đangr') / 2);
    expect(counts.syllable('xoong')).toBe(0);
  });

  it('follows a document added and removed', async () => {
    const counts = syllableCounts(index.handle.lexical);
    const before = { syllable: counts.syllable('dương'), pair: counts.pair('binhf', 'dương'), total: counts.total };
    const duong = () => restoreDiacritics('tinh Binh Duong', counts)?.words.find((w) => w.typed === 'Duong');
    const first = duong();
    const file = join(files.dir, 'binh-duong.txt');
    writeFileSync(
      file,
      'Tỉnh Bình Dương sau sắp xếp\n\nTỉnh Bình Dương hợp nhất với Thành phố Hồ Chí Minh. Bình Dương có nhiều khu công nghiệp.\n\nNgười dân tỉnh Bình Dương đón nhận chủ trương sắp xếp.\n',
    );
    const summary = await ingestPaths(index.handle, [file]);
    expect(summary.added).toBe(1);
    expect(counts.total).toBeGreaterThan(before.total);
    expect(counts.syllable('dương')).toBeGreaterThan(before.syllable);
    expect(counts.pair('binhf', 'dương')).toBeGreaterThan(before.pair);
    // Three passages of Bình Dương tip the balance from đường, the bundled articles' word, to Dương.
    expect(first?.best).toBe('Đường');
    expect(duong()).toMatchObject({ best: 'Dương', rival: 'Đường' });
    const [id] = index.handle.store.documentIdsWhere((_, fields) => fields.title === 'Tỉnh Bình Dương sau sắp xếp');
    expect(id).toBeDefined();
    index.handle.removeDocument(id!);
    expect(counts.syllable('dương')).toBe(before.syllable);
    expect(counts.pair('binhf', 'dương')).toBe(before.pair);
    expect(counts.total).toBe(before.total);
    expect(duong()).toEqual(first);
  });
});
