/** The relations table: filled at ingest, filled again by the upgrade from schema 6, emptied with its document. */
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDocument } from '../../src/ingest/remove-document.js';
import { SCHEMA_VERSION } from '../../src/store/document-store.js';
import { STORE_FILE } from '../../src/store/open-index.js';
import { validityOf } from '../../src/store/validity.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';

const DIRECTIVES = ['chi-thi-35-CT-TW.txt', 'chi-thi-45-CT-TW.txt'].map((f) => resolve('test/fixtures/relations', f));

let index: CorpusIndex | null = null;
afterEach(() => {
  index?.cleanup();
  index = null;
});

describe('stored relations', () => {
  it('an index of schema 6 is upgraded in place, its relations read from the stored texts', async () => {
    index = await buildCorpusIndex(false, DIRECTIVES);
    const [id45] = index.handle.store.documentsNumbered(['45-CT/TW']);
    const before = index.handle.store.relations({ in: id45! });
    expect(before.map((r) => [r.type, r.targetNumber])).toEqual([
      ['replaces', '35-CT/TW'],
      ['replaces', '118-KL/TW'],
    ]);
    index.handle.close();
    const db = new Database(join(index.dir, STORE_FILE));
    db.exec("DROP TABLE relations; UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    db.close();
    const upgraded = await index.reopen();
    expect(upgraded.store.getMeta('schema_version')).toBe(SCHEMA_VERSION);
    expect(upgraded.store.relations({ in: id45! })).toEqual(before);
    upgraded.close();
  });

  it('removing the replacing document removes what it said: the replaced one is no longer marked', async () => {
    index = await buildCorpusIndex(false, DIRECTIVES);
    const { store } = index.handle;
    const [id35] = store.documentsNumbered(['35-CT/TW']);
    const [id45] = store.documentsNumbered(['45-CT/TW']);
    expect(validityOf(store, id35!)!.status).toBe('no-longer-in-force');
    removeDocument(index.handle, id45!);
    expect(store.relations({ target: '35-CT/TW' })).toEqual([]);
    expect(validityOf(store, id35!)!.status).toBeNull();
    index.handle.close();
  });
});
