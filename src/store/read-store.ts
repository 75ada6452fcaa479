/**
 * Opening store.sqlite to read it without writing anything in its folder, even where nothing can be written. SQLite
 * reads a WAL-mode database through a shared-memory file (`store.sqlite-shm`) beside it; in a read-only folder where
 * the last writer closed cleanly (so removed it) that file cannot be created and SQLite cannot open the database at
 * all. There the store is read from a private copy in the temporary folder (store.sqlite, and its WAL if one was left),
 * removed when the store is closed: the copy costs as much free temporary space as the store. In a writable folder
 * SQLite creates those two files for any reader of a WAL database; a read-only connection leaves them (an empty WAL)
 * and the next writer removes them when it closes.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DocumentStore } from './document-store.js';

/** SQLite's words for a folder it may not write its WAL files in. */
const cannotWriteBeside = (err: unknown): boolean => /^SQLITE_(CANTOPEN|READONLY)/.test(String((err as { code?: unknown } | null)?.code ?? ''));

/** The store in `file`, opened read-only; throws what SQLite throws for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB). */
export function openStoreForReading(file: string): DocumentStore {
  try {
    return DocumentStore.openReadOnly(file);
  } catch (err) {
    if (!cannotWriteBeside(err) || !existsSync(file)) throw err;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vn-docsearch-read-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    return DocumentStore.openReadOnly(copy, { onClose: remove });
  } catch (err) {
    remove();
    throw err;
  }
}
