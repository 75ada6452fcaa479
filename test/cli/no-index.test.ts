/**
 * Reading commands never create an index folder (issue 14, item 9), with real processes: `search`, `eval --queries`
 * and `check` on a mistyped folder say `no index at <dir>` (`no_index`) and exit 1, leaving no folder or file behind;
 * so does `rebuild`, which has nothing to rebuild from. Writing commands create the folder they are given.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../src/core/errors.js';
import { CORPUS_DIR, SEED, tempDir } from '../support/fixtures.js';
import { runCli } from '../support/processes.js';

let work: ReturnType<typeof tempDir>;
let lexicalOnly: Record<string, string>;
beforeAll(() => {
  work = tempDir();
  lexicalOnly = { MODEL_DIR: join(work.dir, 'no-models') };
});
afterAll(() => work.cleanup());

const noIndex = (dir: string) => new RegExp(`^error: no index at ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`, 'm');

describe('a reading command on a folder without an index', () => {
  it('is in the closed error table', () => {
    expect(ERROR_STATUS.no_index).toBe(404);
  });

  it('search says so and exits 1, without creating the folder', async () => {
    const typo = join(work.dir, 'indexes', 'defualt');
    const r = await runCli('search-command.ts', ['sinh hoạt chi bộ', '--index', typo], lexicalOnly);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(noIndex(typo));
    expect(r.stderr).toMatch(/no such folder/);
    expect(r.stdout).toBe('');
    expect(existsSync(join(work.dir, 'indexes'))).toBe(false);
  });

  it('the folder named by INDEX_DIR, and an existing folder that holds no index, stay untouched', async () => {
    const empty = join(work.dir, 'empty');
    mkdirSync(empty);
    const r = await runCli('search-command.ts', ['chi bộ'], { ...lexicalOnly, INDEX_DIR: empty });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(noIndex(empty));
    expect(r.stderr).toMatch(/the folder has no store\.sqlite/);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('eval --queries says so before loading a model', async () => {
    const typo = join(work.dir, 'eval-typo');
    const r = await runCli('eval-command.ts', ['--queries', 'test/eval/dev-queries.jsonl', '--index', typo], lexicalOnly);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(noIndex(typo));
    expect(r.stderr).not.toMatch(/lexical-only mode/);
    expect(existsSync(typo)).toBe(false);
  });

  it('check says so, as text and as JSON with the code', async () => {
    const typo = join(work.dir, 'check-typo');
    const text = await runCli('check-command.ts', ['--index', typo]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(noIndex(typo));
    const json = await runCli('check-command.ts', ['--index', typo, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ ok: false, error: { code: 'no_index' } });
    expect(report.error.message).toMatch(/^no index at /);
    expect(existsSync(typo)).toBe(false);
  });

  it('rebuild says so too: there is no store to rebuild from', async () => {
    const typo = join(work.dir, 'rebuild-typo');
    const r = await runCli('rebuild-command.ts', ['--index', typo]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(noIndex(typo));
    expect(existsSync(typo)).toBe(false);
  });
});

describe('a writing command', () => {
  it('creates the folder it is given, which the readers then read', async () => {
    const fresh = join(work.dir, 'new', 'index');
    const ingest = await runCli('ingest-command.ts', [join(CORPUS_DIR, `${SEED.tccsd}.txt`), '--index', fresh], lexicalOnly);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(existsSync(join(fresh, 'store.sqlite'))).toBe(true);
    const search = await runCli('search-command.ts', ['sinh hoạt chi bộ', '--json', '--index', fresh], lexicalOnly);
    expect(search.code, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout).results[0].document.source).toContain(SEED.tccsd);
  });
});
