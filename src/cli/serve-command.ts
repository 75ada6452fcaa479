/** `npm start`: opens the index (ingesting the bundled corpus into an empty one) and serves the API. */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_SEARCHES_PER_MINUTE, readConfig } from '../config.js';
import { coverageLine, vectorCoverage } from '../core/vector-coverage.js';
import { ingestPaths } from '../ingest/ingest-files.js';
import { createApp } from '../serve/app.js';
import { closeEmbedder } from '../embed/threaded-embedder.js';
import { createEmbeddedApp } from '../serve/embedded-app.js';
import { createHttpServer } from '../serve/http-server.js';
import { sourceReplacer } from '../serve/present-sources.js';
import { IngestJobs } from '../serve/ingest-jobs.js';
import { engineTarget } from '../serve/ingest-target.js';
import { JobStore } from '../store/job-store.js';
import type { Config } from '../config.js';
import { commandLine, MODEL_ENVIRONMENT } from './command-line.js';
import { formatSummary } from './format-summary.js';
import { openConfiguredSolr } from './open-configured-engine.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';
import { checkPortFree, listenError } from './port-check.js';
import { createProgress } from './progress.js';

const program = commandLine({
  name: 'npm start --',
  description:
    'Serve the search API and web page over an index folder, ingesting the bundled corpus (CORPUS_DIR) first when the ' +
    'index is empty; the folder is created when it does not exist. Configured by environment variables; the server ' +
    'is the index\'s one writer while it runs (uploads go through its API). SIGINT or SIGTERM stops it gracefully.',
  examples: [
    ['npm start', 'indexes/default on http://localhost:3000'],
    ['PORT=8080 HOST=127.0.0.1 INDEX_DIR=/srv/index npm start', 'another port, address and index'],
    ["API_KEYS='k1,k2' npm start", 'uploads and deletions allowed with either key'],
  ],
  environment: [
    ['INDEX_DIR', 'index folder (default: indexes/default)'],
    ['PORT, HOST', 'where it listens (default: 3000, all interfaces)'],
    ['API_KEYS', 'comma-separated keys for uploads and deletions (default: none, writes off)'],
    ['SEARCH_RATE_LIMIT', `searches per minute per client address, 0 for no limit (default: ${DEFAULT_SEARCHES_PER_MINUTE})`],
    ['LEXICAL_THREADS', 'worker threads scoring lexical searches (default: cores - 1; at most 2 x cores, at least 16 allowed)'],
    ['CORPUS_DIR', 'what an empty index is filled with (default: corpus)'],
    ['ENGINE, SOLR_URL, SOLR_COLLECTION', 'ENGINE=solr serves search and the write API from a SolrCloud collection (README)'],
    ['JOBS_DIR', 'with ENGINE=solr, the folder keeping upload jobs (default: indexes/jobs)'],
    ...MODEL_ENVIRONMENT,
  ],
});

runMain(async () => {
  program.parse();
  const config = readConfig();
  // Before the index is opened and an empty one filled with the corpus (minutes): a taken port fails in a second.
  await checkPortFree(config.port, config.host);
  if (config.engine.engine === 'solr') return serveSolr(config);
  const handle = await openConfiguredIndex(config.indexDir, { lexicalThreads: config.lexicalThreads, writer: 'server', passagesOnThread: true });
  if (handle.store.counts().documents === 0) {
    log(`empty index: ingesting ${config.corpusDir}`);
    const bar = createProgress('corpus');
    const summary = await ingestPaths(handle, [config.corpusDir], { onProgress: (p) => bar.update(p.done, p.total, p.current) });
    bar.stop();
    log(formatSummary(summary));
  }
  const { app, jobs, requests } = createEmbeddedApp(handle, {
    apiKeys: config.apiKeys,
    searchesPerMinute: config.searchesPerMinute,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  // Files of a CORPUS_DIR outside the working folder are stored by absolute path: the API shows them from its name.
  app.set('json replacer', sourceReplacer(config.corpusDir));
  const server = createHttpServer(app);
  server.listen(config.port, config.host ?? '::');
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (err) {
    // The port is taken (EADDRINUSE) or not ours to open (EACCES): stop the search threads, release the writer lock.
    try {
      handle.close();
    } catch {
      // the listen error is the one to report
    }
    throw listenError(err, config.port, config.host);
  }
  const { port } = server.address() as AddressInfo;
  handle.lock?.describe({ url: `http://localhost:${port}` });
  const coverage = vectorCoverage(handle.store.counts());
  log(`serving ${handle.store.counts().documents} documents (${coverage.none ? 'lexical' : handle.mode} search) on http://localhost:${port}`);
  const missing = handle.embedder && coverageLine(coverage, handle.embedder.modelId);
  if (missing) log(missing);
  log(config.apiKeys.length > 0 ? `uploads and deletions need one of ${config.apiKeys.length} API keys` : 'uploads and deletions are off (set API_KEYS to enable them)');

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) {
      log('stopping now');
      process.exit(1);
    }
    stopping = true;
    log('shutting down: finishing the requests being answered and the current ingest job (press Ctrl-C again to stop at once)');
    server.close();
    server.closeIdleConnections();
    void Promise.all([requests.idle(), jobs.idle()]).then(async () => {
      await closeEmbedder(handle.embedder);
      try {
        handle.close();
        log('index saved and closed');
        process.exit(0);
      } catch (err) {
        // The store is closed and whole; the derived index files are repaired from it at the next start.
        log(`error: ${(err as Error).message}`);
        process.exit(1);
      }
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
});

/**
 * ENGINE=solr: the same app (src/serve/app.ts) over the Solr engine; upload jobs are kept in JOBS_DIR; nothing is
 * ingested at start.
 */
async function serveSolr(config: Config): Promise<void> {
  if (config.engine.engine !== 'solr') return;
  const { engine, embedder } = await openConfiguredSolr(config.engine, { passagesOnThread: true });
  mkdirSync(config.jobsDir, { recursive: true });
  const jobStore = new JobStore(join(config.jobsDir, 'jobs.sqlite'));
  const jobs = new IngestJobs(engineTarget(engine, embedder, jobStore));
  const { app, requests } = createApp(engine, embedder, {
    apiKeys: config.apiKeys,
    searchesPerMinute: config.searchesPerMinute,
    log: (line) => process.stdout.write(`${line}\n`),
    jobs,
  });
  app.set('json replacer', sourceReplacer(config.corpusDir));
  const server = createHttpServer(app);
  server.listen(config.port, config.host ?? '::');
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (err) {
    jobStore.close();
    await closeEmbedder(embedder);
    await engine.close();
    throw listenError(err, config.port, config.host);
  }
  const { port } = server.address() as AddressInfo;
  log(`serving ${(await engine.counts()).documents} documents from SolrCloud on http://localhost:${port}`);
  log(config.apiKeys.length > 0 ? `uploads and deletions need one of ${config.apiKeys.length} API keys; jobs kept in ${config.jobsDir}` : 'uploads and deletions are off (set API_KEYS to enable them)');
  const shutdown = (): void => {
    server.close();
    server.closeIdleConnections();
    void Promise.all([requests.idle(), jobs.idle()]).then(async () => {
      await closeEmbedder(embedder);
      jobStore.close();
      await engine.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
