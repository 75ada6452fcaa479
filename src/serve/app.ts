/** The HTTP API over one open index. */
import express, { type Express } from 'express';
import { DEFAULT_SEARCHES_PER_MINUTE } from '../config.js';
import { removeDocument } from '../ingest/remove-document.js';
import { search } from '../search/search.js';
import { embeddedNearMean, findSimilar } from '../search/similar.js';
import { embeddedEngine } from '../store/embedded-engine.js';
import type { IndexHandle } from '../store/open-index.js';
import { requireApiKey } from './api-keys.js';
import { discoveryRoutes } from './discovery-routes.js';
import { documentRoutes } from './document-routes.js';
import { searchRateLimit } from './search-rate-limit.js';
import { errorHandler, notFound, sendError } from './http-error.js';
import { UserError } from '../core/errors.js';
import { InFlight } from './in-flight.js';
import { IngestJobs } from './ingest-jobs.js';
import { OPENAPI } from './openapi.js';
import { OpenConnections } from './open-connections.js';
import { requestLog, type LogLine } from './request-log.js';
import { parseSearchRequest } from '../core/search-request.js';
import { uploadHandlers } from './upload.js';
import { webPages } from './web-pages.js';

export interface AppOptions {
  /** Keys that may write (upload, delete); none means writing is off. */
  apiKeys: string[];
  /** Searches per minute per client address; 0 turns the limit off. */
  searchesPerMinute: number;
  log: LogLine | null;
}

export const DEFAULT_APP_OPTIONS: AppOptions = { apiKeys: [], searchesPerMinute: DEFAULT_SEARCHES_PER_MINUTE, log: null };

/** Longest request line accepted; a search query of 2,000 Vietnamese letters, percent-encoded, fits. */
export const MAX_URL_LENGTH = 32 * 1024;

export interface App {
  app: Express;
  jobs: IngestJobs;
  requests: InFlight;
}

export function createApp(handle: IndexHandle, options: Partial<AppOptions> = {}): App {
  const { apiKeys, searchesPerMinute, log } = { ...DEFAULT_APP_OPTIONS, ...options };
  const jobs = new IngestJobs(handle);
  // Autocomplete and named-document lookup answer from the first request on.
  void handle.catalog;
  const writeAccess = requireApiKey(apiKeys);
  const requests = new InFlight();
  const connections = new OpenConnections();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Answers are computed per request; hashing every body for an ETag costs more than the rare conditional GET saves.
  app.set('etag', false);
  if (log) app.use(requestLog(log));
  app.use(connections.middleware);
  app.use((req, res, next) => (req.url.length > MAX_URL_LENGTH ? sendError(res, 'uri_too_long', 'the request line is too long') : next()));

  app.get('/api/health', (_req, res) => {
    res.json({
      status: 'ok',
      ready: true,
      engine: 'embedded',
      mode: handle.mode,
      model: handle.embedder ? { id: handle.embedder.modelId, dimension: handle.embedder.dimension } : null,
      ...handle.store.counts(),
      jobs: jobs.counts(),
    });
  });

  app.get('/api/openapi.json', (_req, res) => {
    res.json(OPENAPI);
  });

  const searchLimit = searchRateLimit(searchesPerMinute);

  app.get('/api/search', searchLimit, async (req, res) => {
    const params = parseSearchRequest(req.query as Record<string, unknown>);
    const parallel = connections.count > 1;
    res.json(await requests.track(search(handle, params.q, { k: params.k, mode: params.mode, filters: params.filters, exact: params.exact, facets: params.facets, parallel })));
  });

  const engine = embeddedEngine(handle);
  app.use(discoveryRoutes(engine, (id, k) => findSimilar(engine, embeddedNearMean(handle), id, k)));
  app.use(documentRoutes(engine));

  app.post('/api/documents', writeAccess, ...uploadHandlers(jobs));

  const noDocument = (id: string) => new UserError('document_not_found', `no document with id "${id}"`);

  app.delete('/api/documents/:id', writeAccess, (req, res) => {
    const removed = removeDocument(handle, req.params.id as string);
    if (!removed) throw noDocument(req.params.id as string);
    handle.save();
    res.json({ removed });
  });

  app.get('/api/jobs/:id', (req, res) => {
    const job = jobs.get(req.params.id);
    if (!job) throw new UserError('job_not_found', `no job with id "${req.params.id}"`);
    res.json({ job });
  });

  app.use(webPages());
  app.use(notFound);
  app.use(errorHandler);
  return { app, jobs, requests };
}
