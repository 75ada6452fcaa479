/** `npm run similar -- <document id> [--k N] [--json] [--index DIR]`: documents like a given one. */
import { readConfig } from '../config.js';
import { DEFAULT_SIMILAR, MAX_SIMILAR, similarDocuments } from '../search/similar.js';
import { commandLine, INDEX_OPTION_HELP, MODEL_ENVIRONMENT, usageError } from './command-line.js';
import { openConfiguredIndex, runMain } from './open-configured-index.js';

const program = commandLine({
  name: 'npm run similar --',
  description:
    'Documents like a given one (Văn bản tương tự), as GET /api/documents/:id/similar answers: its most distinctive ' +
    'index terms searched as a query, fused with the mean of its passage vectors when a model is installed. The ' +
    'document itself is never listed. Reads the index without writing to it.',
  examples: [
    ['npm run -s similar -- 8c77c415fa609ccd', 'the five most similar documents'],
    ['npm run -s similar -- 8c77c415fa609ccd --k 10 --json', 'ten, as the API response in JSON'],
  ],
  environment: [...MODEL_ENVIRONMENT],
})
  .argument('<id>', 'a document id (as listed by GET /api/documents or shown in search results)')
  .option('--k <n>', `how many documents, 1 to ${MAX_SIMILAR} (default: ${DEFAULT_SIMILAR})`)
  .option('--json', 'print the API response as one JSON object')
  .option('--index <dir>', INDEX_OPTION_HELP);

runMain(async () => {
  program.parse();
  const values = program.opts<{ k?: string; json?: boolean; index?: string }>();
  const k = values.k === undefined ? DEFAULT_SIMILAR : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > MAX_SIMILAR) return usageError(program, `--k must be a whole number from 1 to ${MAX_SIMILAR}; got "${values.k}"`);
  const id = program.args[0]!;
  const handle = await openConfiguredIndex(values.index ?? readConfig().indexDir, { access: 'read' });
  try {
    const response = await similarDocuments(handle, id, k);
    if (!response) {
      process.stderr.write(`error: no document with id "${id}"\n`);
      return 1;
    }
    if (values.json) process.stdout.write(`${JSON.stringify(response)}\n`);
    else {
      const lines = [`mode: ${response.mode}`, `terms: ${response.terms.join(', ')}`, ''];
      for (const s of response.similar) {
        const d = s.document;
        lines.push(`[${s.rank}] ${d.title ?? d.id}${d.number ? ` (${d.number})` : ''}${d.date ? ` ${d.date}` : ''}  [${d.id}]`);
        lines.push(`    ${s.passage.text.replace(/\s+/gu, ' ').slice(0, 200)}…`, '');
      }
      if (response.similar.length === 0) lines.push('Không có văn bản tương tự.');
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    handle.close();
  }
});
