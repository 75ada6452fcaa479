/** Recognising a full disk in the errors of the file system and of SQLite, so it is reported as `disk_full`. */
import { statfsSync } from 'node:fs';
import { UserError } from '../core/errors.js';

/** errno codes of a write refused for lack of space (EDQUOT: the user's quota); SQLITE_FULL from better-sqlite3. */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

export function isDiskFull(err: unknown): boolean {
  return (err instanceof UserError && err.code === 'disk_full') || FULL.has((err as { code?: unknown } | null)?.code as string);
}

/** The `disk_full` error for a write to `what` (a file or the store); what was there before is kept. */
export function diskFull(what: string): UserError {
  return new UserError(
    'disk_full',
    `the disk is full: writing ${what} failed for lack of space; the index keeps what it held before — free some space and try again`,
  );
}

/** `err` as a `disk_full` UserError when it is one, else unchanged. */
export function asDiskFull(err: unknown, what: string): unknown {
  return isDiskFull(err) && !(err instanceof UserError) ? diskFull(what) : err;
}

/** Space below which a vague failure (SQLite's "disk I/O error" creating its WAL files) is taken for a full disk. */
const NEARLY_FULL = 1 << 20;

/** True when the file system holding `dir` has less than 1 MiB left for this user. */
export function nearlyFull(dir: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(dir);
    return bavail * bsize < NEARLY_FULL;
  } catch {
    return false;
  }
}
