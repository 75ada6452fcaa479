/**
 * The index folder a writer is given (INDEX_DIR or --index), with real processes: an empty INDEX_DIR is the default
 * folder; a folder of other files is refused (`not_an_index`) and left as it was; a folder on a read-only mount is
 * named with its cause (`index_not_writable`, EROFS) by ingest, rebuild and the server, for an index there and for a
 * new folder under it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { ERROR_STATUS } from '../../src/core/errors.js';
import { CORPUS_DIR, SEED, tempDir } from '../support/fixtures.js';
import { onTmpfs, quote, runCli, shellCommand } from '../support/processes.js';

const ARTICLE = join(CORPUS_DIR, `${SEED.tccsd}.txt`);

let work: ReturnType<typeof tempDir>;
let lexicalOnly: Record<string, string>;
beforeAll(() => {
  work = tempDir();
  lexicalOnly = { MODEL_DIR: join(work.dir, 'no-models') };
});
afterAll(() => work.cleanup());

describe('the index folder of a writer', () => {
  it('is indexes/default when INDEX_DIR is empty, as when it is unset', () => {
    expect(readConfig({ INDEX_DIR: '' }).indexDir).toBe(resolve('indexes/default'));
    expect(readConfig({}).indexDir).toBe(resolve('indexes/default'));
    expect(readConfig({ CORPUS_DIR: '' }).corpusDir).toBe(resolve('corpus'));
  });

  it('is refused when it holds other files and no index, and is left untouched', async () => {
    expect(ERROR_STATUS.not_an_index).toBe(500);
    const docs = join(work.dir, 'documents');
    mkdirSync(docs);
    writeFileSync(join(docs, 'nghi-quyet.txt'), 'NGHỊ QUYẾT về công tác cán bộ');
    const r = await runCli('ingest-command.ts', [ARTICLE], { ...lexicalOnly, INDEX_DIR: docs });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: ${docs.replaceAll('/', '\\/')} is not an index folder: it holds other files \\(nghi-quyet\\.txt\\)`, 'm'));
    expect(readdirSync(docs)).toEqual(['nghi-quyet.txt']);
  });

  it('is created when new, and an existing index is written again', async () => {
    const dir = join(work.dir, 'new', 'index');
    expect((await runCli('ingest-command.ts', [ARTICLE], { ...lexicalOnly, INDEX_DIR: dir })).code).toBe(0);
    const again = await runCli('ingest-command.ts', [ARTICLE], { ...lexicalOnly, INDEX_DIR: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(dir)).toContain('store.sqlite');
  });

  it('is named with its cause when it is on a read-only mount (ingest, rebuild, the server)', async () => {
    expect(ERROR_STATUS.index_not_writable).toBe(500);
    const mnt = join(work.dir, 'ro');
    const out = join(work.dir, 'ro-out');
    mkdirSync(mnt);
    mkdirSync(out);
    const index = join(mnt, 'index');
    const o = (name: string) => quote(join(out, name));
    const env = Object.entries({ ...lexicalOnly, PORT: '0' }).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
    const script = [
      `${env} ${shellCommand('ingest-command.ts', [ARTICLE, '--index', index])} > /dev/null 2>&1`,
      `mount -o remount,ro ${quote(mnt)}`,
      `{ ${env} ${shellCommand('ingest-command.ts', [ARTICLE, '--index', index])} 2> ${o('ingest')}; true; }`,
      `{ ${env} ${shellCommand('ingest-command.ts', [ARTICLE, '--index', join(mnt, 'fresh')])} 2> ${o('fresh')}; true; }`,
      `{ ${shellCommand('rebuild-command.ts', ['--index', index])} 2> ${o('rebuild')}; true; }`,
      `{ INDEX_DIR=${quote(index)} ${env} ${shellCommand('serve-command.ts', [])} 2> ${o('serve')}; true; }`,
    ].join(' && ');
    const r = await onTmpfs(mnt, 16 * 1024, script);
    expect(r.code, r.stderr).toBe(0);
    const errorOf = (name: string) => readFileSync(join(out, name), 'utf8').split('\n').filter((l) => l.startsWith('error:'));
    for (const name of ['ingest', 'rebuild', 'serve']) {
      expect(errorOf(name), name).toEqual([
        `error: the index folder ${index} cannot be written: it is on a read-only file system (EROFS); name a writable folder with --index or INDEX_DIR, or fix its permissions or mount`,
      ]);
    }
    expect(errorOf('fresh')[0]).toMatch(/cannot be written: it is on a read-only file system \(EROFS at .*\/ro\)/);
  }, 90_000);
});
