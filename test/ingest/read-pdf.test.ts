import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { readPdf } from '../../src/ingest/read-pdf.js';
import { unwrapLines } from '../../src/core/unwrap.js';
import { SHARED_DIR } from '../support/fixtures.js';

const decree = (name: string) => readFileSync(join(SHARED_DIR, 'corpus', 'decrees', name));

describe('readPdf', () => {
  it('reads a text PDF with a signature block into passages', async () => {
    const text = await readPdf(decree('nd-123_2021-12-28-1-.signed.pdf'));
    expect(text.normalize('NFC')).toMatch(/NGHỊ ĐỊNH/);
    expect(text.normalize('NFC')).toMatch(/123\/2021\/NĐ-CP/);
    const doc = prepareDocument(text, 'pdf');
    expect(doc.passages.length).toBeGreaterThan(50);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('reads a browser-printed PDF', async () => {
    const text = await readPdf(decree('nd100_2019.pdf'));
    expect(text.normalize('NFC')).toMatch(/100\/2019\/NĐ-CP/);
  });

  it('says a scanned PDF has no text layer', async () => {
    await expect(readPdf(decree('100_2.pdf'))).rejects.toMatchObject({ code: 'no_text_layer' });
  });

  it('says a broken PDF is broken', async () => {
    const broken = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF');
    await expect(readPdf(broken)).rejects.toMatchObject({ code: expect.stringMatching(/broken_pdf|no_text_layer/) });
  });

  it('says a truncated PDF is broken', async () => {
    const half = decree('nd-123_2021-12-28-1-.signed.pdf').subarray(0, 4000);
    await expect(readPdf(half)).rejects.toMatchObject({ code: expect.stringMatching(/broken_pdf|no_text_layer/) });
  });
});

describe('unwrapLines', () => {
  it('joins wrapped lines and keeps items and sentence ends apart', () => {
    expect(unwrapLines('Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về\nxử phạt vi phạm hành chính.\na) Người điều khiển\nxe mô tô;', { everyLine: true })).toBe(
      'Điều 1. Phạm vi điều chỉnh\n\nNghị định này quy định về xử phạt vi phạm hành chính.\n\na) Người điều khiển xe mô tô;',
    );
  });

  it('in text files joins only lines that continue in lower case', () => {
    expect(unwrapLines('Tại phiên họp ngày 28/11/2025, sau\nkhi nghe Báo cáo của Ban Tổ chức\nTrung ương, Bộ Chính trị kết luận.\nMột là, tiếp tục', { everyLine: false })).toBe(
      'Tại phiên họp ngày 28/11/2025, sau khi nghe Báo cáo của Ban Tổ chức\nTrung ương, Bộ Chính trị kết luận.\nMột là, tiếp tục',
    );
  });
});
