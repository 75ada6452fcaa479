/**
 * The write side of the API over any engine, mounted by src/serve/app.ts for both engines:
 * - `POST /api/documents`: uploads with the same checks and limits (src/serve/upload.ts): every file is read and
 *   prepared before anything is written, so one bad file refuses the request (4xx) and the collection is left as it
 *   was; then the engine is asked whether it answers (503 `engine_unavailable` when no node does, and nothing is
 *   queued), and the files are queued as an ingest job (202) written through the engine's verbs;
 * - `GET /api/jobs/:id`: a job's progress; jobs are kept in their target's job store (an index folder's store, or
 *   JOBS_DIR with ENGINE=solr), so they are answered for after a restart; without one, in memory only;
 * - `DELETE /api/documents/:id`: removes a document with its sources and passages through the engine's
 *   `removeDocument`, then makes it durable with `flush` (the embedded engine: the index handle's verbs, then save).
 * Writes need an API key (src/serve/api-keys.ts); with none configured they are off (403).
 */
import { Router } from 'express';
import type { SearchEngine } from '../store/engine.js';
import { requireApiKey } from './api-keys.js';
import { UserError } from '../core/errors.js';
import type { IngestJobs } from './ingest-jobs.js';
import { uploadHandlers } from './upload.js';

export interface EngineWriteOptions {
  /** Keys that may write; none means writing is off. */
  apiKeys: string[];
  /** The job runner uploads are queued on (the app's). */
  jobs: IngestJobs;
}

/** The routes, for `app.use`. */
export function engineWriteRoutes(engine: SearchEngine, options: EngineWriteOptions): Router {
  const { jobs } = options;
  const writeAccess = requireApiKey(options.apiKeys);
  const router = Router();
  // A job is queued only when the engine answers (its question waits out a leader election, as writes do).
  const ready = async (): Promise<void> => {
    await engine.counts();
  };
  router.post('/api/documents', writeAccess, ...uploadHandlers(jobs, ready));

  router.delete('/api/documents/:id', writeAccess, async (req, res) => {
    const documentId = req.params.id as string;
    if (!(await engine.documentSummaries([documentId])).has(documentId)) {
      throw new UserError('document_not_found', `no document with id "${documentId}"`);
    }
    const keys = await engine.removeDocument(documentId);
    await engine.flush();
    res.json({ removed: { documentId, passages: keys.length } });
  });

  router.get('/api/jobs/:id', (req, res) => {
    const job = jobs.get(req.params.id);
    if (!job) throw new UserError('job_not_found', `no job with id "${req.params.id}"`);
    res.json({ job });
  });
  return router;
}
