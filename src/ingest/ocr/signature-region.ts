/**
 * A second look at a closing page whose signature block OCR lost under the seal (src/core/ocr-signature.ts says
 * when and what the readings mean). The block's region (src/core/tesseract-tsv.ts `signatureRegion`) is rendered
 * again from the PDF at several resolutions and read as one uniform block of text (`--psm 6`): the page layout
 * analysis of the first pass treats the seal and the lines it covers as a picture; a block read sees the lines, and
 * each resolution garbles a different part of them.
 *
 * The scans this is for are black and white (Nghị định 100/2019/NĐ-CP, `100_2.pdf`: 1-bit CCITT images), so the red
 * seal cannot be dropped by its colour: there is no colour left in the file. Measured on its page 76 (the first pass
 * reads nothing of the block): one resolution gives `TM. CHÍNH PHỦ` and the name with a garbled family name; the
 * five below agree on `TM. CHÍNH PHỦ` / `THỦ TƯỚNG` / `Nguyễn Xuân Phúc`.
 */
import { join } from 'node:path';
import { readSealedSignature } from '../../core/ocr-signature.js';
import { type PageRegion, parseTesseractTsv, signatureRegion } from '../../core/tesseract-tsv.js';
import { DEFAULT_TOOL_LIMITS, type ToolLimits } from './run-tool.js';
import { RENDER_DPI, recognizeTsv, renderPdfRegion } from './tesseract.js';

/** Resolutions the region is read at, in dpi. */
export const SIGNATURE_DPIS = [150, 200, 260, 300, 400];

/** The region read at one resolution, as text (psm 6). */
async function readRegion(pdfPath: string, page: number, region: PageRegion, dpi: number, dir: string, limits: ToolLimits): Promise<string> {
  const scale = dpi / RENDER_DPI;
  const scaled = {
    left: Math.round(region.left * scale),
    top: Math.round(region.top * scale),
    width: Math.round(region.width * scale),
    height: Math.round(region.height * scale),
  };
  const png = await renderPdfRegion(pdfPath, page, scaled, dpi, join(dir, `sig-${page}-${dpi}`), limits);
  const [result] = parseTesseractTsv(await recognizeTsv(png, 6, limits));
  return result?.text ?? '';
}

/** The region's readings, one per resolution of SIGNATURE_DPIS (empty when the page has no recipients list). */
export async function signatureReadings(pdfPath: string, page: number, tsv: string, dir: string, limits: ToolLimits = DEFAULT_TOOL_LIMITS): Promise<string[]> {
  const region = signatureRegion(tsv);
  if (!region) return [];
  const readings: string[] = [];
  for (const dpi of SIGNATURE_DPIS) readings.push(await readRegion(pdfPath, page, region, dpi, dir, limits));
  return readings;
}

/**
 * The signature block's lines read again from page `page` of the PDF at `pdfPath`, given the first pass's TSV of that
 * page (rendered at RENDER_DPI); null when the page has no recipients list or the readings do not agree.
 */
export async function rereadSignature(pdfPath: string, page: number, tsv: string, dir: string, limits: ToolLimits = DEFAULT_TOOL_LIMITS): Promise<string[] | null> {
  const readings = await signatureReadings(pdfPath, page, tsv, dir, limits);
  return readings.length > 0 ? readSealedSignature(readings) : null;
}
