/**
 * `eval --queries FILE` on a file that is not a query file names the file and the line, before loading a model: a
 * raw JSON.parse message ("Unexpected token …") said neither.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDevQueries } from '../../src/eval/evaluate.js';
import { CORPUS_DIR, SEED, tempDir } from '../support/fixtures.js';
import { runCli } from '../support/processes.js';

let work: ReturnType<typeof tempDir>;
let lexicalOnly: Record<string, string>;
let index: string;
beforeAll(async () => {
  work = tempDir();
  lexicalOnly = { MODEL_DIR: join(work.dir, 'no-models') };
  index = join(work.dir, 'index');
  const r = await runCli('ingest-command.ts', [join(CORPUS_DIR, `${SEED.tccsd}.txt`), '--index', index], lexicalOnly);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);
afterAll(() => work.cleanup());

describe('a query file that cannot be read', () => {
  it('is named with its line, counting the comment and blank lines', () => {
    const file = join(work.dir, 'queries.jsonl');
    writeFileSync(file, '// dev queries\n\n{"query": "chi bộ", "relevant": ["x"]}\n{"query": "đảng viên", relevant: []}\n');
    expect(() => readDevQueries(file)).toThrow(new RegExp(`^${file.replaceAll('/', '\\/')}:4: not JSON \\(`));
    writeFileSync(file, '{"query": "chi bộ", "relevant": ["x"]}\nnull\n');
    expect(() => readDevQueries(file)).toThrow(`${file}:2: each line needs "query" and "relevant"`);
    writeFileSync(file, '// one\n{"query": "chi bộ", "relevant": ["x"]}\n');
    expect(readDevQueries(file)).toEqual([{ query: 'chi bộ', relevant: ['x'] }]);
  });

  it('stops eval --queries /etc/passwd with one error line naming the file, before the model', async () => {
    const r = await runCli('eval-command.ts', ['--queries', '/etc/passwd', '--index', index], lexicalOnly);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: \/etc\/passwd:1: not JSON \(.*\); a query file holds one \{"query", "relevant"\} object per line$/m);
    expect(r.stderr).not.toMatch(/lexical-only mode/);
  });
});
