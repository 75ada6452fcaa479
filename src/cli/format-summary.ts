/** The closing lines of an ingest run: counts, then the files skipped on purpose and the files that failed, with reasons. */
import type { IngestSummary } from '../ingest/ingest-files.js';

export type { SkippedFile } from '../ingest/list-files.js';

/** Skipped files listed unless asked for all of them: they are expected, so a long list would hide the failures. */
export const SKIPPED_SHOWN = 20;

/** Rows of `path  reason`, the path column as wide as the longest path up to 60 characters. */
function table(rows: { path: string; reason: string }[]): string[] {
  const width = Math.min(60, Math.max(...rows.map((r) => r.path.length)));
  return [`${'file'.padEnd(width)}  reason`, ...rows.map((r) => `${r.path.padEnd(width)}  ${r.reason}`)];
}

/**
 * The summary printed after `npm run ingest`. `skipped` is optional so the summary of a walker that reports none
 * prints as before; `allSkipped` lists every skipped file instead of the first SKIPPED_SHOWN.
 */
export function formatSummary(s: Omit<IngestSummary, 'skipped'> & { skipped?: IngestSummary['skipped'] }, { allSkipped = false } = {}): string {
  const skipped = s.skipped ?? [];
  const lines = [
    `added ${s.added}, updated ${s.updated}, unchanged ${s.unchanged}, same content as another file ${s.linked}, failed ${s.failed.length}` +
      `${skipped.length > 0 ? `, skipped ${skipped.length}` : ''}; ` +
      `${s.passages} passages written${s.backfilled ? `, ${s.backfilled} vectors added to older passages` : ''}; ${s.seconds.toFixed(1)} s`,
  ];
  if (skipped.length > 0) {
    const shown = allSkipped ? skipped : skipped.slice(0, SKIPPED_SHOWN);
    lines.push('', 'Skipped files:', ...table(shown));
    if (shown.length < skipped.length) lines.push(`… and ${skipped.length - shown.length} more (--verbose lists them all)`);
  }
  if (s.failed.length > 0) {
    lines.push('', 'Failed files:', ...table(s.failed.map((f) => ({ path: f.path, reason: `${f.code}: ${f.message}` }))));
  }
  return lines.join('\n');
}
