/**
 * A full disk (issue 14, item 2): a file written short never replaces a good one, ENOSPC is reported as
 * `disk_full`, the CLI stops at the first one, and a server keeps serving searches while its upload jobs fail.
 * The disk is real: a small tmpfs mounted in a private mount namespace (`unshare -rm`).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { writeFileDurably } from '../../src/store/durable-file.js';
import { hnswFileProblem } from '../../src/store/hnsw-file.js';
import { openIndex } from '../../src/store/open-index.js';
import { INDEX_FILE } from '../../src/store/vector-index.js';
import { CORPUS_DIR, loadTinyEmbedder, SHARED_DIR, tempDir, tinyModelEnv } from '../support/fixtures.js';
import { fillDisk, onTmpfs, quote, runCli, shellCommand, startServing } from '../support/processes.js';

const ARTICLES = join(SHARED_DIR, 'corpus', 'party-web-articles');
/** The three largest articles (200–300 KB each): more than the few KiB left on the full disk. */
const LARGE = ['39913700eb328721.md', '9fa0d8fce7391761.md', 'a1c0af5f7303ad1e.md'];

let work: ReturnType<typeof tempDir>;
let base: string;
beforeAll(async () => {
  work = tempDir();
  base = join(work.dir, 'base');
  const r = await runCli('ingest-command.ts', [CORPUS_DIR, '--index', base], tinyModelEnv());
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => work.cleanup());

describe('a file written short', () => {
  it('is refused as disk_full and the old file stays', async () => {
    const dir = join(work.dir, 'short');
    mkdirSync(dir);
    const handle = openIndex(dir, { embedder: await loadTinyEmbedder() });
    handle.close();
    const good = readFileSync(join(base, INDEX_FILE));
    expect(hnswFileProblem(join(base, INDEX_FILE))).toBeNull();
    const target = join(dir, INDEX_FILE);
    writeFileSync(target, good);
    // What hnswlib leaves on a full disk: the start of the file, and no error.
    let thrown: unknown;
    try {
      writeFileDurably(target, (tmp) => writeFileSync(tmp, good.subarray(0, good.length - 1000)), hnswFileProblem);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).code).toBe('disk_full');
    expect((thrown as Error).message).toMatch(/vectors\.hnsw \(it was written short: .*bytes/);
    expect(readFileSync(target).equals(good)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A write that fails with ENOSPC is disk_full too, and a file of the wrong size as well.
    const enospc = () => writeFileDurably(target, () => { throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }); });
    expect(enospc).toThrow(/the disk is full: writing vectors\.hnsw failed/);
    expect(() => writeFileDurably(target, (tmp) => writeFileSync(tmp, 'abc'), 4)).toThrow(/written short: 3 of 4 bytes/);
    expect(statSync(target).size).toBe(good.length);
  });
});

describe('on a full tmpfs', () => {
  it('the ingest command stops at the first disk_full with one message, and the index stays whole', async () => {
    const mnt = join(work.dir, 'mnt-cli');
    const out = join(work.dir, 'out-cli');
    mkdirSync(mnt);
    mkdirSync(out);
    const index = join(mnt, 'index');
    const files = readdirSync(ARTICLES).sort().slice(0, 40).map((f) => join(ARTICLES, f));
    const script = [
      `cp -a ${quote(base)} ${quote(index)}`,
      fillDisk(mnt, 160),
      `${shellCommand('ingest-command.ts', [...files, '--index', index])} 2> ${quote(join(out, 'ingest.err'))}; echo $? > ${quote(join(out, 'ingest.code'))}`,
      `rm ${quote(join(mnt, 'fill'))}`,
      `${shellCommand('check-command.ts', ['--json', '--index', index])} > ${quote(join(out, 'check.json'))}`,
    ].join(' && ');
    const r = await onTmpfs(mnt, 8192, script, tinyModelEnv());
    expect(r.code, r.stderr).toBe(0);
    const stderr = readFileSync(join(out, 'ingest.err'), 'utf8');
    expect(readFileSync(join(out, 'ingest.code'), 'utf8').trim()).toBe('1');
    expect(stderr.match(/the disk is full/g), stderr).toHaveLength(1);
    expect(stderr).toMatch(/stopped at .*file \d+ of 40/);
    expect(stderr).not.toMatch(/read_failed|Failed files/);
    const report = JSON.parse(readFileSync(join(out, 'check.json'), 'utf8'));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.documents).toBeGreaterThanOrEqual(5);
  }, 180_000);

  it('a server fails upload jobs with disk_full, runs later jobs, and keeps answering searches', async () => {
    const mnt = join(work.dir, 'mnt-server');
    mkdirSync(mnt);
    const index = join(mnt, 'index');
    const script = `cp -a ${quote(base)} ${quote(index)} && ${fillDisk(mnt, 160)} && exec ${shellCommand('serve-command.ts', [])}`;
    const env = { ...tinyModelEnv(), INDEX_DIR: index, PORT: '0', HOST: '127.0.0.1', API_KEYS: 'secret-key', LEXICAL_THREADS: '1' };
    const server = await startServing('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=8192k tmpfs ${quote(mnt)} && ${script}`], env);
    const url = `http://127.0.0.1:${server.port}`;
    try {
      const upload = async (names: string[]) => {
        const form = new FormData();
        for (const name of names) form.append('file', new Blob([readFileSync(join(ARTICLES, name))]), name);
        const res = await fetch(`${url}/api/documents`, { method: 'POST', body: form, headers: { authorization: 'Bearer secret-key' } });
        expect(res.status).toBe(202);
        return ((await res.json()) as { job: { id: string } }).job.id;
      };
      const finished = async (id: string) => {
        for (;;) {
          const { job } = (await (await fetch(`${url}/api/jobs/${id}`)).json()) as { job: { status: string; files: { status: string; error: { code: string } | null }[] } };
          if (job.status === 'done' || job.status === 'failed') return job;
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const first = await upload(LARGE);
      const second = await upload([LARGE[0]!]);
      const job = await finished(first);
      expect(job.status).toBe('failed');
      expect(job.files.map((f) => f.error?.code)).toEqual(['disk_full', 'disk_full', 'disk_full']);
      const later = await finished(second);
      expect(later.files[0]!.error?.code).toBe('disk_full');
      const search = await fetch(`${url}/api/search?q=${encodeURIComponent('sinh hoạt chi bộ')}`);
      expect(search.status).toBe(200);
      expect(((await search.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
      expect(server.child.exitCode).toBeNull();
      expect(server.stderr()).not.toMatch(/ENOSPC|Unhandled|uncaught/i);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
