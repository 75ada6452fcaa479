/** src/store/index-folder.ts on real folders and the real errors of the file system and of SQLite. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { asNotWritable, prepareIndexFolder } from '../../src/store/index-folder.js';
import { tempDir } from '../support/fixtures.js';

let work: ReturnType<typeof tempDir>;
beforeAll(() => {
  work = tempDir();
});
afterAll(() => work.cleanup());

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('nothing was thrown');
};

describe('prepareIndexFolder', () => {
  it('creates a missing folder and accepts an empty one, one with leftovers of an index, or an index', () => {
    const fresh = join(work.dir, 'a', 'b');
    prepareIndexFolder(fresh);
    expect(readdirSync(fresh)).toEqual([]);
    writeFileSync(join(fresh, 'writer.lock'), '');
    writeFileSync(join(fresh, '.DS_Store'), '');
    prepareIndexFolder(fresh);
    writeFileSync(join(fresh, 'store.sqlite'), '');
    writeFileSync(join(fresh, 'notes.txt'), '');
    prepareIndexFolder(fresh);
  });

  it('refuses a folder of other files with not_an_index, naming a few', () => {
    const docs = join(work.dir, 'docs');
    mkdirSync(docs);
    for (const n of ['a.md', 'b.pdf', 'c.docx', 'd.txt']) writeFileSync(join(docs, n), 'x');
    const err = thrown(() => prepareIndexFolder(docs));
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('not_an_index');
    expect((err as UserError).message).toMatch(/holds other files \(a\.md, b\.pdf, c\.docx, and 1 more\)/);
  });

  it('names a file given as the folder, and a path through a file, with index_not_writable', () => {
    const file = join(work.dir, 'plain-file');
    writeFileSync(file, 'x');
    const self = thrown(() => prepareIndexFolder(file)) as UserError;
    expect(self.code).toBe('index_not_writable');
    expect(self.message).toMatch(/the path is a file, not a folder/);
    const under = thrown(() => prepareIndexFolder(join(file, 'index'))) as UserError;
    expect(under.code).toBe('index_not_writable');
    expect(under.message).toMatch(/ENOTDIR/);
  });
});

describe('asNotWritable', () => {
  it("maps SQLite's bare SQLITE_CANTOPEN to the folder and its cause", () => {
    // A real SQLITE_CANTOPEN (a folder where the database file should be), reported for a path through a file.
    const storeAsFolder = join(work.dir, 'cantopen', 'store.sqlite');
    mkdirSync(storeAsFolder, { recursive: true });
    const raw = thrown(() => new Database(storeAsFolder));
    const file = join(work.dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const dir = join(file, 'index');
    expect((raw as { code: string }).code).toBe('SQLITE_CANTOPEN');
    const mapped = asNotWritable(raw, dir) as UserError;
    expect(mapped.code).toBe('index_not_writable');
    expect(mapped.message).toContain(`the index folder ${dir} cannot be written: ${file} is a file, not a folder`);
  });

  it('leaves other errors as they are, and SQLITE_CANTOPEN in a writable folder', () => {
    const storeAsFolder = join(work.dir, 'cantopen2', 'store.sqlite');
    mkdirSync(storeAsFolder, { recursive: true });
    const raw = thrown(() => new Database(storeAsFolder));
    expect(asNotWritable(raw, join(work.dir, 'cantopen2'))).toBe(raw);
    const other = new Error('something else');
    expect(asNotWritable(other, work.dir)).toBe(other);
    const user = new UserError('disk_full');
    expect(asNotWritable(user, work.dir)).toBe(user);
  });
});
