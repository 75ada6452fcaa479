/**
 * The fields of the scanned Nghị định 100/2019/NĐ-CP read off its extracted text: what `extractText` gave for
 * ../shared/corpus/decrees/100_2.pdf (76 pages OCR'd, repaired, the signature block under the seal read again; recorded
 * in test/fixtures/ocr/nd100-scan-extracted.txt.gz). The scan holds printed pages 77–152 (Điều 30 to the signature):
 * no letterhead, so number, date and title are not on it and stay null.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document-fields.js';

const text = gunzipSync(readFileSync(new URL('../fixtures/ocr/nd100-scan-extracted.txt.gz', import.meta.url))).toString('utf8');

describe('the scanned decree 100/2019/NĐ-CP, as OCR gives it', () => {
  const fields = readDocument(text);

  it('has kind, issuer and the signature block right', () => {
    expect(fields).toMatchObject({
      kind: 'nghị định',
      issuer: 'Chính phủ',
      signer: 'Nguyễn Xuân Phúc',
      author: 'Nguyễn Xuân Phúc',
      signerTitle: 'THỦ TƯỚNG',
      onBehalfOf: 'Chính phủ',
    });
  });

  it('invents no number, date or title the scan does not carry', () => {
    expect(text).not.toMatch(/100\/2019|ngày 30 tháng 12 năm 2019/u);
    expect(fields).toMatchObject({ number: null, date: null, title: null, term: null });
  });

  it('keeps the signature block out of the passages and the cited decree among its references', () => {
    expect(fields.closing).not.toBeNull();
    expect(text.slice(fields.closing!.start, fields.closing!.end)).toMatch(/Nơi nhận[\s\S]*TM\. CHÍNH PHỦ\s+THỦ TƯỚNG\s+Nguyễn Xuân Phúc$/u);
    expect(fields.references.map((r) => r.number)).toContain('46/2016/NĐ-CP');
  });
});
