/**
 * Expands files and folders (recursively) into a sorted list of files, leaving out excluded folders such as the
 * index folder itself. Inside folders, hidden entries (`.git`, `.DS_Store`) and a project's own notes (`README*`,
 * `LICENSE*`) are not documents: they are left out and listed as skipped. A file named explicitly is always listed.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface FileListing {
  files: string[];
  missing: string[];
  /** Entries of walked folders left out (hidden, README, LICENSE), sorted. */
  skipped: string[];
}

/** Folder entries that are not documents: hidden files and folders, READMEs and licence files. */
export function isSkippedEntry(name: string): boolean {
  return name.startsWith('.') || /^(README|LICEN[CS]E)(\b|[._-]|$)/i.test(name);
}

async function walk(dir: string, out: FileListing, exclude: Set<string>): Promise<void> {
  if (exclude.has(resolve(dir))) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (isSkippedEntry(entry.name)) out.skipped.push(path);
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
  return { files: [...new Set(listing.files)].sort(), missing: listing.missing, skipped: [...new Set(listing.skipped)].sort() };
}
