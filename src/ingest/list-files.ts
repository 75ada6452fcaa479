/**
 * Expands files and folders (recursively) into a sorted list of files, leaving out excluded folders such as the
 * index folder itself. Inside folders, hidden entries (`.git`, `.DS_Store`) and a project's own notes (`README*`,
 * `LICENSE*`) are not documents: they are left out and listed as skipped. A file named explicitly is always listed.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** A folder entry left out on purpose, and why (`hidden`, `README`, `LICENSE`). */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface FileListing {
  files: string[];
  missing: string[];
  /** Entries of walked folders left out (hidden, README, LICENSE), sorted by path. */
  skipped: SkippedFile[];
}

/** Why a folder entry is not a document (hidden files and folders, READMEs, licence files), or null when it is one. */
export function skipReason(name: string): string | null {
  if (name.startsWith('.')) return 'hidden';
  const m = /^(README|LICEN[CS]E)(\b|[._-]|$)/i.exec(name);
  return m ? `${m[1]!.toUpperCase().replace('LICENCE', 'LICENSE')} file, not a document` : null;
}

/** True for folder entries that are not documents: see skipReason. */
export const isSkippedEntry = (name: string): boolean => skipReason(name) !== null;

async function walk(dir: string, out: FileListing, exclude: Set<string>): Promise<void> {
  if (exclude.has(resolve(dir))) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const reason = skipReason(entry.name);
    if (reason) out.skipped.push({ path, reason: reason === 'hidden' ? 'hidden entry' : reason });
    else if (entry.isDirectory()) await walk(path, out, exclude);
    else if (entry.isFile()) out.files.push(path);
  }
}

export async function listFiles(paths: string[], excludeDirs: string[] = []): Promise<FileListing> {
  const exclude = new Set(excludeDirs.map((d) => resolve(d)));
  const listing: FileListing = { files: [], missing: [], skipped: [] };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) listing.missing.push(p);
    else if (info.isDirectory()) await walk(p, listing, exclude);
    else listing.files.push(p);
  }
  return { files: [...new Set(listing.files)].sort(), missing: listing.missing, skipped: [...new Map(listing.skipped.map((f) => [f.path, f])).values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
