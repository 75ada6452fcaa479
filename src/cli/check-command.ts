/** `npm run check -- [--index DIR] [--json]`: verifies an index folder; exits 1 when it is inconsistent. */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { checkIndex } from '../store/check-index.js';
import { runMain } from './open-configured-index.js';

runMain(async () => {
  const { values } = parseArgs({ options: { index: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const dir = values.index ?? readConfig().indexDir;
  const report = checkIndex(dir);
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    process.stdout.write(`${dir}: ${report.documents} documents, ${report.passages} passages, ${report.vectors} vectors\n`);
    process.stdout.write(report.ok ? 'ok\n' : `${report.problems.map((p) => `problem: ${p}`).join('\n')}\n`);
  }
  return report.ok ? 0 : 1;
});
