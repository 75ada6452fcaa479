/**
 * Ingest jobs for uploads: run one at a time in submission order, so writes never interleave, while searches go on
 * being served (each document is written whole or not at all, so a search sees it whole or not at all). They write
 * into an ingest target (src/serve/ingest-target.ts): an index handle, or any engine through its write verbs.
 * Every change of a job's state is written to the target's job store (the index's `jobs` table, or the jobs folder
 * of ENGINE=solr), so a job is still answered for after a restart; a job a crash or restart left unfinished is marked
 * failed (`interrupted`) when the next server starts. Once the engine is unavailable (`engine_unavailable`), the
 * job's remaining files fail with the same error at once instead of each waiting out the engine's deadline.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../core/errors.js';
import type { FileOutcome, PreparedFile } from '../ingest/ingest-files.js';
import { asDiskFull } from '../store/disk-full.js';
import type { IndexHandle } from '../store/open-index.js';
import { type IngestTarget, indexTarget } from './ingest-target.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobFile {
  name: string;
  status: JobStatus;
  outcome: FileOutcome | null;
  documentId: string | null;
  passages: number;
  error: { code: string; message: string } | null;
}

export interface Job {
  id: string;
  status: JobStatus;
  createdAt: string;
  finishedAt: string | null;
  progress: { done: number; total: number };
  files: JobFile[];
  /** Set when the files were stored but the index files could not be saved afterwards (e.g. `disk_full`). */
  warning?: { code: string; message: string };
  /** Why the job stopped before its end (`interrupted`: the server stopped while it was queued or running). */
  error?: { code: string; message: string };
}

export interface Upload {
  name: string;
  prepared: PreparedFile;
}

/** Finished jobs kept for GET /api/jobs/:id. */
const KEEP_FINISHED = 1000;

export class IngestJobs {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<void> = Promise.resolve();

  private readonly target: IngestTarget;

  /** Jobs writing into `target`; an index handle stands for its indexTarget. */
  constructor(target: IngestTarget | IndexHandle) {
    this.target = 'commit' in target ? target : indexTarget(target);
    const now = new Date().toISOString();
    for (const job of this.target.jobs?.unfinished<Job>() ?? []) {
      const error = {
        code: 'interrupted',
        message: 'the server stopped (a crash or a restart) before this file was stored; upload it again',
      };
      for (const f of job.files) if (f.status === 'queued' || f.status === 'running') Object.assign(f, { status: 'failed', error });
      job.error = { code: 'interrupted', message: `the server stopped before the job finished; ${job.files.filter((f) => f.status === 'done').length} of its files were stored` };
      job.status = 'failed';
      job.finishedAt = now;
      this.persist(job);
    }
  }

  /** Writes the job's state to the store; a failure (a full disk) leaves it in memory only, never stops the job. */
  private persist(job: Job): void {
    try {
      this.target.jobs?.put(job);
    } catch {
      // The state stays served from memory until the process stops.
    }
  }

  submit(uploads: Upload[]): Job {
    const job: Job = {
      id: randomUUID(),
      status: 'queued',
      createdAt: new Date().toISOString(),
      finishedAt: null,
      progress: { done: 0, total: uploads.length },
      files: uploads.map((u) => ({ name: u.name, status: 'queued', outcome: null, documentId: null, passages: 0, error: null })),
    };
    this.jobs.set(job.id, job);
    this.persist(job);
    // A job that throws must not stop the ones after it: its failure is recorded on the job, never propagated.
    this.tail = this.tail.then(() => this.run(job, uploads)).catch((err: unknown) => this.abandon(job, err));
    this.evict();
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id) ?? this.target.jobs?.get<Job>(id) ?? undefined;
  }

  counts(): { queued: number; running: number } {
    const all = [...this.jobs.values()];
    return { queued: all.filter((j) => j.status === 'queued').length, running: all.filter((j) => j.status === 'running').length };
  }

  /** Resolves when every submitted job has finished (for a graceful shutdown). */
  idle(): Promise<void> {
    return this.tail;
  }

  private async run(job: Job, uploads: Upload[]): Promise<void> {
    job.status = 'running';
    let unavailable: { code: string; message: string } | null = null;
    for (const [i, upload] of uploads.entries()) {
      // Let waiting requests in between files (without a model a file's commit never yields on its own).
      await new Promise((resolve) => setImmediate(resolve));
      const file = job.files[i]!;
      file.status = 'running';
      try {
        if (unavailable) throw new UserError('engine_unavailable', unavailable.message);
        const result = await this.target.commit(upload.prepared, `uploads/${upload.name}`);
        Object.assign(file, { status: 'done', outcome: result.outcome, documentId: result.documentId, passages: result.passages });
      } catch (raw) {
        const err = asDiskFull(raw, 'the store');
        file.status = 'failed';
        file.error = { code: err instanceof UserError ? err.code : 'ingest_failed', message: (err as Error).message };
        if (file.error.code === 'engine_unavailable') unavailable = file.error;
      }
      job.progress.done = i + 1;
      this.persist(job);
    }
    try {
      await this.target.save();
    } catch (err) {
      // The documents are committed to the store (and searchable); only the derived index files lag, and the next
      // save or open writes them. The job says so instead of crashing the server.
      job.warning = { code: err instanceof UserError ? err.code : 'ingest_failed', message: (err as Error).message };
    }
    job.status = job.files.every((f) => f.status === 'failed') ? 'failed' : 'done';
    job.finishedAt = new Date().toISOString();
    this.persist(job);
  }

  /** A job whose run threw outside the per-file handling: every unfinished file fails with the reason. */
  private abandon(job: Job, raw: unknown): void {
    const err = asDiskFull(raw, 'the store');
    const error = { code: err instanceof UserError ? err.code : 'ingest_failed', message: (err as Error).message };
    for (const f of job.files) if (f.status === 'queued' || f.status === 'running') Object.assign(f, { status: 'failed', error });
    job.status = 'failed';
    job.finishedAt = new Date().toISOString();
    this.persist(job);
  }

  private evict(): void {
    try {
      this.target.jobs?.prune(KEEP_FINISHED);
    } catch {
      // pruning waits for the next job
    }
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }
}
