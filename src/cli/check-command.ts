/** `npm run check -- [--index DIR] [--json]`: verifies an index folder; exits 1 when it is inconsistent. */
import { readConfig } from '../config.js';
import { checkIndex } from '../store/check-index.js';
import { commandLine, INDEX_OPTION_HELP } from './command-line.js';
import { runMain } from './open-configured-index.js';

const program = commandLine({
  name: 'npm run check --',
  description:
    'Verify an index folder without loading a model or writing anything (it runs on a read-only folder). Reports ' +
    'index files behind the store (an ingest in progress, or a writer stopped before its save: repaired at the next ' +
    'open) apart from problems lag cannot explain (damage, passages missing or extra). Exits 0 when there is no ' +
    'problem, 1 when there is one; with --json the report is printed whatever it finds.',
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
  else if (report.error?.code === 'no_index') process.stderr.write(`error: ${report.error.message}\n`);
  else {
    const lines = [`${dir}: ${report.documents} documents, ${report.passages} passages, ${report.vectors} vectors`];
    if (report.writer) lines.push(`being written by ${report.writer.command} (pid ${report.writer.pid}, since ${report.writer.since})`);
    lines.push(...report.behind.map((b) => `behind: ${b}`), ...report.problems.map((p) => `problem: ${p}`));
    lines.push(report.ok ? (report.behind.length > 0 ? 'ok (index files behind the store, as above)' : 'ok') : `${report.problems.length} problems`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.ok ? 0 : 1;
});
