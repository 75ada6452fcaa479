/** `npm run reindex [-- --index DIR]`: embeds every passage that lacks a vector of the installed model. */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { embedMissingVectors } from '../ingest/embed-missing.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

runMain(async () => {
  const { values } = parseArgs({ options: { index: { type: 'string' } } });
  const handle = await openConfiguredIndex(values.index ?? readConfig().indexDir, { replaceOtherModels: true, writer: 'reindex' });
  try {
    if (!handle.embedder) {
      log('nothing to do without a model: install one first (`npm run model:fetch`)');
      return 1;
    }
    const bar = createProgress('vectors');
    const started = performance.now();
    const added = await embedMissingVectors(handle, (done, total) => bar.update(done, total));
    bar.stop();
    log(`${added} passages embedded with ${handle.embedder.modelId} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${handle.store.counts().vectors} vectors in the index`);
    return 0;
  } finally {
    handle.close();
  }
});
