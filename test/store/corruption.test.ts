/**
 * Corruption at rest (issue 14, item 3): bytes damaged in a derived index file (same size) are detected against the
 * checksums of its manifest before the file is used, and the file is rebuilt from the store; a damaged store.sqlite
 * is reported as such at open.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { checkIndex } from '../../src/store/check-index.js';
import { openIndex } from '../../src/store/open-index.js';
import { INDEX_FILE } from '../../src/store/vector-index.js';
import { CORPUS_DIR, loadTinyEmbedder, tempDir, tinyModelEnv } from '../support/fixtures.js';
import { runCli } from '../support/processes.js';

let work: ReturnType<typeof tempDir>;
let base: string;
beforeAll(async () => {
  work = tempDir();
  base = join(work.dir, 'base');
  const r = await runCli('ingest-command.ts', [CORPUS_DIR, '--index', base], tinyModelEnv());
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => work.cleanup());

/** A copy of the base index with `count` bytes at `at` (a fraction of the file's size) inverted. */
function damaged(name: string, file: (dir: string) => string, at: number, count: number): string {
  const dir = join(work.dir, name);
  cpSync(base, dir, { recursive: true });
  const path = file(dir);
  const bytes = readFileSync(path);
  const start = Math.floor(bytes.length * at);
  for (let i = start; i < start + count; i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(path, bytes);
  expect(statSync(path).size).toBe(bytes.length);
  return dir;
}

const segmentOf = (dir: string): string => join(dir, readdirSync(dir).find((f) => /^lexical-\d+\.seg$/.test(f))!);

describe('a damaged vector index', () => {
  it('is detected by check and at open, rebuilt from the stored vectors, and dense queries work (no SIGSEGV)', async () => {
    // 64 bytes of the first element's level-0 links, just after the 96-byte header: what crashed hnswlib.
    const dir = damaged('hnsw', (d) => join(d, INDEX_FILE), 0, 0);
    const path = join(dir, INDEX_FILE);
    const bytes = readFileSync(path);
    for (let i = 100; i < 164; i++) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(path, bytes);
    const before = checkIndex(dir);
    expect(before.ok).toBe(false);
    expect(before.problems.join('\n')).toMatch(/vector index file is damaged \(block 0 .*does not match its checksum\)/);
    const search = await runCli('search-command.ts', ['sinh hoạt chi bộ', '--mode', 'dense', '--json', '--index', dir], tinyModelEnv());
    expect(search.signal).toBeNull();
    expect(search.code, search.stderr).toBe(0);
    expect(search.stderr).toMatch(/vector index damaged on disk .*rebuilding it from \d+ stored vectors/);
    expect(JSON.parse(search.stdout).results.length).toBeGreaterThan(0);
    openIndex(dir, { embedder: await loadTinyEmbedder() }).close();
    expect(checkIndex(dir)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('a damaged lexical segment', () => {
  it('is reported by check and repaired at the next open', () => {
    const dir = damaged('segment', segmentOf, 0.5, 64);
    const report = checkIndex(dir);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/lexical index: segment lexical-\d+\.seg is damaged on disk .*the next open rebuilds it/);
    const lines: string[] = [];
    const handle = openIndex(dir, { embedder: null, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/lexical index segment lexical-\d+\.seg is damaged on disk .*: rebuilding it from the store/);
    expect(handle.lexical.size).toBe(handle.store.counts().passages);
    handle.close();
    expect(checkIndex(dir)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('a damaged store.sqlite', () => {
  it('is reported as store_damaged at open, with what to do', () => {
    const dir = join(work.dir, 'store');
    cpSync(base, dir, { recursive: true });
    const path = join(dir, 'store.sqlite');
    const bytes = readFileSync(path);
    const page = bytes.readUInt16BE(16);
    // A whole page in the middle of the file overwritten: what a failing disk or a stray write leaves.
    const at = Math.floor(bytes.length / page / 2) * page;
    bytes.fill(0x5a, at, at + page);
    writeFileSync(path, bytes);
    let thrown: unknown;
    try {
      openIndex(dir, { embedder: null }).close();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).code).toBe('store_damaged');
    expect((thrown as Error).message).toMatch(/store\.sqlite is damaged \(SQLite: .*restore it from a backup/);
  });
});
