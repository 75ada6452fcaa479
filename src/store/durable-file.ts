/** Files written so that a crash or a full disk leaves either the old version or the new one, never a torn mix. */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { asDiskFull, diskFull } from './disk-full.js';

/**
 * What a written file must be before it replaces the old one: its exact size in bytes, or a check returning the
 * problem it finds (null when the file is whole). Writers that fail silently on a full disk (hnswlib's ofstream
 * writes a short file and reports nothing) are caught here.
 */
export type Expected = number | ((tmp: string) => string | null);

/**
 * Writes through a temporary file, verifies it, fsyncs it and renames it over the target. A failed write, a short
 * file or a failed fsync removes the temporary file and leaves the target as it was; lack of space is thrown as a
 * `disk_full` UserError.
 */
export function writeFileDurably(path: string, write: (tmp: string) => void, expected?: Expected): void {
  const tmp = `${path}.tmp`;
  try {
    write(tmp);
    const fd = openSync(tmp, 'r+');
    try {
      const problem =
        expected === undefined ? null : typeof expected === 'number' ? sizeProblem(fstatSync(fd).size, expected) : expected(tmp);
      // A file that is not what was written means the device refused part of it.
      if (problem !== null) throw diskFull(`${basename(path)} (it was written short: ${problem})`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    throw asDiskFull(err, basename(path));
  }
  renameSync(tmp, path);
}

function sizeProblem(actual: number, expected: number): string | null {
  return actual === expected ? null : `${actual} of ${expected} bytes`;
}

/** SHA-256 of a file, read in chunks (index files can pass the 2 GiB a single read allows). */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(8 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
