/**
 * Lexical searches on worker threads. Segments live in shared memory, so every worker searches the same index
 * without a copy while the main thread serves requests; a worker is sent the segment list again only after the
 * index changed. A worker that fails is dropped, and its searches (and later ones, when none is left) run on the
 * main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { QueryTerms } from '../core/lexical-terms.js';
import type { LexicalHit, LexicalIndex } from './lexical-index.js';
import type { Segment } from './lexical-segment.js';

export type ToWorker =
  | { type: 'state'; parts: { segment: Segment; deleted: number[] }[] }
  | { type: 'search'; id: number; query: QueryTerms; k: number; allowed: number[] | null };

export interface FromWorker {
  id: number;
  hits: LexicalHit[];
}

interface Pending {
  resolve: (hits: LexicalHit[]) => void;
  /** The same search on the main thread, should the worker fail. */
  fallback: () => LexicalHit[];
}

interface Thread {
  worker: Worker;
  /** Index version the worker last received. */
  version: number;
  pending: Map<number, Pending>;
}

/** Threads that leave a core to the main thread; none on a single core. */
export const defaultLexicalThreads = (): number => Math.max(0, availableParallelism() - 1);

export class LexicalPool {
  private threads: Thread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly index: LexicalIndex,
    count: number,
    private readonly log: (line: string) => void,
  ) {
    for (let i = 0; i < count; i++) this.threads.push(this.spawn());
  }

  private spawn(): Thread {
    const worker = new Worker(new URL('./lexical-thread.mjs', import.meta.url));
    // Idle workers must not keep a finished process alive.
    worker.unref();
    const thread: Thread = { worker, version: -1, pending: new Map() };
    worker.on('message', ({ id, hits }: FromWorker) => {
      thread.pending.get(id)?.resolve(hits);
      thread.pending.delete(id);
    });
    worker.on('error', (err) => this.drop(thread, err.message));
    worker.on('exit', (code) => this.drop(thread, `exit code ${code}`));
    return thread;
  }

  private drop(thread: Thread, why: string): void {
    if (!this.threads.includes(thread)) return;
    this.threads = this.threads.filter((t) => t !== thread);
    if (!this.closed) this.log(`a lexical search thread stopped (${why}); ${this.threads.length} left, the main thread takes over the rest`);
    for (const p of thread.pending.values()) p.resolve(p.fallback());
    thread.pending.clear();
  }

  search(query: QueryTerms, k: number, allowed: ReadonlySet<number> | null): Promise<LexicalHit[]> {
    const fallback = () => this.index.search(query, k, allowed);
    // The least busy worker; ties go to the first.
    const thread = this.threads.reduce<Thread | undefined>((best, t) => (best === undefined || t.pending.size < best.pending.size ? t : best), undefined);
    if (!thread) return Promise.resolve(fallback());
    if (thread.version !== this.index.version) {
      const parts = this.index.segments().map(({ segment, deleted }) => ({ segment, deleted: [...deleted] }));
      thread.worker.postMessage({ type: 'state', parts } satisfies ToWorker);
      thread.version = this.index.version;
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      thread.pending.set(id, { resolve, fallback });
      thread.worker.postMessage({ type: 'search', id, query, k, allowed: allowed && [...allowed] } satisfies ToWorker);
    });
  }

  get size(): number {
    return this.threads.length;
  }

  close(): Promise<number[]> {
    this.closed = true;
    return Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
