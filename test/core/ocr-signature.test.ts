/**
 * The signature block under the seal of the scanned Nghị định 100/2019/NĐ-CP (../shared/corpus/decrees/100_2.pdf,
 * page 76): the first pass of tesseract (`nd100-scan-page-76.tsv`) reads the recipients list and nothing of the block;
 * the block's region read again at five resolutions (`nd100-scan-page-76-signature-*dpi.txt`, recorded from
 * src/ingest/ocr/signature-region.ts) is garbled differently each time. Page image checked by eye: `TM. CHÍNH PHỦ` /
 * `THỦ TƯỚNG` / `Nguyễn Xuân Phúc`, the seal over the first two lines and the first letters of the name.
 * And the colour scan that ends the signed text PDF of Nghị định 123/2021/NĐ-CP (page 98, `nd123-signed-page-98*`):
 * `TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG` / `PHÓ THỦ TƯỚNG` / `Lê Văn Thành`, the signature stroke across `PHÓ THỦ` and
 * the seal's rim touching `Lê`; the first pass reads the first two lines and loses the rest.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readClosingBlock } from '../../src/core/closing-block.js';
import { nameOf, needsSignatureReread, readSealedSignature, withSignature } from '../../src/core/ocr-signature.js';
import { parseTesseractTsv, signatureRegion } from '../../src/core/tesseract-tsv.js';
import { textLines } from '../../src/core/text-lines.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url), 'utf8');
const tsv = fixture('nd100-scan-page-76.tsv');
const page = parseTesseractTsv(tsv)[0]!.text;
const readings = [150, 200, 260, 300, 400].map((dpi) => fixture(`nd100-scan-page-76-signature-${dpi}dpi.txt`));
const tsv98 = fixture('nd123-signed-page-98.tsv');
const page98 = parseTesseractTsv(tsv98)[0]!.text;
const readings98 = [150, 200, 260, 300, 400].map((dpi) => fixture(`nd123-signed-page-98-signature-${dpi}dpi.txt`));

describe('a signature block lost under the seal', () => {
  it('is noticed on the closing page, and only there', () => {
    expect(page).toContain('Nơi nhận');
    expect(page).not.toMatch(/Xuân Phúc|CHÍNH PHỦ\n/u);
    expect(needsSignatureReread(page)).toBe(true);
    const page10 = parseTesseractTsv(fixture('nd100-scan-page-10.tsv'))[0]!.text;
    expect(needsSignatureReread(page10)).toBe(false);
    // A closing page whose block was read needs nothing more.
    expect(needsSignatureReread(withSignature(page, ['TM. CHÍNH PHỦ', 'THỦ TƯỚNG', 'Nguyễn Xuân Phúc']))).toBe(false);
  });

  it('is looked for beside the recipients list, in the right part of the page', () => {
    const region = signatureRegion(tsv);
    expect(region).toEqual({ left: 1393, top: 619, width: 1095, height: 1164 });
    expect(signatureRegion(fixture('nd100-scan-page-10.tsv'))).toBeNull();
  });

  it('is read from the readings that agree: body, position and name', () => {
    expect(readSealedSignature(readings)).toEqual(['TM. CHÍNH PHỦ', 'THỦ TƯỚNG', 'Nguyễn Xuân Phúc']);
  });

  it('is not read from one reading, nor from readings that disagree', () => {
    expect(readSealedSignature(readings.slice(0, 1))).toBeNull();
    expect(readSealedSignature([readings[0]!, readings[1]!.replace(/Xuân Phúc/u, 'Văn Hòa')])).toBeNull();
  });

  it('gives the deputy form for two position lines', () => {
    const deputy = (r: string) => r.replace(/^(.*CHÍNH PHỦ.*)$/mu, '$1\nKT. THỦ TƯỚNG');
    expect(readSealedSignature(readings.map(deputy))).toEqual(['TM. CHÍNH PHỦ', 'KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG', 'Nguyễn Xuân Phúc']);
  });

  it('repairs only a family name the seal garbled, never a given name', () => {
    expect(readings.map((r) => r.split('\n').find((l) => l.includes('Xuân Phúc'))).map((l) => nameOf(l ?? ''))).toEqual([
      'Nguyễn Xuân Phúc',
      'Nguyễn Xuân Phúc',
      'Nguyễn Xuân Phúc',
      // `XNgwVến`: three edits from `Nguyễn`, more than a third of it.
      null,
      'Nguyễn Xuân Phúc',
    ]);
    expect(nameOf('Trần Đại Quang')).toBe('Trần Đại Quang');
    expect(nameOf('Xuân Phúc')).toBeNull();
    // A garbled syllable that is as near two family names stays unread.
    expect(nameOf('Lâ Văn Ba')).toBeNull();
    expect(nameOf('- Lưu: VT, CN (2). 440')).toBeNull();
  });

  it('gives the fields through the closing-block reader, as on a text PDF', () => {
    const text = withSignature(page, readSealedSignature(readings)!);
    expect(readClosingBlock(textLines(text), 0, true)).toMatchObject({ signer: 'Nguyễn Xuân Phúc', signerTitle: 'THỦ TƯỚNG', onBehalfOf: 'Chính phủ' });
  });
});

describe('a deputy signature block half read (Nghị định 123/2021/NĐ-CP, page 98)', () => {
  it('is noticed: the first pass has the lead lines and no name', () => {
    expect(page98).toMatch(/^TM\. CHÍNH PHỦ\nKT\. THỦ TƯỚNG\n\nơi nhận:/mu);
    expect(readClosingBlock(textLines(page98), 0, true)?.signer).toBeNull();
    expect(needsSignatureReread(page98)).toBe(true);
    expect(signatureRegion(tsv98)).not.toBeNull();
  });

  it('is read in the deputy form, and completed where the first pass read it', () => {
    const block = readSealedSignature(readings98);
    expect(block).toEqual(['TM. CHÍNH PHỦ', 'KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG', 'Lê Văn Thành']);
    const text = withSignature(page98, block!);
    expect(text).toMatch(/^KT\. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nLê Văn Thành\n\nơi nhận:/mu);
    // Nothing of the page is lost.
    expect(text.replace('PHÓ THỦ TƯỚNG\nLê Văn Thành\n', '')).toBe(page98);
    expect(readClosingBlock(textLines(text), 0, true)).toMatchObject({
      signer: 'Lê Văn Thành',
      signerTitle: 'KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG',
      onBehalfOf: 'Chính phủ',
    });
  });
});
