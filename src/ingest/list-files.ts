/**
 * Expands files and folders (recursively, hidden entries skipped) into a sorted list of files, leaving out
 * excluded folders such as the index folder itself.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface FileListing {
  files: string[];
  missing: string[];
}

async function walk(dir: string, out: string[], exclude: Set<string>): Promise<void> {
  if (exclude.has(resolve(dir))) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out, exclude);
    else if (entry.isFile()) out.push(path);
  }
}

export async function listFiles(paths: string[], excludeDirs: string[] = []): Promise<FileListing> {
  const exclude = new Set(excludeDirs.map((d) => resolve(d)));
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) missing.push(p);
    else if (info.isDirectory()) await walk(p, files, exclude);
    else files.push(p);
  }
  return { files: [...new Set(files)].sort(), missing };
}
