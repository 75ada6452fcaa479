/** `npm run ingest -- <files or folders…> [--index DIR]`, or `npm run ingest -- --delete <id|path>… [--index DIR]` */
import { readConfig } from '../config.js';
import { ingestPathsIntoEngine } from '../ingest/ingest-engine.js';
import { ingestPaths } from '../ingest/ingest-files.js';
import { sourceKey } from '../ingest/source-key.js';
import type { SolrConfig } from '../store/solr/solr-config.js';
import { removeByIdOrPath } from '../ingest/remove-document.js';
import { commandLine, INDEX_OPTION_HELP, MODEL_ENVIRONMENT } from './command-line.js';
import { formatSummary } from './format-summary.js';
import { openConfiguredSolr } from './open-configured-engine.js';
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
  environment: [...MODEL_ENVIRONMENT, ['ENGINE, SOLR_URL, SOLR_COLLECTION', 'ENGINE=solr writes to a SolrCloud collection instead of the index folder']],
})
  .argument('<paths...>', 'files and folders to ingest (with --delete: document ids or source paths)')
  .option('--index <dir>', INDEX_OPTION_HELP)
  .option('--delete', 'remove the documents named instead of ingesting')
  .option('--verbose', 'one line per file as it is committed, and every skipped file in the summary');

runMain(async () => {
  program.parse();
  const values = program.opts<{ index?: string; delete?: boolean; verbose?: boolean }>();
  const positionals = program.args;
  const config = readConfig();
  if (config.engine.engine === 'solr') return ingestIntoSolr(config.engine, positionals, values);
  const handle = await openConfiguredIndex(values.index ?? config.indexDir, { writer: 'ingest' });
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

/** ENGINE=solr: the same ingest and --delete through the engine's write verbs (src/ingest/ingest-engine.ts). */
async function ingestIntoSolr(solr: SolrConfig, positionals: string[], values: { delete?: boolean; verbose?: boolean }): Promise<number> {
  const { engine, embedder } = await openConfiguredSolr(solr, { vocabulary: false });
  try {
    if (values.delete) {
      let missing = 0;
      for (const target of positionals) {
        const bySource = (await engine.removeSource(sourceKey(target))) ?? (await engine.removeSource(target));
        const keys = bySource ? bySource.keys : await engine.removeDocument(target);
        const found = bySource !== null || keys.length > 0;
        if (!found) missing++;
        log(found ? `${target}: removed ${bySource ? `source of document ${bySource.documentId}` : 'document'} (${keys.length} passages)` : `${target}: no such document or path`);
      }
      return missing > 0 ? 1 : 0;
    }
    const files = createProgress('files');
    const summary = await ingestPathsIntoEngine(engine, embedder, positionals, {
      onProgress: (p) => files.update(p.done, p.total, p.current),
      onFileDone: values.verbose ? (path, r) => log(`${r.outcome}: ${path}`) : undefined,
    }).finally(() => files.stop());
    log(formatSummary(summary, { allSkipped: values.verbose === true }));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await engine.close();
  }
}
