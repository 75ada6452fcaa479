/**
 * `npm run check` (issue 14, item 10), with real processes: it runs on a read-only folder (a read-only mount, which
 * root cannot write either), prints a JSON report for `--json` whatever it finds (a damaged store.sqlite or
 * vectors.hnsw included), and tells index files behind the store (an ingest in progress, a writer killed before its
 * save: repaired at the next open, exit 0) apart from inconsistencies lag cannot explain (exit 1).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLexicalSnapshot, saveLexicalIndex } from '../../src/store/lexical-snapshot.js';
import { CITED_DIRECTIVE, CORPUS_DIR, readCorpusFile, SEED, tempDir, tinyModelEnv } from '../support/fixtures.js';
import { nodeCommand, onTmpfs, quote, type Run, runCli, shellCommand } from '../support/processes.js';
import type { CheckReport } from '../../src/store/check-index.js';

let work: ReturnType<typeof tempDir>;
/** The bundled corpus with the test model's vectors. */
let base: string;
/** The bundled corpus, lexical only. */
let lexicalBase: string;
let lexicalOnly: Record<string, string>;

beforeAll(async () => {
  work = tempDir();
  base = join(work.dir, 'base');
  lexicalBase = join(work.dir, 'lexical-base');
  lexicalOnly = { MODEL_DIR: join(work.dir, 'no-models') };
  const withModel = await runCli('ingest-command.ts', [CORPUS_DIR, '--index', base], tinyModelEnv());
  expect(withModel.code, withModel.stderr).toBe(0);
  const lexical = await runCli('ingest-command.ts', [CORPUS_DIR, '--index', lexicalBase], lexicalOnly);
  expect(lexical.code, lexical.stderr).toBe(0);
}, 120_000);
afterAll(() => work.cleanup());

const copyOf = (from: string, name: string): string => {
  const dir = join(work.dir, name);
  cpSync(from, dir, { recursive: true });
  return dir;
};

/** The JSON `check --json` prints: the store's own report shape. */
type Report = CheckReport;

