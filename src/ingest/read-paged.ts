/**
 * Paged sources with their pages: PDFs (text layer where a page has one, OCR where it has none) and page images
 * (PNG, JPEG, TIFF, by OCR). OCR'd pages are repaired (src/core/ocr-repair.ts) with the bundled vocabulary plus the
 * valid syllables of the document's own pages. Without the OCR engine a PDF with no text at all, or an image, is
 * refused with the command that installs it; a mixed PDF keeps its text pages.
 */
import { UserError } from '../core/errors.js';
import { repairOcrText } from '../core/ocr-repair.js';
import { countValidSyllables } from '../core/ocr-vocabulary.js';
import type { SourcePage } from '../core/page-spans.js';
import type { OcrPage } from '../core/tesseract-tsv.js';
import { ocrImageFile, ocrPdfPages, type PageProgress } from './ocr/ocr-pages.js';
import { OCR_INSTALL, ocrAvailable, requireOcr } from './ocr/tesseract.js';
import { bundledVocabulary } from './ocr/vocabulary-file.js';
import { hasNoText, joinPages, readPdfPages } from './read-pdf.js';

export interface PagedText {
  text: string;
  pages: SourcePage[];
}

/** OCR'd pages repaired with the bundled vocabulary and the document's own valid syllables (`context`: its text pages). */
export function repairPages(ocr: OcrPage[], context = ''): string[] {
  const vocabulary = bundledVocabulary();
  countValidSyllables(context, vocabulary);
  for (const p of ocr) countValidSyllables(p.text, vocabulary);
  return ocr.map((p) => repairOcrText(p.text, vocabulary).text);
}

function assemble(raw: string[], ocr: Map<number, OcrPage>): PagedText {
  const { text, pages } = joinPages(raw);
  return {
    text,
    pages: pages.map((t, i) => {
      const o = ocr.get(i + 1);
      return { number: i + 1, text: t, ocr: o !== undefined, confidence: o?.confidence ?? null };
    }),
  };
}

/** A PDF's text with its pages: the text layer, and OCR for the pages without one. */
export async function readPdfPaged(bytes: Uint8Array, onPage?: PageProgress): Promise<PagedText> {
  const raw = await readPdfPages(bytes);
  const blank = raw.flatMap((t, i) => (hasNoText(t) ? [i + 1] : []));
  if (blank.length > 0 && (await ocrAvailable())) {
    const ocr = await ocrPdfPages(bytes, blank, onPage);
    const repaired = repairPages(ocr, raw.join('\n'));
    const byPage = new Map(ocr.map((o) => [o.page, o]));
    for (const [i, o] of ocr.entries()) raw[o.page - 1] = repaired[i] ?? o.text;
    const paged = assemble(raw, byPage);
    if (!hasNoText(paged.text)) return paged;
  }
  const paged = assemble(raw, new Map());
  if (hasNoText(paged.text)) {
    const fix = blank.length > 0 && !(await ocrAvailable()) ? `; OCR is not installed here: run \`${OCR_INSTALL}\`` : '';
    throw new UserError('no_text_layer', `the PDF has no text layer (a scanned document?)${fix}`);
  }
  return paged;
}

/** Extension tesseract's image reader (leptonica) is given, by the image's signature. */
export function imageExtension(bytes: Uint8Array): 'png' | 'jpg' | 'tif' {
  if (bytes[0] === 0x89) return 'png';
  if (bytes[0] === 0xff) return 'jpg';
  return 'tif';
}

/** An image's text by OCR, each page (TIFF) a page. */
export async function readImagePaged(bytes: Uint8Array, onPage?: PageProgress): Promise<PagedText> {
  await requireOcr('an image');
  const ocr = await ocrImageFile(bytes, imageExtension(bytes), onPage);
  const repaired = repairPages(ocr);
  const paged = assemble(repaired, new Map(ocr.map((o, i) => [i + 1, { ...o, page: i + 1 }])));
  if (hasNoText(paged.text)) throw new UserError('no_content', 'no text was recognised in the image');
  return paged;
}
