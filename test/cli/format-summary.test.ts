import { describe, expect, it } from 'vitest';
import { formatSummary, SKIPPED_SHOWN, type SkippedFile } from '../../src/cli/format-summary.js';
import type { IngestSummary } from '../../src/ingest/ingest-files.js';

const summary: Omit<IngestSummary, 'skipped'> = { added: 3, updated: 0, unchanged: 1, linked: 0, failed: [], passages: 42, backfilled: 0, seconds: 1.25 };

describe('ingest summary', () => {
  it('prints as before when the walk skipped nothing', () => {
    const text = formatSummary(summary);
    expect(text).toBe('added 3, updated 0, unchanged 1, same content as another file 0, failed 0; 42 passages written; 1.3 s');
    expect(formatSummary({ ...summary, skipped: [] })).toBe(text);
  });

  it('counts and lists skipped files with their reasons, before the failures', () => {
    const skipped: SkippedFile[] = [
      { path: 'van-ban/README.md', reason: 'a folder README, not a document' },
      { path: 'van-ban/.DS_Store', reason: 'hidden file' },
    ];
    const failed = [{ path: 'van-ban/hong.pdf', code: 'unreadable_pdf', message: 'the PDF cannot be read' }];
    const lines = formatSummary({ ...summary, failed, skipped }).split('\n');
    expect(lines[0]).toMatch(/failed 1, skipped 2; 42 passages written/);
    const at = lines.indexOf('Skipped files:');
    expect(lines[at + 1]).toMatch(/^file\s+reason$/);
    expect(lines[at + 2]).toMatch(/^van-ban\/README\.md\s+a folder README, not a document$/);
    expect(lines[at + 3]).toMatch(/^van-ban\/\.DS_Store\s+hidden file$/);
    expect(lines.indexOf('Failed files:')).toBeGreaterThan(at + 3);
    expect(lines.at(-1)).toMatch(/^van-ban\/hong\.pdf\s+unreadable_pdf: the PDF cannot be read$/);
  });

  it('shows the first skipped files of a long list unless asked for all', () => {
    const skipped = Array.from({ length: SKIPPED_SHOWN + 5 }, (_, i) => ({ path: `d/${i}/README.md`, reason: 'README' }));
    const short = formatSummary({ ...summary, skipped });
    expect(short.match(/README\.md/g)).toHaveLength(SKIPPED_SHOWN);
    expect(short).toMatch(/… and 5 more \(--verbose lists them all\)$/);
    expect(formatSummary({ ...summary, skipped }, { allSkipped: true }).match(/README\.md/g)).toHaveLength(SKIPPED_SHOWN + 5);
  });
});
