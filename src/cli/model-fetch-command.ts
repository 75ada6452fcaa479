/** `npm run model:fetch`: downloads the default model into models/ (or MODEL_DIR) and verifies it. */
import { resolve } from 'node:path';
import { fetchModel, DEFAULT_ENDPOINT } from '../embed/fetch-model.js';
import { DEFAULT_MODELS_ROOT } from '../embed/locate-model.js';
import { DEFAULT_MODEL } from '../embed/model-spec.js';
import { log, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

runMain(async () => {
  const root = process.env.MODEL_DIR ? resolve(process.env.MODEL_DIR) : DEFAULT_MODELS_ROOT;
  const bar = createProgress('download');
  const dir = await fetchModel(DEFAULT_MODEL, root, process.env.HF_ENDPOINT ?? DEFAULT_ENDPOINT, {
    onFile: (file, status) => status !== 'downloading' && log(`${file.path}: ${status}`),
    onBytes: (file, received, total) => bar.update(received, total ?? received, file.path),
  });
  bar.stop();
  log(`model ready in ${dir}; run \`npm run reindex\` to add vectors to an existing index`);
});
