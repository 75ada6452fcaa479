import { afterAll, describe, expect, it } from 'vitest';
import { ParseProcess } from '../../src/ingest/parse-process.js';

const paragraph = 'Chi bộ Văn phòng tổ chức sinh hoạt chuyên đề về chuyển đổi số trong công tác đảng vào ngày 15 hằng tháng.';
const parsers: ParseProcess[] = [];
const thread = (limits: { timeoutMs: number; memoryMb: number }) => {
  const t = new ParseProcess(limits);
  parsers.push(t);
  return t;
};
afterAll(async () => {
  for (const t of parsers) t.close();
});

describe('parse process', () => {
  it('reads a file into a prepared document off the calling thread', async () => {
    const doc = await thread({ timeoutMs: 60_000, memoryMb: 256 }).prepare(Buffer.from(`Thông báo\n\n${paragraph}`), 'a.txt');
    expect(doc.format).toBe('txt');
    expect(doc.passages[0]!.text).toContain('chuyển đổi số');
    expect(doc.text.slice(doc.passages[0]!.start, doc.passages[0]!.end)).toBe(doc.passages[0]!.text);
  });

  it('refuses a file over the time limit with parse_timeout, then reads the next one in a new process', async () => {
    const t = thread({ timeoutMs: 1, memoryMb: 256 });
    const big = Buffer.from(Array.from({ length: 3000 }, () => paragraph).join('\n\n'));
    await expect(t.prepare(big, 'big.txt')).rejects.toMatchObject({ code: 'parse_timeout' });
    t.limits.timeoutMs = 60_000;
    expect((await t.prepare(Buffer.from(paragraph), 'b.txt')).passages.length).toBe(1);
  });

  it('refuses a file over the memory limit with parse_memory', async () => {
    // 2 million entities, each its own line of text once decoded: the HTML tree alone is far over 64 MiB.
    const html = `<html><body><article>${'<p>&amp;&lt;chữ&gt;</p>'.repeat(700_000)}</article></body></html>`;
    await expect(thread({ timeoutMs: 120_000, memoryMb: 64 }).prepare(Buffer.from(html), 'entities.html')).rejects.toMatchObject({ code: 'parse_memory' });
  }, 180_000);

  it('carries a reader UserError across with its code', async () => {
    const deep = `<html><body>${'<div>'.repeat(100_000)}chữ${'</div>'.repeat(100_000)}</body></html>`;
    await expect(thread({ timeoutMs: 60_000, memoryMb: 256 }).prepare(Buffer.from(deep), 'deep.html')).rejects.toMatchObject({ code: 'too_deep' });
  });
});
