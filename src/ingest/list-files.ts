/** Expands files and folders (recursively, hidden entries skipped) into a sorted list of files. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileListing {
  files: string[];
  missing: string[];
}

async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

export async function listFiles(paths: string[]): Promise<FileListing> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) missing.push(p);
    else if (info.isDirectory()) await walk(p, files);
    else files.push(p);
  }
  return { files: [...new Set(files)].sort(), missing };
}
