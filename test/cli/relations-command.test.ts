/** `npm run relations`, run as a real process over an index holding two real directives, the later replacing the earlier. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { runCli } from '../support/processes.js';

const DIRECTIVES = ['chi-thi-35-CT-TW.txt', 'chi-thi-45-CT-TW.txt'].map((f) => resolve('test/fixtures/relations', f));

let index: CorpusIndex;
beforeAll(async () => {
  index = await buildCorpusIndex(false, DIRECTIVES);
  index.handle.close();
});
afterAll(() => index.cleanup());

describe('npm run relations', () => {
  it('by number: the replaced directive, its validity and the sentence of the one replacing it', async () => {
    const r = await runCli('relations-command.ts', ['35-CT/TW', '--index', index.dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('35-CT/TW — CHỈ THỊ CỦA BỘ CHÍNH TRỊ về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng');
    expect(lines[1]).toMatch(/^Hiệu lực: Hết hiệu lực từ 2025-04-14 \(thay thế bởi 45-CT\/TW \[\w+\]\)$/u);
    expect(r.stdout).toContain('Văn bản khác → văn bản này (1):');
    expect(r.stdout).toMatch(/← thay thế: 45-CT\/TW \[\w+\] CHỈ THỊ CỦA BỘ CHÍNH TRỊ/u);
    expect(r.stdout).toContain('“Chỉ thị này thay thế Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị');
  });

  it('by id, as JSON: the API response', async () => {
    const byNumber = JSON.parse((await runCli('relations-command.ts', ['45-CT/TW', '--json', '--index', index.dir])).stdout);
    expect(byNumber.outgoing.map((e: { type: string; other: { number: string } }) => [e.type, e.other.number])).toEqual([
      ['replaces', '35-CT/TW'],
      ['replaces', '118-KL/TW'],
    ]);
    const byId = await runCli('relations-command.ts', [byNumber.documentId, '--json', '--index', index.dir]);
    expect(JSON.parse(byId.stdout)).toEqual(byNumber);
  });

  it('names an unknown document and exits 1', async () => {
    const r = await runCli('relations-command.ts', ['99-CT/TW', '--index', index.dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no stored document has the id or number "99-CT/TW"');
  });
});
