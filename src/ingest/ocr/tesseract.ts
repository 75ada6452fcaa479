/**
 * The OCR engine: Debian's `tesseract-ocr` with the Vietnamese trained data `tesseract-ocr-vie`, and poppler-utils'
 * `pdftoppm` to render PDF pages (300 dpi, greyscale). Commands can be renamed by OCR_TESSERACT and OCR_PDFTOPPM
 * (an absent one makes OCR unavailable, as on a machine without the packages).
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { type OcrPage, parseTesseractTsv } from '../../core/tesseract-tsv.js';
import { DEFAULT_TOOL_LIMITS, runTool, type ToolLimits } from './run-tool.js';

/** What installs the engine, quoted in the refusal of a scan when it is missing. */
export const OCR_INSTALL = 'apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils';
/** Render resolution: tesseract is trained on text of 10–12 pt at about 300 dpi. */
export const RENDER_DPI = 300;

const tesseract = () => process.env.OCR_TESSERACT || 'tesseract';
const pdftoppm = () => process.env.OCR_PDFTOPPM || 'pdftoppm';

let available: Promise<boolean> | null = null;
let availableFor = '';

/** Whether tesseract with Vietnamese data and pdftoppm are installed (asked once per command names). */
export function ocrAvailable(): Promise<boolean> {
  const key = `${tesseract()}\n${pdftoppm()}`;
  if (!available || availableFor !== key) {
    availableFor = key;
    available = (async () => {
      try {
        const langs = (await runTool(tesseract(), ['--list-langs'], { timeoutMs: 20_000, memoryMb: 512 })).toString();
        await runTool(pdftoppm(), ['-v'], { timeoutMs: 20_000, memoryMb: 512 });
        return /^vie$/m.test(langs);
      } catch {
        return false;
      }
    })();
  }
  return available;
}

/** Throws `ocr_unavailable` with the install command unless the engine is there. */
export async function requireOcr(what: string): Promise<void> {
  if (!(await ocrAvailable())) {
    throw new UserError('ocr_unavailable', `${what} needs OCR, which is not installed here: run \`${OCR_INSTALL}\` (optional component, see README)`);
  }
}

/** Renders one page (1-based) of a PDF file to `<dir>/page-N.png`; returns its path. */
export async function renderPdfPage(pdfPath: string, page: number, dir: string, limits: ToolLimits = DEFAULT_TOOL_LIMITS): Promise<string> {
  const prefix = join(dir, `page-${page}`);
  await runTool(pdftoppm(), ['-r', String(RENDER_DPI), '-gray', '-f', String(page), '-l', String(page), '-singlefile', '-png', pdfPath, prefix], limits);
  return `${prefix}.png`;
}

/**
 * Renders a region of one page (1-based) of a PDF at `dpi` to `<prefix>.png` (region in pixels at that resolution,
 * greyscale); returns its path.
 */
export async function renderPdfRegion(
  pdfPath: string,
  page: number,
  region: { left: number; top: number; width: number; height: number },
  dpi: number,
  prefix: string,
  limits: ToolLimits = DEFAULT_TOOL_LIMITS,
): Promise<string> {
  const crop = ['-x', String(region.left), '-y', String(region.top), '-W', String(region.width), '-H', String(region.height)];
  await runTool(pdftoppm(), ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), ...crop, '-singlefile', '-png', pdfPath, prefix], limits);
  return `${prefix}.png`;
}

/** Tesseract's TSV of an image file as Vietnamese, in page segmentation mode `psm` (3: automatic layout; 6: one block). */
export async function recognizeTsv(imagePath: string, psm = 3, limits: ToolLimits = DEFAULT_TOOL_LIMITS): Promise<string> {
  return (await runTool(tesseract(), [imagePath, 'stdout', '-l', 'vie', '--psm', String(psm), 'tsv'], limits)).toString('utf8');
}

/** Recognises an image file (PNG, JPEG, TIFF; every page of a multi-page TIFF) as Vietnamese text. */
export async function recognizeImage(imagePath: string, limits: ToolLimits = DEFAULT_TOOL_LIMITS): Promise<OcrPage[]> {
  return parseTesseractTsv(await recognizeTsv(imagePath, 3, limits));
}
