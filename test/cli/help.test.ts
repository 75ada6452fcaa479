/**
 * Every command explains itself (issue 14, item 8), run as real processes: `--help` prints the usage, the options
 * with their defaults and examples on stdout, exits 0 and does nothing else (no index folder created, no download);
 * an unknown option prints the error and the usage on stderr and exits 2.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixtures.js';
import { run, runCli } from '../support/processes.js';

const COMMANDS: { script: string; usage: string; options: string[] }[] = [
  { script: 'serve-command.ts', usage: 'npm start --', options: [] },
  { script: 'ingest-command.ts', usage: 'npm run ingest -- [options] <paths...>', options: ['--index <dir>', '--delete', '--verbose'] },
  { script: 'search-command.ts', usage: 'npm run search -- [options] <query...>', options: ['--k <n>', '--mode <mode>', '--json', '--index <dir>', '--from <YYYY-MM-DD>', '--status <status>', '--term <term>'] },
  { script: 'relations-command.ts', usage: 'npm run relations -- [options] <document>', options: ['--json', '--index <dir>'] },
  { script: 'suggest-command.ts', usage: 'npm run suggest -- [options] <text...>', options: ['--k <n>', '--json', '--index <dir>'] },
  { script: 'similar-command.ts', usage: 'npm run similar -- [options] <id>', options: ['--k <n>', '--json', '--index <dir>'] },
  { script: 'eval-command.ts', usage: 'npm run eval --', options: ['--queries <file>', '--vire <file>', '--alqac <dir>', '--metadata <file>', '--mode <mode>', '--corpus <dir>'] },
  { script: 'check-command.ts', usage: 'npm run check --', options: ['--index <dir>', '--json'] },
  { script: 'rebuild-command.ts', usage: 'npm run rebuild --', options: ['--index <dir>'] },
  { script: 'reindex-command.ts', usage: 'npm run reindex --', options: ['--index <dir>'] },
  { script: 'model-fetch-command.ts', usage: 'npm run model:fetch --', options: [] },
];

let work: ReturnType<typeof tempDir>;
/** A stand-in model hub that records every request: `model:fetch --help` must send none. */
let hub: Server;
let hubUrl: string;
const requests: string[] = [];
beforeAll(async () => {
  work = tempDir();
  hub = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
  hubUrl = `http://127.0.0.1:${(hub.address() as { port: number }).port}`;
});
afterAll(() => {
  hub.close();
  work.cleanup();
});

/** Settings under which any real work would leave a trace: an index folder, a model folder, a request to the hub. */
const traceEnv = () => ({ INDEX_DIR: join(work.dir, 'index'), MODEL_DIR: join(work.dir, 'models'), HF_ENDPOINT: hubUrl, PORT: '0', HOST: '127.0.0.1' });

describe('--help', () => {
  it.each(COMMANDS)('$script prints its usage, options with defaults and examples, and does nothing else', async ({ script, usage, options }) => {
    const r = await runCli(script, ['--help'], traceEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith(`Usage: ${usage}`), r.stdout).toBe(true);
    expect(r.stdout).toMatch(/^Options:\n {2}/m);
    expect(r.stdout).toMatch(/^ {2}-h, --help +show this help and exit$/m);
    for (const option of options) expect(r.stdout).toMatch(new RegExp(`^ {2}${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
    if (options.includes('--index <dir>')) expect(r.stdout).toMatch(/--index <dir> +(with --queries: )?index folder \(default: \$INDEX_DIR, else indexes\/default\)/);
    expect(r.stdout).toMatch(/^Examples:\n {2}(npm|[A-Z_]+=)\S* .+# /m);
    expect(r.stderr).toBe('');
    expect(existsSync(join(work.dir, 'index'))).toBe(false);
    expect(existsSync(join(work.dir, 'models'))).toBe(false);
  });

  it('through npm, as the README shows: `npm run -s ingest -- --help`, and model:fetch starts no download', async () => {
    const ingest = await run('npm', ['run', '-s', 'ingest', '--', '--help'], traceEnv());
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(/^Usage: npm run ingest -- \[options\] <paths\.\.\.>\n/);
    const fetch = await run('npm', ['run', '-s', 'model:fetch', '--', '--help'], traceEnv());
    expect(fetch.code, fetch.stderr).toBe(0);
    expect(fetch.stdout).toMatch(/^Usage: npm run model:fetch -- \[options\]/);
    expect(fetch.stdout).toMatch(/HF_ENDPOINT +where the files are downloaded from \(default: https:\/\/huggingface\.co\)/);
    expect(fetch.stderr).not.toMatch(/download|onnx|tokenizer/i);
    expect(requests).toEqual([]);
    expect(existsSync(join(work.dir, 'models'))).toBe(false);
  });

  it('the stand-in hub does record the requests of a real fetch (the check above can fail)', async () => {
    const r = await runCli('model-fetch-command.ts', [], { ...traceEnv(), MODEL_DIR: join(work.dir, 'fetched') });
    expect(r.code).toBe(1);
    expect(requests.length).toBeGreaterThan(0);
  });
});

describe('usage errors exit 2 with the usage on stderr', () => {
  it.each(COMMANDS)('$script refuses an unknown option', async ({ script, usage }) => {
    const r = await runCli(script, ['--no-such-option'], traceEnv());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown option '--no-such-option'\n/);
    expect(r.stderr).toContain(`Usage: ${usage}`);
    expect(r.stdout).toBe('');
    expect(existsSync(join(work.dir, 'index'))).toBe(false);
  });

  it('an option without its value, a value outside its choices, an argument too many', async () => {
    const noValue = await runCli('search-command.ts', ['x', '--k'], traceEnv());
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toMatch(/^error: option '--k <n>' argument missing/);
    const badMode = await runCli('eval-command.ts', ['--vire', 'x.csv', '--mode', 'semantic'], traceEnv());
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toMatch(/Allowed choices are lexical, dense, hybrid/);
    const extra = await runCli('check-command.ts', ['somewhere'], traceEnv());
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/^error: too many arguments/);
    const nothing = await runCli('ingest-command.ts', [], traceEnv());
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^error: missing required argument 'paths'/);
  });
});
