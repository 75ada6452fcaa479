/** `npm run suggest -- "<text>" [--k N] [--json] [--index DIR]`: autocomplete of document numbers and titles. */
import { readConfig } from '../config.js';
import { MAX_SUGGESTIONS } from '../store/document-catalog.js';
import { openIndex } from '../store/open-index.js';
import { commandLine, INDEX_OPTION_HELP, usageError } from './command-line.js';
import { runMain } from './open-configured-index.js';

const program = commandLine({
  name: 'npm run suggest --',
  description:
    'Complete a document number or the start of a title, as GET /api/suggest does: up to 10 documents whose number ' +
    '(in any spelling: 22-nq, 22/NQ, nq 22, nghị quyết số 22) or title words start with the text, diacritics ' +
    'optional. Reads the index without writing and without loading a model.',
  examples: [
    ['npm run -s suggest -- 22-nq', 'documents numbered 22-NQ/…, 220-NQ/…, …'],
    ['npm run -s suggest -- "hoc tap va lam th"', 'documents whose title holds these words'],
    ['npm run -s suggest -- "nghị định 19" --json', 'the API response as JSON'],
  ],
})
  .argument('<text...>', 'what was typed (the words are joined by spaces)')
  .option('--k <n>', `how many suggestions, 1 to ${MAX_SUGGESTIONS} (default: ${MAX_SUGGESTIONS})`)
  .option('--json', 'print the API response as one JSON object')
  .option('--index <dir>', INDEX_OPTION_HELP);

runMain(async () => {
  program.parse();
  const values = program.opts<{ k?: string; json?: boolean; index?: string }>();
  const k = values.k === undefined ? MAX_SUGGESTIONS : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > MAX_SUGGESTIONS) return usageError(program, `--k must be a whole number from 1 to ${MAX_SUGGESTIONS}; got "${values.k}"`);
  const query = program.args.join(' ');
  const handle = openIndex(values.index ?? readConfig().indexDir, { embedder: null, access: 'read' });
  try {
    const suggestions = handle.catalog.suggest(query, k);
    if (values.json) process.stdout.write(`${JSON.stringify({ query, suggestions })}\n`);
    else if (suggestions.length === 0) process.stdout.write(`Không có gợi ý cho “${query}”.\n`);
    else process.stdout.write(`${suggestions.map((s) => `${s.label}${s.detail ? `  — ${s.detail}` : ''}  [${s.documentId}]`).join('\n')}\n`);
  } finally {
    handle.close();
  }
});
