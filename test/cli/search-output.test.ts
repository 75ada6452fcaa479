/** The search command's readable output and its `--signer` / `--status` filters, over an index holding a signed decision. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../src/cli/format-results.js';
import type { DocumentStatus } from '../../src/core/types.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { tinyModelEnv } from '../support/fixtures.js';
import { ingestFormalDecision } from '../support/formal-document.js';

let index: CorpusIndex;
let decision: { signer: string; signerTitle: string | null; status: DocumentStatus };

beforeAll(async () => {
  index = await buildCorpusIndex(true);
  const id = await ingestFormalDecision(index.handle);
  const stored = index.handle.store.getDocument(id)!;
  decision = { signer: stored.signer!, signerTitle: stored.signerTitle, status: stored.status! };
  index.handle.close();
});
afterAll(() => index.cleanup());

function search(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'cli', 'search-command.ts'), ...args, '--index', index.dir], {
      env: { ...process.env, ...tinyModelEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run search with --signer and --status', () => {
  it('lists only documents of that status and signer, each showing who signed it and its status', async () => {
    const r = await search(['tiếp công dân', '--status', decision.status, '--signer', decision.signer.split(' ').at(-1)!.normalize('NFD').replace(/\p{M}/gu, '')]);
    expect(r.code).toBe(0);
    const results = r.stdout.split('\n').filter((line) => /^\[\d+\] /.test(line));
    expect(results.length).toBeGreaterThan(0);
    const signatures = r.stdout.split('\n').filter((line) => line.startsWith('    Người ký: '));
    expect(signatures).toHaveLength(results.length);
    for (const line of signatures) {
      expect(line).toContain(decision.signer);
      if (decision.signerTitle) expect(line).toContain(decision.signerTitle);
      expect(line).toMatch(new RegExp(` · ${STATUS_LABELS[decision.status]}$`));
    }
  });

  it('says which restored query it searched for one typed without diacritics, and searches as typed with --exact', async () => {
    const restored = await search(['to chuc co so dang', '--k', '2']);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Có phải bạn muốn tìm: tổ chức cơ sở đảng (kết quả của cách viết này; tìm đúng như đã gõ: --exact)');
    const exact = await search(['to chuc co so dang', '--k', '2', '--exact']);
    expect(exact.code).toBe(0);
    expect(exact.stdout).not.toContain('Có phải bạn muốn tìm');
  });

  it('shows no signature line for documents without one', async () => {
    const r = await search(['sinh hoạt chi bộ', '--k', '3', '--mode', 'lexical']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[1\] /m);
    expect(r.stdout).not.toContain('Người ký:');
  });

  it('refuses an unknown status with the values it takes and exit code 2', async () => {
    const r = await search(['x', '--status', 'expired']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: "status" must be one of in-force, not-yet-in-force, partly-in-force, no-longer-in-force\n\nUsage: npm run search [\s\S]*\n {2}--status <status> +only documents of this validity/);
  });
});
