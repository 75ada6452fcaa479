/** `npm run reindex [-- --index DIR]`: embeds every passage that lacks a vector of the installed model. */
import { readConfig } from '../config.js';
import { embedMissingVectors } from '../ingest/embed-missing.js';
import { commandLine, INDEX_OPTION_HELP, MODEL_ENVIRONMENT } from './command-line.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

const program = commandLine({
  name: 'npm run reindex --',
  description:
    'Embed every passage that lacks a vector of the installed model: after installing a model (`npm run model:fetch`) ' +
    'or changing it, when the vectors of the old model are dropped first. Exits 1 without a model. Takes the writer lock.',
  examples: [
    ['npm run reindex', 'the index folder of $INDEX_DIR, with the model in models/'],
    ['MODEL_DIR=/opt/models npm run reindex -- --index /srv/index', 'another model folder and index'],
  ],
  environment: [...MODEL_ENVIRONMENT],
}).option('--index <dir>', INDEX_OPTION_HELP);

runMain(async () => {
  const values = program.parse().opts<{ index?: string }>();
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
