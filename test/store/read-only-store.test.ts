/**
 * A store opened read-only (`DocumentStore.openReadOnly`, what `npm run check` and the reading commands open) never
 * writes: check on a copy of an index leaves its files as they were, a write method throws an error naming itself
 * instead of SQLite's "attempt to write a readonly database", and an older schema is refused, not upgraded.
 * (test/cli/check-command.test.ts runs check on a read-only mount, which root cannot write either.)
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { checkIndex } from '../../src/store/check-index.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { openIndex, STORE_FILE } from '../../src/store/open-index.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE, tempDir } from '../support/fixtures.js';

let index: CorpusIndex;
const copies = tempDir('vn-docsearch-read-only-');
let copied = 0;
beforeAll(async () => {
  index = await buildCorpusIndex(true, [CITED_DIRECTIVE]);
  index.handle.close();
}, 120_000);
afterAll(() => {
  index.cleanup();
  copies.cleanup();
});

/** A fresh copy of the index folder. */
const copy = (): string => {
  const dir = join(copies.dir, `index-${++copied}`);
  cpSync(index.dir, dir, { recursive: true });
  return dir;
};

/** Asserts that the WAL SQLite may have made for a reader holds nothing. */
const expectEmptyWal = (dir: string) => {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('-wal'))) expect(statSync(join(dir, f)).size, f).toBe(0);
};

/** Name, size, modification time and SHA-256 of each file, leaving out the WAL files SQLite makes for any reader. */
const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.endsWith('-shm') && !f.endsWith('-wal'))
    .sort()
    .map((f) => {
      const s = statSync(join(dir, f));
      return [f, s.size, s.mtimeMs, s.isFile() ? createHash('sha256').update(readFileSync(join(dir, f))).digest('hex') : 'dir'];
    });

describe('a read-only store', () => {
  it('check on a copy of an index reports it whole and leaves its files as they were', () => {
    const dir = copy();
    const before = files(dir);
    const report = checkIndex(dir);
    expect(report).toMatchObject({ ok: true, documents: 6, problems: [], behind: [] });
    expect(report.vectors).toBe(report.passages);
    expect(files(dir)).toEqual(before);
    expectEmptyWal(dir);
  });

  it('reads what the writer stored; each write method throws naming itself and the file, and nothing changes', () => {
    const dir = copy();
    const file = join(dir, STORE_FILE);
    const writer = new DocumentStore(file);
    const listed = writer.listDocuments();
    const counts = writer.counts();
    const [key] = writer.allPassageKeys();
    writer.close();
    const before = files(dir);
    const store = DocumentStore.openReadOnly(file);
    try {
      expect(store.isReadOnly).toBe(true);
      expect(store.listDocuments()).toEqual(listed);
      const id = listed[0]!.id;
      const doc = prepareDocument('Một văn bản mới, đủ dài để thành một đoạn văn có nội dung cho kho chỉ đọc.', 'txt');
      const writes: [string, () => unknown][] = [
        ['addDocument', () => store.addDocument(doc, 'new.txt', 'h', null)],
        ['linkSource', () => store.linkSource('other.txt', id, 'h')],
        ['deleteSource', () => store.deleteSource(listed[0]!.sources[0]!)],
        ['deleteDocument', () => store.deleteDocument(id)],
        ['putVectors', () => store.putVectors('m', [{ key: key!, vector: new Float32Array(4) }])],
        ['deleteVectorsNotOf', () => store.deleteVectorsNotOf('another-model')],
        ['setMeta', () => store.setMeta('schema_version', '9')],
      ];
      for (const [method, write] of writes) expect(write, method).toThrow(`the store ${file} was opened read-only: ${method} cannot write to it`);
      expect(store.counts()).toEqual(counts);
      expect(store.listDocuments()).toEqual(listed);
    } finally {
      store.close();
    }
    expect(files(dir)).toEqual(before);
    expectEmptyWal(dir);
  });

  it('a reading index handle holds a read-only store; a writing one does not', async () => {
    const dir = copy();
    const reader = openIndex(dir, { embedder: null, access: 'read' });
    expect(reader.store.isReadOnly).toBe(true);
    reader.close();
    const writer = openIndex(dir, { embedder: null });
    expect(writer.store.isReadOnly).toBe(false);
    writer.close();
  });

  it('refuses a store of an older schema without upgrading it', () => {
    const dir = copy();
    const file = join(dir, STORE_FILE);
    const db = new Database(file);
    db.exec("UPDATE meta SET value = '7' WHERE key = 'schema_version'");
    db.close();
    const before = files(dir);
    expect(() => DocumentStore.openReadOnly(file)).toThrow(/built by an older version \(schema 7\): any writing command .* upgrades it in place/);
    expect(checkIndex(dir).error?.code).toBe('index_outdated');
    expect(files(dir)).toEqual(before);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe('7');
    raw.close();
  });
});
