/**
 * One writer per index folder (issue 14, item 1), with real processes: a server and an ingest command, or two
 * ingests, never write the same folder at once; the one refused says who writes and what to do; a writer killed
 * with SIGKILL leaves no lock behind; readers run beside a writer and find every document it reported done.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, readCorpusFile, SEED, tempDir } from '../support/fixtures.js';
import { nodeCommand, runCli, startServing } from '../support/processes.js';

let work: ReturnType<typeof tempDir>;
let base: string;
let lexicalOnly: Record<string, string>;
beforeAll(async () => {
  work = tempDir();
  base = join(work.dir, 'base');
  lexicalOnly = { MODEL_DIR: join(work.dir, 'no-models') };
  const r = await runCli('ingest-command.ts', [CORPUS_DIR, '--index', base], lexicalOnly);
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => work.cleanup());

const copyOfBase = (name: string): string => {
  const dir = join(work.dir, name);
  cpSync(base, dir, { recursive: true });
  return dir;
};

describe('a running server', () => {
  it('is the one writer: ingest, rebuild and a second server are refused, and its SIGKILL frees the folder', async () => {
    const index = copyOfBase('served');
    const env = { ...lexicalOnly, INDEX_DIR: index, PORT: '0', HOST: '127.0.0.1', API_KEYS: 'secret-key', LEXICAL_THREADS: '0' };
    const server = await startServing(...nodeCommand('serve-command.ts', []), env);
    try {
      const ingest = await runCli('ingest-command.ts', [CITED(), '--index', index], lexicalOnly);
      expect(ingest.code).toBe(1);
      expect(ingest.stderr).toMatch(
        new RegExp(`being written by the server \\(pid ${server.child.pid}, since [^)]+\\) at http://localhost:${server.port}: one writer at a time\\. Upload through its API instead \\(curl .*-F file=@FILE http://localhost:${server.port}/api/documents`),
      );
      const rebuild = await runCli('rebuild-command.ts', ['--index', index], lexicalOnly);
      expect(rebuild.code).toBe(1);
      expect(rebuild.stderr).toMatch(/being written by the server/);
      const second = await runCli('serve-command.ts', [], { ...env });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/being written by the server \(pid \d+/);
      // Reading beside it is fine.
      const search = await runCli('search-command.ts', ['sinh hoạt chi bộ', '--json', '--index', index], lexicalOnly);
      expect(search.code).toBe(0);
      expect(JSON.parse(search.stdout).results[0].document.source).toContain(SEED.tccsd);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    // The kernel released the lock with the process: nothing stale to clear by hand.
    const after = await runCli('ingest-command.ts', [CITED(), '--index', index], lexicalOnly);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toMatch(/added 1/);
  }, 120_000);
});

const CITED = () => join('test', 'fixtures', 'chi-thi-05-CT-TW.txt');

describe('a running ingest', () => {
  it('refuses a second writer, and a reader finds each document as soon as the ingest reports it done', async () => {
    const index = copyOfBase('ingesting');
    const folder = join(work.dir, 'many');
    mkdirSync(folder);
    const text = readCorpusFile(`${SEED.phoiHop}.txt`);
    // 300 documents, each with a paragraph holding a made-up word of its own to search for.
    const middle = text.indexOf('\n\n', text.length / 2);
    for (let i = 0; i < 300; i++) {
      const body = `${text.slice(0, middle)}\n\nĐoạn kiểm tra mang mã zqxk${i} để tìm lại văn bản này.${text.slice(middle)}`;
      writeFileSync(join(folder, `doc-${String(i).padStart(3, '0')}.txt`), body);
    }
    const [cmd, argv] = nodeCommand('ingest-command.ts', [folder, '--index', index, '--verbose']);
    const writer = spawn(cmd, argv, { env: { ...process.env, ...lexicalOnly }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((done) => writer.on('exit', (code) => done(code)));
    const added = (n: number) =>
      new Promise<void>((ready) => {
        const look = () => (new RegExp(`added: .*doc-${String(n).padStart(3, '0')}\\.txt`).test(stderr) ? ready() : undefined);
        writer.stderr.on('data', (d: Buffer) => {
          stderr += d;
          look();
        });
        look();
      });
    await added(20);
    const second = await runCli('ingest-command.ts', [CITED(), '--index', index], lexicalOnly);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`being written by \`ingest \\(pid ${writer.pid}, since [^)]+\\)\`: one writer at a time\\. Wait for it to finish`));
    const server = await runCli('serve-command.ts', [], { ...lexicalOnly, INDEX_DIR: index, PORT: '0', HOST: '127.0.0.1' });
    expect(server.code).toBe(1);
    expect(server.stderr).toMatch(/being written by `ingest/);
    // Reported done → found by a process opened afterwards, while the ingest goes on.
    const reported = [...stderr.matchAll(/added: .*doc-(\d+)\.txt/g)].map((m) => Number(m[1]));
    const last = Math.max(...reported);
    const search = await runCli('search-command.ts', [`zqxk${last}`, '--json', '--mode', 'lexical', '--index', index], lexicalOnly);
    expect(search.code, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout).results[0].document.source).toContain(`doc-${String(last).padStart(3, '0')}.txt`);
    expect(writer.exitCode).toBeNull();
    expect(await exited).toBe(0);
    const check = await runCli('check-command.ts', ['--json', '--index', index], {});
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, documents: 305 });
  }, 180_000);
});