/** stdout as the JSON report; a failure names what was printed instead. */
function reportOf(r: Pick<Run, 'stdout' | 'stderr'>): Report {
  try {
    return JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`not a JSON report:\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
}

const check = async (dir: string) => {
  const r = await runCli('check-command.ts', ['--json', '--index', dir]);
  return { code: r.code, stderr: r.stderr, report: reportOf(r) };
};

describe('check on a read-only folder', () => {
  it('reports the index, and search reads it too, without writing a byte', async () => {
    const mnt = join(work.dir, 'ro');
    const out = join(work.dir, 'ro-out');
    mkdirSync(mnt);
    mkdirSync(out);
    const index = join(mnt, 'index');
    const o = (name: string) => quote(join(out, name));
    const script = [
      `cp -a ${quote(base)} ${quote(index)}`,
      `mount -o remount,ro ${quote(mnt)}`,
      `{ touch ${quote(join(index, 'probe'))} 2>/dev/null && echo writable || echo read-only; } > ${o('probe')}`,
      `ls -la --time-style=full-iso ${quote(index)} > ${o('before')}`,
      `{ ${shellCommand('check-command.ts', ['--json', '--index', index])} > ${o('check.json')} 2> ${o('check.err')}; echo $? > ${o('check.code')}; }`,
      `{ ${shellCommand('check-command.ts', ['--index', index])} > ${o('check.txt')} 2>&1; true; }`,
      `{ ${shellCommand('search-command.ts', ['sinh hoạt chi bộ', '--json', '--index', index])} > ${o('search.json')} 2> ${o('search.err')}; true; }`,
      `ls -la --time-style=full-iso ${quote(index)} > ${o('after')}`,
    ].join(' && ');
    const r = await onTmpfs(mnt, 64 * 1024, script, tinyModelEnv());
    expect(r.code, r.stderr).toBe(0);
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    expect(read('probe').trim()).toBe('read-only');
    expect(read('check.code').trim(), `${read('check.json')}${read('check.err')}`).toBe('0');
    const report = reportOf({ stdout: read('check.json'), stderr: read('check.err') });
    expect(report).toMatchObject({ ok: true, documents: 5, problems: [], behind: [], writer: null });
    expect(report.vectors).toBe(report.passages);
    expect(read('check.txt')).toMatch(/: 5 documents, \d+ passages, \d+ vectors\nok\n$/);
    const search = JSON.parse(read('search.json'));
    expect(search.results[0].document.source).toContain(SEED.tccsd);
    expect(read('after')).toBe(read('before'));
  }, 60_000);
});

describe('check --json prints a report whatever it finds', () => {
  it('a store.sqlite that is not a database', async () => {
    const dir = copyOf(base, 'garbage-store');
    writeFileSync(join(dir, 'store.sqlite'), Buffer.alloc(64 * 1024, 0x5a));
    const { code, report } = await check(dir);
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, error: { code: 'store_damaged' } });
    expect(report.problems.join('\n')).toMatch(/store\.sqlite is damaged \(SQLite: .*\).*restore it from a backup/);
  });

  it('a store.sqlite with damaged pages', async () => {
    const dir = copyOf(base, 'torn-store');
    const file = join(dir, 'store.sqlite');
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Pages 2–9: the roots and first leaves of the tables (page 1, the schema, stays whole).
    bytes.fill(0xa5, pageSize, pageSize * 9);
    writeFileSync(file, bytes);
    const { code, report } = await check(dir);
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, error: { code: 'store_damaged' } });
    const text = await runCli('check-command.ts', ['--index', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^problem: .*store\.sqlite is damaged/m);
  });

  it('a torn vectors.hnsw and an unreadable vector manifest', async () => {
    const torn = copyOf(base, 'torn-hnsw');
    truncateSync(join(torn, 'vectors.hnsw'), 1000);
    const a = await check(torn);
    expect(a.code).toBe(1);
    expect(a.report.ok).toBe(false);
    expect(a.report.problems.join('\n')).toMatch(/the vector index file is damaged \(1000 bytes, .*\); the next open rebuilds it/);
    const manifest = copyOf(base, 'bad-manifest');
    writeFileSync(join(manifest, 'vectors.manifest.json'), '{"model": ');
    const b = await check(manifest);
    expect(b.code).toBe(1);
    expect(b.report.problems.join('\n')).toMatch(/vectors\.manifest\.json is unreadable/);
  });
});

/** 300 documents, each the same article with a paragraph of its own (so each is a new document). */
function manyDocuments(name: string): string {
  const folder = join(work.dir, name);
  mkdirSync(folder);
  const text = readCorpusFile(`${SEED.phoiHop}.txt`);
  const middle = text.indexOf('\n\n', text.length / 2);
  for (let i = 0; i < 300; i++) {
    const body = `${text.slice(0, middle)}\n\nĐoạn kiểm tra mang mã zqxk${i} để tìm lại văn bản này.${text.slice(middle)}`;
    writeFileSync(join(folder, `doc-${String(i).padStart(3, '0')}.txt`), body);
  }
  return folder;
}

describe('index files behind the store are not a problem', () => {
  it('during an ingest, after it is killed before its save, and repaired by the next open', async () => {
    const index = copyOf(lexicalBase, 'lagging');
    const [cmd, argv] = nodeCommand('ingest-command.ts', [manyDocuments('many'), '--index', index, '--verbose']);
    const writer = spawn(cmd, argv, { env: { ...process.env, ...lexicalOnly }, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((done) => writer.on('exit', (_code, signal) => done(signal)));
    let stderr = '';
    await new Promise<void>((ready) =>
      writer.stderr.on('data', (d: Buffer) => {
        stderr += d;
        if (/added: .*doc-010\.txt/.test(stderr)) ready();
      }),
    );
    // The ingest saves its index files every 50 files: the store is ahead of them now.
    const running = await check(index);
    expect(running.code, JSON.stringify(running.report)).toBe(0);
    expect(running.report).toMatchObject({ ok: true, problems: [], writer: { pid: writer.pid, command: 'ingest' } });
    expect(running.report.behind.join('\n')).toMatch(/the lexical index lacks \d+ passages stored since it was saved; the running ingest \(pid \d+\) or the next open indexes them/);
    writer.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const killed = await check(index);
    expect(killed.code).toBe(0);
    expect(killed.report).toMatchObject({ ok: true, problems: [], writer: null });
    expect(killed.report.behind.join('\n')).toMatch(/the lexical index lacks \d+ passages stored since it was saved; the next open indexes them/);
    expect((await runCli('check-command.ts', ['--index', index])).stdout).toMatch(/^behind: the lexical index lacks .*\nok \(index files behind the store, as above\)\n$/m);
    // The next writer's open repairs the files from the store.
    const next = await runCli('ingest-command.ts', [CITED_DIRECTIVE, '--index', index], lexicalOnly);
    expect(next.code, next.stderr).toBe(0);
    expect((await check(index)).report).toMatchObject({ ok: true, problems: [], behind: [] });
  }, 120_000);

  it('documents added and removed since the index files were saved, vectors included', async () => {
    const index = copyOf(base, 'stale-files');
    const saved = join(work.dir, 'stale-files-saved');
    mkdirSync(saved);
    // Keep the files as saved now, change the store, then put the old files back: a writer that died before its save.
    cpSync(index, saved, { recursive: true });
    const added = await runCli('ingest-command.ts', [CITED_DIRECTIVE, '--index', index], tinyModelEnv());
    expect(added.code, added.stderr).toBe(0);
    const removed = await runCli('ingest-command.ts', ['--delete', join(CORPUS_DIR, `${SEED.banDanToc}.txt`), '--index', index], tinyModelEnv());
    expect(removed.code, removed.stderr).toBe(0);
    for (const file of ['vectors.hnsw', 'vectors.manifest.json', 'lexical.json', ...listSegments(saved)]) copyFileSync(join(saved, file), join(index, file));
    const { code, report } = await check(index);
    expect(code, JSON.stringify(report)).toBe(0);
    expect(report).toMatchObject({ ok: true, problems: [], writer: null });
    const behind = report.behind.join('\n');
    expect(behind).toMatch(/the lexical index lacks \d+ passages stored since it was saved/);
    expect(behind).toMatch(/the lexical index still holds \d+ passages removed since it was saved/);
    expect(behind).toMatch(/the vector index lacks \d+ vectors stored since it was saved/);
    expect(behind).toMatch(/the vector index still holds \d+ vectors removed since it was saved/);
  }, 60_000);
});

/** The lexical segment files the manifest of `dir` names. */
function listSegments(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'lexical.json'), 'utf8')) as { segments: { file: string }[] };
  return manifest.segments.map((s) => s.file);
}

describe('what lag cannot explain is a problem', () => {
  it('the lexical index lacks a passage older than its save', async () => {
    const index = copyOf(lexicalBase, 'lost-passage');
    const lexical = readLexicalSnapshot(index).index!;
    const keys = [...lexical.keys()].sort((a, b) => a - b);
    lexical.remove(keys[3]!);
    saveLexicalIndex(index, lexical);
    const { code, report } = await check(index);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['the lexical index lacks 1 passages and has 0 removed ones; run `npm run rebuild`']);
    expect(report.behind).toEqual([]);
  });

  it('index files holding passages and vectors the store never had', async () => {
    const bigger = copyOf(base, 'bigger');
    const more = await runCli('ingest-command.ts', [CITED_DIRECTIVE, '--index', bigger], tinyModelEnv());
    expect(more.code, more.stderr).toBe(0);
    const index = copyOf(base, 'foreign-files');
    for (const file of ['vectors.hnsw', 'vectors.manifest.json', 'lexical.json', ...listSegments(bigger)]) copyFileSync(join(bigger, file), join(index, file));
    const { code, report } = await check(index);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    const problems = report.problems.join('\n');
    expect(problems).toMatch(/the lexical index lacks 0 passages and has \d+ removed ones/);
    expect(problems).toMatch(/the vector index holds \d+ vectors, the store \d+: 0 stored vectors older than the file are not in it, and it holds \d+ the store never had/);
  });
});
