/**
 * One writer per index folder. Whoever writes (the server while it runs, or one of the ingest, rebuild and reindex
 * commands) holds an exclusive lock on `writer.lock` in the folder for as long as it has the index open; a second
 * writer is refused with the holder's pid, command and what to do instead. The lock is an operating-system lock
 * (SQLite's, on a file that holds nothing else), so the kernel releases it when the holder dies, even by SIGKILL:
 * a stale lock is never left for anyone to clear. `writer.json` beside it names the current holder, for messages.
 * Readers (search, check, eval) take no lock; they see every committed document as of their open.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import { asDiskFull } from './disk-full.js';
import { asNotWritable } from './index-folder.js';

export const LOCK_FILE = 'writer.lock';
export const HOLDER_FILE = 'writer.json';

export interface LockHolder {
  pid: number;
  /** What writes: `server`, `ingest`, `rebuild`, `reindex`, or another command's name. */
  command: string;
  since: string;
  /** For a server: where its API answers (uploads go there while it runs). */
  url?: string;
}

export interface WriterLock {
  readonly holder: LockHolder;
  /** Records more about the holder (a server's URL once it listens). */
  describe(extra: Partial<LockHolder>): void;
  release(): void;
}

/** The holder `writer.json` names, unless that process is gone (the file of a holder that died, not yet replaced). */
function readHolder(dir: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as LockHolder;
    process.kill(holder.pid, 0);
    return holder;
  } catch (err) {
    // EPERM: alive, another user's.
    return (err as { code?: string }).code === 'EPERM' ? (JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as LockHolder) : null;
  }
}

/** What the refused writer should do, by who holds the lock. */
function refusal(dir: string, holder: LockHolder | null): string {
  if (!holder) return `another process is writing the index at ${dir}; wait for it to finish or stop it, then try again`;
  const who = `${holder.command} (pid ${holder.pid}, since ${holder.since})`;
  if (holder.command === 'server') {
    const url = holder.url ?? 'the running server';
    return (
      `the index at ${dir} is being written by the ${who}${holder.url ? ` at ${holder.url}` : ''}: one writer at a time. ` +
      `Upload through its API instead (curl -H 'Authorization: Bearer KEY' -F file=@FILE ${url}/api/documents; ` +
      `DELETE ${url}/api/documents/ID removes one), or stop the server first`
    );
  }
  return `the index at ${dir} is being written by \`${who}\`: one writer at a time. Wait for it to finish (or stop it), then run this again`;
}

/** Takes the folder's writer lock for `command`, or throws `index_locked` naming the holder. */
export function acquireWriterLock(dir: string, command: string): WriterLock {
  let db: Database.Database;
  try {
    db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
  } catch (err) {
    // A read-only folder: SQLite says only "unable to open database file".
    throw asNotWritable(asDiskFull(err, LOCK_FILE), dir);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Held until release or the process's end: never committed.
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new UserError('index_locked', refusal(dir, readHolder(dir)));
    throw asNotWritable(asDiskFull(err, LOCK_FILE), dir);
  }
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  const write = () => writeFileSync(join(dir, HOLDER_FILE), `${JSON.stringify(holder)}\n`);
  try {
    write();
  } catch {
    // Naming the holder is a courtesy for messages; a full disk must not stop the writer that holds the lock.
  }
  let held = true;
  return {
    holder,
    describe(extra) {
      Object.assign(holder, extra);
      try {
        write();
      } catch {
        // as above
      }
    },
    release() {
      if (!held) return;
      held = false;
      if (readHolder(dir)?.pid === process.pid) rmSync(join(dir, HOLDER_FILE), { force: true });
      db.close();
    },
  };
}

/** The current writer of a folder, if any process holds its lock (for readers that want to say so). */
export function currentWriter(dir: string): LockHolder | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(join(dir, LOCK_FILE), { timeout: 0, fileMustExist: true });
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return null;
  } catch (err) {
    return (err as { code?: string }).code === 'SQLITE_BUSY' ? readHolder(dir) ?? { pid: 0, command: 'unknown', since: '' } : null;
  } finally {
    db?.close();
  }
}
