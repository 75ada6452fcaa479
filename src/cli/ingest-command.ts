/** `npm run ingest -- <files or folders…> [--index DIR]`, or `npm run ingest -- --delete <id|path>… [--index DIR]` */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { ingestPaths } from '../ingest/ingest-files.js';
import { removeByIdOrPath } from '../ingest/remove-document.js';
import { formatSummary } from './format-summary.js';
import { log, openConfiguredIndex, runMain } from './open-configured-index.js';
import { createProgress } from './progress.js';

runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { index: { type: 'string' }, delete: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) {
    log('usage: npm run ingest -- <files or folders…> [--index DIR] [--verbose]\n       npm run ingest -- --delete <document id or path>… [--index DIR]');
    return 2;
  }
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
  let summary: Awaited<ReturnType<typeof ingestPaths>>;
  try {
    summary = await ingestPaths(handle, positionals, {
      onProgress: (p) => (p.phase === 'files' ? files : vectors).update(p.done, p.total, p.current),
      // --verbose: one line per committed file, for scripts that follow a long run.
      onFileDone: values.verbose ? (path, r) => log(`${r.outcome}: ${path}`) : undefined,
    });
  } catch (err) {
    files.stop();
    vectors.stop();
    // After a failure (a full disk) saving at close fails the same way: the first error is the one to report.
    try {
      handle.close();
    } catch {}
    throw err;
  }
  files.stop();
  vectors.stop();
  handle.close();
  log(formatSummary(summary, { allSkipped: values.verbose }));
  return summary.failed.length > 0 ? 1 : 0;
});
