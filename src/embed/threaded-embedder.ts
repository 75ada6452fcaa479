/**
 * An embedder that embeds passages on a worker thread (src/embed/embed-worker.ts) and queries in process. onnxruntime
 * runs inference synchronously, so a document's passages embedded on the server's main thread kept it from answering
 * anything (health, searches) for 10–20 s at a time while an upload was ingested; on the thread they no longer do. A
 * query (a few milliseconds) stays on the main thread: it never waits behind an upload's batches.
 *
 * Same model files, prefixes and batch size on both sides, so `modelId`, `dimension` and the vectors are those of
 * the in-process TransformersEmbedder (test/embed/threaded-embedder.test.ts: cosine ≥ 0.9999).
 *
 * Memory: the thread holds a second copy of the model (about 120 MB of weights for multilingual-e5-small q8) and
 * its own inference buffers: measured RSS after a 300-line upload 1.37 GB against 1.02 GB embedding in process. It
 * starts at the first passages to embed, not at open, so a server that never ingests never pays for it, and stops
 * after THREAD_IDLE_MS without work (the start-up ingest of an empty index does not keep it for the server's life);
 * `close()` stops it for good.
 *
 * Errors: an error thrown on the thread comes back as the same error (a `UserError` keeps its code, anything else is
 * an `Error` with its message); a thread that dies (out of memory, killed) fails the requests it held with
 * `UserError('embedder_unavailable')`, and the next request starts a new thread.
 */
import { Worker } from 'node:worker_threads';
import { isErrorCode, UserError } from '../core/errors.js';
import type { Embedder } from './embedder.js';
import type { ModelLocation } from './locate-model.js';
import type { ModelSpec } from './model-spec.js';

/** What the thread loads (its workerData). */
export interface EmbedThreadData {
  spec: ModelSpec;
  location: ModelLocation;
  batchSize: number;
}

export interface ToEmbedThread {
  id: number;
  kind: 'passages' | 'queries';
  texts: string[];
}

export type FromEmbedThread =
  | { id: number; type: 'progress'; done: number }
  | { id: number; type: 'vectors'; vectors: Float32Array[] }
  | { id: number; type: 'error'; error: { code: string | null; message: string } };

interface Pending {
  resolve: (vectors: Float32Array[]) => void;
  reject: (err: Error) => void;
  onProgress?: (done: number) => void;
}

/** An idle thread is stopped after this long (its model's memory given back); the next passages start another. */
export const THREAD_IDLE_MS = 60_000;

export class ThreadedEmbedder implements Embedder {
  private worker: Worker | null = null;
  private idle: NodeJS.Timeout | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /**
   * `inProcess`: the same model loaded on this thread (queries, modelId, dimension); `model`: what the thread loads;
   * `idleMs`: how long an idle thread is kept (milliseconds).
   */
  constructor(
    private readonly inProcess: Embedder,
    private readonly model: EmbedThreadData,
    private readonly idleMs = THREAD_IDLE_MS,
  ) {}

  /** Whether a thread is running now (it starts with work and stops after `idleMs` without). */
  get threadRunning(): boolean {
    return this.worker !== null;
  }

  get modelId(): string {
    return this.inProcess.modelId;
  }

  get dimension(): number {
    return this.inProcess.dimension;
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.inProcess.embedQueries(texts);
  }

  /** Unit-length vectors of `texts`, computed on the thread; `onProgress` hears the count done after each batch. */
  embedPassages(texts: string[], onProgress?: (done: number) => void): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    if (this.closed) return Promise.reject(new UserError('embedder_unavailable', 'the embedding thread is closed (the server is stopping)'));
    const worker = this.thread();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise<Float32Array[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      // Keeps the process alive while the thread works for it; an idle thread never does.
      worker.ref();
      worker.postMessage({ id, kind: 'passages', texts } satisfies ToEmbedThread);
    });
  }

  /** Stops the thread (a request it held fails with `embedder_unavailable`); later passages are refused. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker;
    if (!worker) return;
    this.fail(worker, 'the embedding thread was closed (the server is stopping)');
    await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./embed-thread.mjs', import.meta.url), { workerData: this.model satisfies EmbedThreadData });
    worker.unref();
    worker.on('message', (message: FromEmbedThread) => this.answer(worker, message));
    worker.on('error', (err) => this.fail(worker, `the embedding thread failed: ${err.message}`));
    worker.on('exit', (code) => this.fail(worker, `the embedding thread stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private answer(worker: Worker, message: FromEmbedThread): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.done);
      return;
    }
    this.pending.delete(message.id);
    if (this.pending.size === 0) {
      worker.unref();
      this.idle = setTimeout(() => {
        if (this.worker === worker && this.pending.size === 0) void worker.terminate();
      }, this.idleMs);
      this.idle.unref();
    }
    if (message.type === 'vectors') pending.resolve(message.vectors);
    else pending.reject(message.error.code && isErrorCode(message.error.code) ? new UserError(message.error.code, message.error.message) : new Error(message.error.message));
  }

  /** The thread is gone: its requests fail, and the next request starts another. */
  private fail(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const error = new UserError('embedder_unavailable', `${why}; upload the file again`);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** Stops an embedder's thread if it has one (a ThreadedEmbedder); any other embedder holds nothing to stop. */
export async function closeEmbedder(embedder: Embedder | null): Promise<void> {
  if (embedder instanceof ThreadedEmbedder) await embedder.close();
}
