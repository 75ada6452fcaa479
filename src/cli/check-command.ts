/** `npm run check -- [--index DIR] [--json]`: verifies an index folder; exits 1 when it is inconsistent. */
import { readConfig } from '../config.js';
import { checkIndex } from '../store/check-index.js';
import { commandLine, INDEX_OPTION_HELP } from './command-line.js';
import { runMain } from './open-configured-index.js';

const program = commandLine({
  name: 'npm run check --',
  description: 'Verify an index folder without loading a model or writing anything. Exits 0 when it is consistent, 1 when it is not.',
  examples: [
    ['npm run check', 'the index folder of $INDEX_DIR'],
    ['npm run -s check -- --index /srv/index --json', 'a JSON report on stdout, for a script'],
  ],
})
  .option('--index <dir>', INDEX_OPTION_HELP)
  .option('--json', 'print the report as one JSON object on stdout');

runMain(async () => {
  const values = program.parse().opts<{ index?: string; json?: boolean }>();
  const dir = values.index ?? readConfig().indexDir;
  const report = checkIndex(dir);
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else if (report.error) process.stderr.write(`error: ${report.error.message}\n`);
  else {
    process.stdout.write(`${dir}: ${report.documents} documents, ${report.passages} passages, ${report.vectors} vectors\n`);
    process.stdout.write(report.ok ? 'ok\n' : `${report.problems.map((p) => `problem: ${p}`).join('\n')}\n`);
  }
  return report.ok ? 0 : 1;
});
