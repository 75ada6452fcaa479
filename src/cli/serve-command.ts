/** `npm start`: opens the index (ingesting the bundled corpus into an empty one) and serves the API. */
import type { AddressInfo } from 'node:net';
import { readConfig } from '../config.js';
import { ingestPaths } from '../ingest/ingest-files.js';
import { createApp } from '../serve/app.js';
import { formatSummary } from './format-summary.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

runMain(async () => {
  const config = readConfig();
  const handle = await openConfiguredIndex(config.indexDir);
  if (handle.store.counts().documents === 0) {
    log(`empty index: ingesting ${config.corpusDir}`);
    const bar = createProgress('corpus');
    const summary = await ingestPaths(handle, [config.corpusDir], (p) => bar.update(p.done, p.total, p.current));
    bar.stop();
    log(formatSummary(summary));
  }
  const app = createApp(handle);
  const server = app.listen(config.port, config.host ?? '::');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  log(`serving ${handle.store.counts().documents} documents (${handle.mode} search) on http://localhost:${port}`);
  const shutdown = (): void => {
    log('shutting down');
    server.close(() => {
      handle.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
