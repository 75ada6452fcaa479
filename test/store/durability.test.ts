/**
 * Durability (issue 14, item 7): the commits that make a document (or an upload job's state) visible are fsynced
 * before they return: SQLite in WAL mode with synchronous=FULL on every connection that writes the store (the cost,
 * measured on a lexical-only ingest of 807 articles, +17–26 %, is noted where the pragma is set).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../src/store/document-store.js';
import { openIndex, STORE_FILE } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';

let work: ReturnType<typeof tempDir>;
beforeAll(() => {
  work = tempDir();
});
afterAll(() => work.cleanup());

describe('what is reported done is on disk', () => {
  it('commits documents and jobs with synchronous=FULL in WAL mode', () => {
    const handle = openIndex(join(work.dir, 'index'), { embedder: null });
    try {
      expect(handle.store.durability()).toEqual({ journalMode: 'wal', synchronous: 'full' });
      // 2 = FULL
      expect(handle.jobs!.synchronous()).toBe(2);
    } finally {
      handle.close();
    }
    const store = new DocumentStore(join(work.dir, 'index', STORE_FILE));
    expect(store.durability().synchronous).toBe('full');
    store.close();
  });
});
