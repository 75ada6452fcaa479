/**
 * Bug: reports repeating one pledge paragraph 2, 3 and 6 times were ingested as one document (`linked`, "same
 * content as another file") because repeated paragraphs were dropped from the stored text.
 */
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { openIndex } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';

const FIXTURES = resolve('test/fixtures/repeated-paragraphs');

describe('ingesting files that differ only in how often a paragraph repeats', () => {
  it('adds each as a document of its own, with every copy in its stored text', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const names = ['rep2.txt', 'rep3.txt', 'rep6.txt'];
      const paths = names.map((n) => join(dir, n));
      names.forEach((n, i) => copyFileSync(join(FIXTURES, n), paths[i] ?? ''));
      const handle = openIndex(join(dir, 'index'), { embedder: null });
      try {
        expect(await ingestPaths(handle, paths)).toMatchObject({ added: 3, linked: 0, failed: [] });
        const docs = handle.store.listDocuments();
        expect(docs).toHaveLength(3);
        const lengths = docs.map((d) => handle.store.getDocument(d.id)?.text.length ?? 0).sort((a, b) => a - b);
        expect(lengths[0]).toBeLessThan(lengths[1] ?? 0);
        expect(lengths[1]).toBeLessThan(lengths[2] ?? 0);
      } finally {
        handle.close();
      }
    } finally {
      cleanup();
    }
  });
});
