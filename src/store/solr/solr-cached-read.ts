import type { SearchEngine } from '../engine.js';

/**
 * A read the Solr engine answers from memory for a short while: the status changes among indexed documents
 * (solr-document-reads.ts statusChanges, two requests), which every search reads for validity marking
 * (src/search/stages/validity.ts) and every status filter reads (solr-restrict.ts). The counts are not cached: the
 * write routes read them to tell whether the cluster answers.
 */

export interface CachedRead<T> {
  /** The value loaded less than `ttlMs` ago and not invalidated since, else a fresh load (concurrent reads share it). */
  read(): Promise<T>;
  /** Forgets the value, and any load still running: the next read loads again. */
  invalidate(): void;
}

/**
 * Caches `load` for `ttlMs` milliseconds from the start of each load; `now` gives milliseconds (Date.now by default).
 * A failed load is not kept. A load that started before an `invalidate` is never served after it, so a write that
 * invalidates when it has completed is seen by every read that starts after it.
 */
export function cachedRead<T>(load: () => Promise<T>, ttlMs: number, now: () => number = Date.now): CachedRead<T> {
  let entry: { value: Promise<T>; at: number } | null = null;
  return {
    read() {
      if (entry && now() - entry.at < ttlMs) return entry.value;
      const mine = { value: load(), at: now() };
      entry = mine;
      mine.value.catch(() => {
        if (entry === mine) entry = null;
      });
      return mine.value;
    },
    invalidate() {
      entry = null;
    },
  };
}

/**
 * The engine with every write verb (src/store/engine.ts EngineWriter) invalidating each of `caches` when it ends,
 * done or failed (a failed write may have written part).
 */
export function forgettingOnWrites(caches: CachedRead<unknown>[], engine: SearchEngine): SearchEngine {
  const after = async <T>(write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      for (const cache of caches) cache.invalidate();
    }
  };
  return {
    ...engine,
    addDocument: (...args) => after(engine.addDocument(...args)),
    linkSource: (...args) => after(engine.linkSource(...args)),
    removeSource: (...args) => after(engine.removeSource(...args)),
    removeDocument: (...args) => after(engine.removeDocument(...args)),
    flush: () => after(engine.flush()),
  };
}
