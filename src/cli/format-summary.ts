/** The closing lines of an ingest run: counts, the entries skipped, then a table of failed files with their reasons. */
import type { IngestSummary } from '../ingest/ingest-files.js';

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `added ${s.added}, updated ${s.updated}, unchanged ${s.unchanged}, same content as another file ${s.linked}, failed ${s.failed.length}, ` +
      `skipped ${s.skipped.length}; ` +
      `${s.passages} passages written${s.backfilled ? `, ${s.backfilled} vectors added to older passages` : ''}; ${s.seconds.toFixed(1)} s`,
  ];
  if (s.skipped.length > 0) lines.push('', `Skipped (hidden, README or LICENSE): ${s.skipped.join(', ')}`);
  if (s.failed.length > 0) {
    const width = Math.min(60, Math.max(...s.failed.map((f) => f.path.length)));
    lines.push('', 'Failed files:', `${'file'.padEnd(width)}  reason`);
    for (const f of s.failed) lines.push(`${f.path.padEnd(width)}  ${f.code}: ${f.message}`);
  }
  return lines.join('\n');
}
