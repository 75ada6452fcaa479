/**
 * Files are read (extractText + prepareDocument) in a child process, so that a heavy or hostile file never stalls
 * the thread answering searches nor takes its memory. The child has a heap limit (--max-old-space-size) and each
 * file a time limit; a file over either is refused (`parse_memory`, `parse_timeout`) and the child is replaced. A
 * child process, not a worker thread: a worker that reaches its V8 heap limit can abort the whole process (measured
 * on Node 20 with resourceLimits of 128 MiB and an HTML of 2 million entities), a child only itself.
 * One child serves files one at a time; it starts on first use and never keeps a finished process alive.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { isErrorCode, UserError } from '../core/errors.js';
import type { PreparedDocument } from '../core/types.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';

export interface ParseLimits {
  /** Longest a file may take to read, in milliseconds. */
  timeoutMs: number;
  /** Heap (V8 old generation) the child may use, in MiB. */
  memoryMb: number;
}

/** 50 MB of text or a 5,000-page PDF reads in well under two minutes on a small server, in a few hundred MiB. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 120_000, memoryMb: 1536 };

interface Pending {
  child: ChildProcess;
  resolve: (doc: PreparedDocument) => void;
  reject: (err: Error) => void;
  /** A scan's page was recognised: the file's time limit starts again (it bounds each page, not the whole scan). */
  progress: (done: number, total: number) => void;
}

/**
 * Once a scan's OCR has begun (a first progress message), the time limit applies to each page instead of the file:
 * the OCR tools' own 180 s limit per page (src/ingest/ocr/run-tool.ts) plus a margin for a loaded machine.
 */
export const SCAN_PAGE_TIMEOUT_MS = 240_000;

/** Hears of each OCR'd page of the file being read (`done` 0 when OCR starts). */
export type PageListener = (done: number, total: number) => void;

export class ParseProcess {
  private child: ChildProcess | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  /** Files wait here, so that each one's time limit counts only its own reading. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS }) {}

  /**
   * Reads a file into a prepared document; rejects with the UserError the reading raised, or a limit's. For a scan,
   * `onPage` hears of each page recognised, and the time limit counts from the last page done.
   */
  prepare(bytes: Uint8Array, fileName: string, onPage?: PageListener): Promise<PreparedDocument> {
    const run = this.queue.then(() => this.run(bytes, fileName, onPage));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the child (a later prepare starts a new one). */
  close(): void {
    this.child?.kill();
    this.child = null;
  }

  private start(): ChildProcess {
    const child = fork(new URL('./parse-worker.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    this.idle(child);
    child.on('message', (reply: ParseReply) => {
      const p = this.pending.get(reply.id);
      if ('progress' in reply) {
        p?.progress(reply.progress.done, reply.progress.total);
        return;
      }
      this.pending.delete(reply.id);
      if (!p) return;
      if ('doc' in reply) p.resolve(reply.doc);
      else if (reply.error.user) p.reject(isErrorCode(reply.error.code) ? new UserError(reply.error.code, reply.error.message) : new Error(reply.error.message));
      else p.reject(new Error(reply.error.message));
    });
    child.on('error', (err) => this.fail(child, new Error(`the parse process failed: ${err.message}`)));
    child.on('exit', (code, signal) => {
      const memory = /heap out of memory|Reached heap limit/.test(stderr);
      this.fail(
        child,
        memory
          ? new UserError('parse_memory', `reading the file needed over ${this.limits.memoryMb} MiB of memory`)
          : new Error(`the parse process stopped (${signal ?? `exit code ${code}`}): ${stderr.trim().split('\n').pop() ?? ''}`),
      );
    });
    return child;
  }

  /** Idle: the child does not keep the process alive. */
  private idle(child: ChildProcess): void {
    child.unref();
    for (const handle of [child.channel, child.stderr] as ({ unref?: () => void } | null | undefined)[]) handle?.unref?.();
  }

  /** Busy: the child keeps the process alive until the file is read. */
  private busy(child: ChildProcess): void {
    child.ref();
    for (const handle of [child.channel, child.stderr] as ({ ref?: () => void } | null | undefined)[]) handle?.ref?.();
  }

  /** Every file waiting on `child` fails with `err`; the next file gets a new child. */
  private fail(child: ChildProcess, err: Error): void {
    if (this.child === child) this.child = null;
    for (const [id, p] of this.pending) {
      if (p.child !== child) continue;
      this.pending.delete(id);
      p.reject(err);
    }
  }

  private run(bytes: Uint8Array, fileName: string, onPage?: PageListener): Promise<PreparedDocument> {
    this.child ??= this.start();
    const child = this.child;
    const id = this.nextId++;
    this.busy(child);
    return new Promise<PreparedDocument>((resolve, reject) => {
      const expire = (ms: number, what: string) =>
        setTimeout(() => {
          this.fail(child, new UserError('parse_timeout', `${what} took over ${ms / 1000} s`));
          child.kill('SIGKILL');
        }, ms);
      let timer = expire(this.limits.timeoutMs, 'reading the file');
      const settle = () => {
        clearTimeout(timer);
        this.idle(child);
      };
      this.pending.set(id, {
        child,
        resolve: (doc) => {
          settle();
          resolve(doc);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
        progress: (done, total) => {
          clearTimeout(timer);
          timer = expire(Math.max(this.limits.timeoutMs, SCAN_PAGE_TIMEOUT_MS), 'recognising one page of the scan');
          if (done > 0) onPage?.(done, total);
        },
      });
      child.send({ id, bytes, fileName } satisfies ParseRequest);
    });
  }
}

let shared: ParseProcess | null = null;

/** The process's parse child, with the default limits. */
export function sharedParseProcess(): ParseProcess {
  shared ??= new ParseProcess();
  return shared;
}
