/** `npm run rebuild [-- --index DIR]`: rebuilds the lexical and vector indexes from the store. */
import { readConfig } from '../config.js';
import { rebuildIndex } from '../store/rebuild-index.js';
import { commandLine, INDEX_OPTION_HELP } from './command-line.js';
import { log, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

const program = commandLine({
  name: 'npm run rebuild --',
  description:
    'Rebuild the lexical and vector index files of an index folder from its store (store.sqlite), without a model: ' +
    'after `npm run check` names a damaged or missing file, or to compact them. Takes the writer lock.',
  examples: [
    ['npm run rebuild', 'the index folder of $INDEX_DIR'],
    ['npm run rebuild -- --index /srv/index', 'another folder'],
  ],
}).option('--index <dir>', INDEX_OPTION_HELP);

runMain(async () => {
  const values = program.parse().opts<{ index?: string }>();
  const started = performance.now();
  const progress = createProgress('lexical index');
  const report = rebuildIndex(values.index ?? readConfig().indexDir, (done, total) => progress.update(done, total));
  progress.stop();
  log(`rebuilt the lexical index of ${report.passages} passages and the vector index of ${report.vectors} vectors in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
