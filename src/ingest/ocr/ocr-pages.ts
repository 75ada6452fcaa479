/**
 * OCR of the pages of a PDF or of an image file, pages in parallel up to the machine's cores, each page's tools as
 * limited child processes (src/ingest/ocr/run-tool.ts), reporting each finished page. Files go to a private
 * temporary folder, removed afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsSignatureReread, withSignature } from '../../core/ocr-signature.js';
import { type OcrPage, parseTesseractTsv } from '../../core/tesseract-tsv.js';
import { rereadSignature } from './signature-region.js';
import { recognizeImage, recognizeTsv, renderPdfPage } from './tesseract.js';

/** Called when OCR starts (0 done) and after each page, with the pages done and the pages to do. */
export type PageProgress = (done: number, total: number) => void;

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vn-docsearch-ocr-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `task` on each item, at most `limit` at once, keeping order; the first failure rejects. */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** OCR of the given 1-based pages of a PDF; one OcrPage per page asked, in the order asked. */
export function ocrPdfPages(bytes: Uint8Array, pages: number[], onPage?: PageProgress, parallel = availableParallelism()): Promise<OcrPage[]> {
  return inTempDir(async (dir) => {
    const pdf = join(dir, 'input.pdf');
    await writeFile(pdf, bytes);
    let done = 0;
    onPage?.(0, pages.length);
    return pool(pages, parallel, async (page) => {
      const png = await renderPdfPage(pdf, page, dir);
      const tsv = await recognizeTsv(png);
      await rm(png, { force: true });
      const [result] = parseTesseractTsv(tsv);
      let text = result?.text ?? '';
      // A closing page whose signature block the seal hid: its region is read again (src/core/ocr-signature.ts).
      if (needsSignatureReread(text)) {
        const block = await rereadSignature(pdf, page, tsv, dir);
        if (block) text = withSignature(text, block);
      }
      onPage?.(++done, pages.length);
      return { page, text, confidence: result?.confidence ?? null, words: result?.words ?? 0 };
    });
  });
}

/** OCR of an image file (PNG, JPEG, TIFF with all its pages). */
export function ocrImageFile(bytes: Uint8Array, extension: string, onPage?: PageProgress): Promise<OcrPage[]> {
  return inTempDir(async (dir) => {
    const file = join(dir, `input.${extension}`);
    await writeFile(file, bytes);
    onPage?.(0, 1);
    const pages = await recognizeImage(file);
    onPage?.(pages.length, pages.length);
    return pages;
  });
}
