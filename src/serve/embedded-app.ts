/**
 * The app (src/serve/app.ts) over an open index folder: its embedded engine (src/store/embedded-engine.ts) with the
 * folder's extras: upload jobs committed into the handle and kept in its store (src/serve/ingest-target.ts
 * indexTarget), similar documents with their vector half (the mean of a document's stored vectors searched in the
 * HNSW index), and lexical scoring on the handle's search threads while several clients are served.
 */
import { embeddedNearMean } from '../search/similar.js';
import { embeddedEngine } from '../store/embedded-engine.js';
import type { IndexHandle } from '../store/open-index.js';
import { type App, type AppOptions, createApp, type EngineExtras } from './app.js';
import { IngestJobs } from './ingest-jobs.js';

/** The extras of an index folder, for createApp over `embeddedEngine(handle)`. */
export function embeddedExtras(handle: IndexHandle): Required<EngineExtras> {
  return {
    jobs: new IngestJobs(handle),
    nearMean: embeddedNearMean(handle),
    parallel: embeddedEngine(handle, { parallel: true }),
  };
}

/** The app over an index folder, as `npm start` serves it; writes go through the handle's verbs. */
export function createEmbeddedApp(handle: IndexHandle, options: Partial<AppOptions> = {}): App {
  // Autocomplete and named-document lookup answer from the first request on.
  void handle.catalog;
  return createApp(embeddedEngine(handle), handle.embedder, { ...options, ...embeddedExtras(handle) });
}
