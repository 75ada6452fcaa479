/**
 * The lexical index of an index folder: the saved snapshot, brought up to date with the store. Passages the store
 * has and the snapshot lacks (a crash after a commit, before the save) are indexed; passages the snapshot has and
 * the store lost are dropped. Without a snapshot every passage is indexed, so the cost is always that of the gap.
 * Keys only grow (AUTOINCREMENT), so equal count, sum and largest key mean the same passages, and opening an
 * intact folder compares three numbers instead of two key sets.
 */
import type { DocumentStore } from './document-store.js';
import { LexicalIndex } from './lexical-index.js';
import type { PassageTerms } from './lexical-segment.js';
import { readLexicalSnapshot } from './lexical-snapshot.js';
import { storedTerms } from './passage-terms.js';

export interface OpenedLexicalIndex {
  index: LexicalIndex;
  /** True when the index differs from the saved snapshot (it should be saved). */
  repaired: boolean;
}

const sameFingerprint = (a: { count: number; sum: number; max: number }, b: { count: number; sum: number; max: number }) =>
  a.count === b.count && a.sum === b.sum && a.max === b.max;

/** Passages indexed per progress report. */
const BATCH = 2048;

export function openLexicalIndex(
  dir: string,
  store: DocumentStore,
  log: (line: string) => void,
  onProgress: (done: number, total: number) => void = () => undefined,
): OpenedLexicalIndex {
  const snapshot = readLexicalSnapshot(dir);
  const saved = snapshot.index;
  if (snapshot.problem !== null && snapshot.problem !== 'missing') log(`lexical index ${snapshot.problem}: rebuilding it from the store`);
  const index = saved ?? new LexicalIndex();
  if (saved && sameFingerprint(saved.keyFingerprint(), store.passageKeyFingerprint())) return { index, repaired: false };
  const stored = store.allPassageKeys();
  const indexed = index.keys();
  const storedSet = new Set(stored);
  const extra = [...indexed].filter((key) => !storedSet.has(key));
  const missing = new Set(stored.filter((key) => !indexed.has(key)));
  for (const key of extra) index.remove(key);
  if (missing.size > 0) {
    log(saved ? `lexical index out of date: indexing ${missing.size} passages` : `building the lexical index of ${missing.size} passages`);
    let batch: PassageTerms[] = [];
    let done = 0;
    for (const terms of storedTerms(store, missing)) {
      batch.push(terms);
      if (batch.length === BATCH) {
        index.add(batch);
        onProgress((done += batch.length), missing.size);
        batch = [];
      }
    }
    index.add(batch);
    onProgress(missing.size, missing.size);
  }
  return { index, repaired: saved === null || extra.length > 0 || missing.size > 0 };
}
