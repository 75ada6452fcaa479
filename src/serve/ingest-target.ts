/**
 * What upload jobs (src/serve/ingest-jobs.ts) write into: the small ingest port both engines satisfy, so one job
 * runner serves the app (src/serve/app.ts) over either engine.
 * - indexTarget: an index folder's handle (commitFile: the store's transaction, then the index files at save);
 * - engineTarget: any SearchEngine through its write verbs (src/ingest/ingest-engine.ts commitIntoEngine), with the
 *   jobs' states in a JobStore of their own (a jobs folder given by configuration: the engine keeps no jobs).
 */
import { commitFile, type FileResult, type PreparedFile } from '../ingest/ingest-files.js';
import { commitIntoEngine } from '../ingest/ingest-engine.js';
import type { Embedder } from '../embed/embedder.js';
import type { SearchEngine } from '../store/engine.js';
import type { JobStore } from '../store/job-store.js';
import type { IndexHandle } from '../store/open-index.js';

export interface IngestTarget {
  /** Stores a prepared file under a source path (`uploads/<name>`), whole or not at all; throws why not. */
  commit(file: PreparedFile, source: string): Promise<FileResult>;
  /** Makes the job's writes durable after its last file (index files saved, a hard commit). */
  save(): Promise<void>;
  /** Where job states are kept across restarts, or null (memory only: a reader, a test). */
  readonly jobs: JobStore | null;
}

/** The embedded engine's target: an open index handle (a writer's handle keeps jobs in store.sqlite). */
export function indexTarget(handle: IndexHandle): IngestTarget {
  return {
    commit: (file, source) => commitFile(handle, file, source),
    save: async () => handle.save(),
    jobs: handle.jobs,
  };
}

/** Any engine through its write verbs; `embedder` computes the passages' vectors (null: lexical only). */
export function engineTarget(engine: SearchEngine, embedder: Embedder | null, jobs: JobStore | null): IngestTarget {
  return {
    commit: (file, source) => commitIntoEngine(engine, embedder, file, source),
    save: () => engine.flush(),
    jobs,
  };
}
