/** How a file's path is recorded as a document source. */
import { relative, resolve, sep } from 'node:path';

/** Relative to the working folder when inside it, absolute otherwise, with forward slashes. */
export function sourceKey(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  const key = rel.startsWith('..') || rel === '' ? resolve(path) : rel;
  return key.split(sep).join('/');
}
