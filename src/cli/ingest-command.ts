/** `npm run ingest -- <files or folders…> [--index DIR]`, or `npm run ingest -- --delete <id|path>… [--index DIR]` */
import { readConfig } from '../config.js';
import { ingestPaths } from '../ingest/ingest-files.js';
import { removeByIdOrPath } from '../ingest/remove-document.js';
import { commandLine, INDEX_OPTION_HELP, MODEL_ENVIRONMENT } from './command-line.js';
import { formatSummary } from './format-summary.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

const program = commandLine({
  name: 'npm run ingest --',
  description:
    'Add files (txt, md, html, pdf, docx, doc) and folders to an index, creating the folder when it does not exist. ' +
    'Unchanged files are skipped, changed ones replaced. Exits 1 when any file failed. ' +
    'With --delete, removes documents by id or by source path instead.',
  examples: [
    ['npm run ingest -- ../shared/corpus/decrees', 'a folder, recursively'],
    ['npm run ingest -- a.pdf b.docx --index /srv/index --verbose', 'two files into another index, one line per file'],
    ['npm run ingest -- --delete 3f2a9c1e0b7d', 'remove a document by its id'],
    ['npm run ingest -- --delete corpus/old.txt', 'remove the document of a source file'],
  ],
  environment: [...MODEL_ENVIRONMENT],
})
  .argument('<paths...>', 'files and folders to ingest (with --delete: document ids or source paths)')
  .option('--index <dir>', INDEX_OPTION_HELP)
  .option('--delete', 'remove the documents named instead of ingesting')
  .option('--verbose', 'one line per file as it is committed, and every skipped file in the summary');

runMain(async () => {
  program.parse();
  const values = program.opts<{ index?: string; delete?: boolean; verbose?: boolean }>();
  const positionals = program.args;
  const handle = await openConfiguredIndex(values.index ?? readConfig().indexDir, { writer: 'ingest' });
  if (values.delete) {
    try {
      let missing = 0;
      for (const target of positionals) {
        const removal = removeByIdOrPath(handle, target);
        if (!removal) missing++;
        log(removal ? `${target}: removed document ${removal.documentId} (${removal.passages} passages)` : `${target}: no such document or path`);
      }
      return missing > 0 ? 1 : 0;
    } finally {
      handle.close();
    }
  }
  const files = createProgress('files');
  const vectors = createProgress('vectors');
  const pages = createProgress('OCR pages');
  let summary: Awaited<ReturnType<typeof ingestPaths>>;
  try {
    summary = await ingestPaths(handle, positionals, {
      onProgress: (p) => (p.phase === 'files' ? files : p.phase === 'pages' ? pages : vectors).update(p.done, p.total, p.current),
      // --verbose: one line per committed file, for scripts that follow a long run.
      onFileDone: values.verbose ? (path, r) => log(`${r.outcome}: ${path}`) : undefined,
    });
  } catch (err) {
    files.stop();
    vectors.stop();
    pages.stop();
    // After a failure (a full disk) saving at close fails the same way: the first error is the one to report.
    try {
      handle.close();
    } catch {}
    throw err;
  }
  files.stop();
  pages.stop();
  vectors.stop();
  handle.close();
  log(formatSummary(summary, { allSkipped: values.verbose === true }));
  return summary.failed.length > 0 ? 1 : 0;
});
