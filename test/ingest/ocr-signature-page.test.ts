/**
 * The signed text PDF of Nghị định 123/2021/NĐ-CP (../shared/corpus/decrees/nd-123_2021-12-28-1-.signed.pdf): 97
 * text pages, then page 98, a colour scan of Điều 6 and the signature page, the red seal and the signature over
 * `TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG` / `PHÓ THỦ TƯỚNG` / `Lê Văn Thành` (checked on the rendered page). Read end to
 * end with the real OCR engine: the first pass reads the lead lines only, the second reading of the block's region
 * (src/ingest/ocr/signature-region.ts) the whole block, and the fields come out as on a text PDF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { extractText } from '../../src/ingest/read-document.js';
import { SHARED_DIR } from '../support/fixtures.js';

const PDF = join(SHARED_DIR, 'corpus', 'decrees', 'nd-123_2021-12-28-1-.signed.pdf');

describe('a signature page scanned into a text PDF', () => {
  it('is read by OCR, its block completed under the seal, and gives the signature fields', { timeout: 600_000 }, async () => {
    const extracted = await extractText(readFileSync(PDF), 'nd-123.signed.pdf');
    const last = extracted.pages!.at(-1)!;
    expect(last).toMatchObject({ number: 98, ocr: true });
    expect(last.text).toMatch(/TM\. CHÍNH PHỦ\nKT\. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nLê Văn Thành\n/u);
    const doc = prepareDocument(extracted.text, 'pdf');
    expect(doc).toMatchObject({
      number: '123/2021/NĐ-CP',
      issuer: 'Chính phủ',
      signer: 'Lê Văn Thành',
      signerTitle: 'KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG',
      onBehalfOf: 'Chính phủ',
    });
  });
});
