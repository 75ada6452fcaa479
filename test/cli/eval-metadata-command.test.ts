import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, SEED, tempDir } from '../support/fixtures.js';

let work: ReturnType<typeof tempDir>;
let setFile: string;

beforeAll(() => {
  work = tempDir();
  setFile = join(work.dir, 'set.jsonl');
  // Two bundled articles; the second label's date is wrong on purpose, and one file does not exist.
  const lines = [
    { file: `${SEED.goCongTay}.txt`, formal: false, date: '2022-02-02', references: [] },
    { file: `${SEED.banDanToc}.txt`, formal: false, date: '1999-01-01', references: ['05-CT/TW'] },
    { file: 'khong-co.txt', formal: true, references: [] },
  ];
  writeFileSync(setFile, lines.map((l) => JSON.stringify(l)).join('\n'));
});
afterAll(() => work.cleanup());

const evalCommand = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join('src', 'cli', 'eval-command.ts'), ...args], { encoding: 'utf8' });

describe('npm run eval -- --metadata', () => {
  it('prints per-field accuracy as JSON, counting a missing file as unreadable', () => {
    const r = evalCommand(['--metadata', setFile, '--corpus', CORPUS_DIR, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.all.documents).toBe(3);
    expect(report.articles.fields.date).toEqual({ correct: 1, total: 2 });
    expect(report.formal.fields.date).toEqual({ correct: 0, total: 1 });
    expect(report.unreadable.map((u: { file: string }) => u.file)).toEqual(['khong-co.txt']);
    expect(report.misses).toBeUndefined();
  });

  it('lists each miss with --verbose', () => {
    const r = evalCommand(['--metadata', setFile, '--corpus', CORPUS_DIR, '--verbose']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^date\s+/m);
    expect(r.stdout).toContain(`${SEED.banDanToc}.txt | date | "1999-01-01" | "2020-05-06"`);
    expect(r.stdout).toMatch(/unreadable \(1/);
  });
});
