/** `npm run suggest` and `npm run similar`, run as real processes over an index built by the ingest command. */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITED_DIRECTIVE, CORPUS_DIR, tempDir, tinyModelEnv } from '../support/fixtures.js';
import { runCli } from '../support/processes.js';

const RESOLUTION = resolve('test/fixtures/nghi-quyet-22-NQ-TW.txt');
let work: ReturnType<typeof tempDir>;
let index: string[];
beforeAll(async () => {
  work = tempDir();
  index = ['--index', join(work.dir, 'index')];
  const r = await runCli('ingest-command.ts', [CORPUS_DIR, CITED_DIRECTIVE, RESOLUTION, ...index], tinyModelEnv());
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => work.cleanup());

describe('suggest and similar commands', () => {
  it('completes a number typed in another spelling', async () => {
    const r = await runCli('suggest-command.ts', ['nq', '22', ...index]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^22-NQ\/TW {2}— NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ SÁU .* \[\w+\]$/u);
    const json = await runCli('suggest-command.ts', ['chi thi 5', '--json', '--k', '1', ...index]);
    expect(JSON.parse(json.stdout).suggestions).toEqual([expect.objectContaining({ label: '05-CT/TW', kind: 'number' })]);
    const bad = await runCli('suggest-command.ts', ['22', '--k', '11', ...index]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --k must be a whole number from 1 to 10/);
  });

  it('lists documents like a given one, hybrid with the model', async () => {
    const suggested = JSON.parse((await runCli('suggest-command.ts', ['22-NQ/TW', '--json', ...index])).stdout);
    const id: string = suggested.suggestions[0].documentId;
    const r = await runCli('similar-command.ts', [id, '--k', '2', '--json', ...index], tinyModelEnv());
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ documentId: id, mode: 'hybrid' });
    expect(body.similar).toHaveLength(2);
    expect(body.similar.map((s: { document: { id: string } }) => s.document.id)).not.toContain(id);
    const text = await runCli('similar-command.ts', [id, ...index], tinyModelEnv());
    expect(text.stdout).toMatch(/^mode: hybrid\nterms: .+\n\n\[1\] /u);
    const missing = await runCli('similar-command.ts', ['nope', ...index], tinyModelEnv());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/error: no document with id "nope"/);
  });
});
