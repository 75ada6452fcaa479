/** `npm run rebuild [-- --index DIR]`: rebuilds the lexical and vector indexes from the store. */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { rebuildIndex } from '../store/rebuild-index.js';
import { log, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

runMain(async () => {
  const { values } = parseArgs({ options: { index: { type: 'string' } } });
  const started = performance.now();
  const progress = createProgress('lexical index');
  const report = rebuildIndex(values.index ?? readConfig().indexDir, (done, total) => progress.update(done, total));
  progress.stop();
  log(`rebuilt the lexical index of ${report.passages} passages and the vector index of ${report.vectors} vectors in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
