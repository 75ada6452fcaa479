/**
 * The HTTP API over an engine without an index folder (ENGINE=solr, src/store/solr/solr-engine.ts): search, health,
 * the OpenAPI description, the document pages' reads, autocomplete and similar documents (lexical: Solr does not
 * give vectors back) through src/serve/document-routes.ts and discovery-routes.ts, shared with src/serve/app.ts, and
 * the web page; every other API endpoint (uploads, ingest jobs, deletions) answers 501 `engine_unsupported` until it goes through the engine too.
 */
import express, { type Express } from 'express';
import type { Embedder } from '../embed/embedder.js';
import { searchEngine } from '../search/search.js';
import { engineNearMean, findSimilar } from '../search/similar.js';
import type { SearchEngine } from '../store/engine.js';
import { type AppOptions, DEFAULT_APP_OPTIONS, MAX_URL_LENGTH } from './app.js';
import { discoveryRoutes } from './discovery-routes.js';
import { documentRoutes } from './document-routes.js';
import { searchRateLimit } from './search-rate-limit.js';
import { type EngineWriteOptions, engineWriteRoutes } from './engine-write-routes.js';
import { errorHandler, notFound, sendError } from './http-error.js';
import { InFlight } from './in-flight.js';
import { OPENAPI } from './openapi.js';
import { requestLog } from './request-log.js';
import { parseSearchRequest } from '../core/search-request.js';
import { webPages } from './web-pages.js';
import { IngestJobs } from './ingest-jobs.js';
import { engineTarget } from './ingest-target.js';

export interface EngineApp {
  app: Express;
  requests: InFlight;
}

/** Search, health, the document reads and the write API through `engine`; other `/api/*` endpoints refused with 501. */
export function createEngineApp(engine: SearchEngine, embedder: Embedder | null, options: Partial<AppOptions> & Pick<EngineWriteOptions, 'jobs'> = {}): EngineApp {
  const { searchesPerMinute, log } = { ...DEFAULT_APP_OPTIONS, ...options };
  const requests = new InFlight();
  const jobs = options.jobs ?? new IngestJobs(engineTarget(engine, embedder, null));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  if (log) app.use(requestLog(log));
  app.use((req, res, next) => (req.url.length > MAX_URL_LENGTH ? sendError(res, 'uri_too_long', 'the request line is too long') : next()));

  app.get('/api/health', async (_req, res) => {
    res.json({
      status: 'ok',
      ready: true,
      engine: engine.name,
      mode: engine.vectorModel && embedder ? 'hybrid' : 'lexical',
      model: embedder ? { id: embedder.modelId, dimension: embedder.dimension } : null,
      ...(await engine.counts()),
      jobs: jobs.counts(),
    });
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(OPENAPI);
  });
  const searchLimit = searchRateLimit(searchesPerMinute);
  app.get('/api/search', searchLimit, async (req, res) => {
    const params = parseSearchRequest(req.query as Record<string, unknown>);
    res.json(await requests.track(searchEngine(engine, embedder, params.q, { k: params.k, mode: params.mode, filters: params.filters, exact: params.exact, facets: params.facets })));
  });
  app.use(discoveryRoutes(engine, (id, k) => findSimilar(engine, engineNearMean(engine), id, k)));
  app.use(documentRoutes(engine));
  app.use(engineWriteRoutes(engine, embedder, { apiKeys: options.apiKeys ?? [], jobs }));
  app.use('/api', (req, res) =>
    sendError(res, 'engine_unsupported', `${req.method} /api${req.path} is not available with ENGINE=${engine.name}`),
  );
  app.use(webPages());
  app.use(notFound);
  app.use(errorHandler);
  return { app, requests };
}
