/**
 * The HTTP API over a search engine (src/store/engine.ts), one app for both engines: the embedded index folder
 * (through src/serve/embedded-app.ts, which passes the folder's extras below) and SolrCloud (ENGINE=solr).
 * - `GET /api/health`: the engine's name, search mode, model, counts and the ingest jobs' counts;
 * - `GET /api/openapi.json`, `GET /api/search` (rate-limited per address);
 * - autocomplete and similar documents (src/serve/discovery-routes.ts), the document reads (document-routes.ts);
 * - the write API: uploads, jobs and deletions through the engine's write verbs (engine-write-routes.ts);
 * - the web page (web-pages.ts); any other path answers 404 `not_found`.
 * What an engine has beyond the SearchEngine interface comes in as options (EngineExtras): its own job runner, the
 * vector half of similar documents, and a variant of the engine scoring lexical searches on search threads.
 */
import express, { type Express } from 'express';
import { DEFAULT_SEARCHES_PER_MINUTE } from '../config.js';
import { parseSearchRequest } from '../core/search-request.js';
import { vectorCoverage } from '../core/vector-coverage.js';
import type { Embedder } from '../embed/embedder.js';
import { searchEngine } from '../search/search.js';
import { engineNearMean, findSimilar, type NearMean } from '../search/similar.js';
import type { EngineReader, SearchEngine } from '../store/engine.js';
import { discoveryRoutes } from './discovery-routes.js';
import { documentRoutes } from './document-routes.js';
import { engineWriteRoutes } from './engine-write-routes.js';
import { errorHandler, notFound, sendError } from './http-error.js';
import { InFlight } from './in-flight.js';
import { IngestJobs } from './ingest-jobs.js';
import { engineTarget } from './ingest-target.js';
import { OPENAPI } from './openapi.js';
import { OpenConnections } from './open-connections.js';
import { requestLog, type LogLine } from './request-log.js';
import { searchRateLimit } from './search-rate-limit.js';
import { webPages } from './web-pages.js';

export interface AppOptions {
  /** Keys that may write (upload, delete); none means writing is off. */
  apiKeys: string[];
  /** Searches per minute per client address; 0 turns the limit off. */
  searchesPerMinute: number;
  log: LogLine | null;
}

export const DEFAULT_APP_OPTIONS: AppOptions = { apiKeys: [], searchesPerMinute: DEFAULT_SEARCHES_PER_MINUTE, log: null };

/** What an engine brings beyond the SearchEngine interface; each absent means the plain engine's way. */
export interface EngineExtras {
  /**
   * The job runner for uploads (the server's, whose job store and shutdown it shares). Default: jobs written through
   * the engine's write verbs (src/serve/ingest-target.ts engineTarget), kept in memory.
   */
  jobs?: IngestJobs;
  /**
   * The vector half of similar documents (src/search/similar.ts). Absent: the engine's own document vectors
   * (engineNearMean); null: similar documents are lexical only.
   */
  nearMean?: NearMean | null;
  /**
   * The same engine scoring lexical searches on search threads, used while more than one client connection is open
   * (src/serve/open-connections.ts); absent: every search goes through `engine`.
   */
  parallel?: EngineReader | null;
}

/** Longest request line accepted; a search query of 2,000 Vietnamese letters, percent-encoded, fits. */
export const MAX_URL_LENGTH = 32 * 1024;

export interface App {
  app: Express;
  jobs: IngestJobs;
  requests: InFlight;
}

/** The app over `engine`; `embedder` computes query and passage vectors (null: lexical only). */
export function createApp(engine: SearchEngine, embedder: Embedder | null, options: Partial<AppOptions> & EngineExtras = {}): App {
  const { apiKeys, searchesPerMinute, log } = { ...DEFAULT_APP_OPTIONS, ...options };
  const jobs = options.jobs ?? new IngestJobs(engineTarget(engine, embedder, null));
  const nearMean = options.nearMean === undefined ? engineNearMean(engine) : options.nearMean;
  const parallel = options.parallel ?? null;
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

  app.get('/api/health', async (_req, res) => {
    const counts = await engine.counts();
    const coverage = vectorCoverage(counts);
    res.json({
      status: 'ok',
      ready: true,
      engine: engine.name,
      // An index without one vector of the model (built before it was installed) is searched lexically.
      mode: engine.vectorModel && embedder && !coverage.none ? 'hybrid' : 'lexical',
      model: embedder ? { id: embedder.modelId, dimension: embedder.dimension } : null,
      ...counts,
      ...(embedder ? { vectorsMissing: coverage.missing } : {}),
      jobs: jobs.counts(),
    });
  });

  app.get('/api/openapi.json', (_req, res) => {
    res.json(OPENAPI);
  });

  const searchLimit = searchRateLimit(searchesPerMinute);
  app.get('/api/search', searchLimit, async (req, res) => {
    const params = parseSearchRequest(req.query as Record<string, unknown>);
    const reader = parallel && connections.count > 1 ? parallel : engine;
    res.json(await requests.track(searchEngine(reader, embedder, params.q, { k: params.k, mode: params.mode, filters: params.filters, exact: params.exact, facets: params.facets })));
  });

  app.use(discoveryRoutes(engine, (id, k) => findSimilar(engine, nearMean, id, k)));
  app.use(documentRoutes(engine));
  app.use(engineWriteRoutes(engine, { apiKeys, jobs }));

  app.use(webPages());
  app.use(notFound);
  app.use(errorHandler);
  return { app, jobs, requests };
}
