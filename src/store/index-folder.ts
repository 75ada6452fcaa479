/**
 * Checks an index folder before a writer opens it: the folder is created when missing, refused when it holds files
 * that are not an index's (INDEX_DIR or --index naming a folder of documents by mistake must not fill it with index
 * files), and a folder that cannot be written (a read-only mount, no permission) is named with its cause instead of
 * SQLite's bare "unable to open database file" or mkdir's ENOENT.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';

/** The files an index folder holds (src/store: store, lexical segments, vectors, writer lock), and their temporaries. */
const INDEX_FILE = /^(store\.sqlite(-wal|-shm|-journal)?|lexical[^/]*|vectors[^/]*|writer\.(lock|json)(-journal)?|jobs\.sqlite[^/]*)$/u;

/** The files whose presence makes a folder an index (src/store/open-index.ts STORE_FILE, the lexical manifest). */
const INDEX_MARKERS = ['store.sqlite', 'lexical.json'];

/** errno and SQLite codes of a folder or file that cannot be written. */
const NOT_WRITABLE: Record<string, string> = {
  EROFS: 'it is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'the path is a file, not a folder',
  SQLITE_READONLY: 'the file or folder is read-only',
};

const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');

/** The cause of a write refused in `dir`, read from the error or, for a vague one, from the folder itself. */
function causeOf(err: unknown, dir: string): string | null {
  const code = codeOf(err);
  if (code in NOT_WRITABLE) return `${NOT_WRITABLE[code]} (${code})`;
  // SQLite's SQLITE_CANTOPEN and mkdir's ENOENT on a read-only mount do not say why: ask the nearest existing folder.
  if (code !== 'SQLITE_CANTOPEN' && code !== 'ENOENT') return null;
  let folder = dir;
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is a file, not a folder`;
    accessSync(folder, constants.W_OK);
  } catch (probe) {
    const probed = codeOf(probe);
    return probed in NOT_WRITABLE ? `${NOT_WRITABLE[probed]} (${probed}${folder === dir ? '' : ` at ${folder}`})` : null;
  }
  return null;
}

/**
 * `err` as an `index_not_writable` UserError naming `dir` and the cause when it is a refused write (EROFS, EACCES,
 * EPERM, ENOTDIR, SQLITE_READONLY, or SQLITE_CANTOPEN / ENOENT whose folder is read-only), else `err` unchanged.
 */
export function asNotWritable(err: unknown, dir: string): unknown {
  if (err instanceof UserError) return err;
  const cause = causeOf(err, dir);
  if (cause === null) return err;
  return new UserError('index_not_writable', `the index folder ${dir} cannot be written: ${cause}; name a writable folder with --index or INDEX_DIR, or fix its permissions or mount`);
}

/**
 * Makes `dir` ready for a writer: creates it when missing; throws `not_an_index` when it exists and holds files other
 * than an index's without being one (no store.sqlite, no lexical.json), and `index_not_writable` when it cannot be
 * created or is not a folder.
 */
export function prepareIndexFolder(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw asNotWritable(Object.assign(new Error('not a folder'), { code: 'EEXIST' }), dir);
    const names = readdirSync(dir);
    if (INDEX_MARKERS.some((name) => names.includes(name))) return;
    const foreign = names.filter((name) => !INDEX_FILE.test(name) && !name.startsWith('.'));
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '');
      throw new UserError(
        'not_an_index',
        `${dir} is not an index folder: it holds other files (${shown}) and no store.sqlite. Name an empty or new folder ` +
          'with --index or INDEX_DIR (documents to ingest are given as arguments, or CORPUS_DIR for the server)',
      );
    }
    return;
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw asNotWritable(err, dir);
  }
}
