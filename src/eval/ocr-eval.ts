/**
 * OCR quality of a scan against a text of the same document (`npm run eval -- --ocr SCAN --truth TRUTH`): the scan's
 * pages without a text layer are recognised as ingestion does (src/ingest/read-paged.ts), and the character error
 * rate (src/eval/cer.ts) is measured before and after repair, against the truth clipped to the stretch the scan
 * covers. Also reports the time per page and the fields read from the repaired text.
 */
import { availableParallelism } from 'node:os';
import { prepareDocument } from '../core/prepare-document.js';
import type { OcrPage } from '../core/tesseract-tsv.js';
import type { DocumentFields } from '../core/types.js';
import { ocrImageFile, ocrPdfPages } from '../ingest/ocr/ocr-pages.js';
import { requireOcr } from '../ingest/ocr/tesseract.js';
import { extractText, readFileBytes } from '../ingest/read-document.js';
import { imageExtension, repairPages } from '../ingest/read-paged.js';
import { hasNoText, joinPages, readPdfPages } from '../ingest/read-pdf.js';
import { type CerResult, characterErrorRate } from './cer.js';

export interface OcrReport {
  pages: number;
  /** Wall-clock seconds of recognition (rendering included), and pages per minute with `parallel` pages at once. */
  seconds: number;
  pagesPerMinute: number;
  parallel: number;
  /** Mean word confidence over the pages, 0–1. */
  confidence: number | null;
  before: CerResult;
  after: CerResult;
  fields: Pick<DocumentFields, 'kind' | 'number' | 'date' | 'issuer' | 'signer' | 'title'>;
}

/** Recognises `scanPath` and measures it against `truthPath` (any ingestible format). */
export async function evaluateOcr(scanPath: string, truthPath: string, onPage?: (done: number, total: number) => void): Promise<OcrReport> {
  await requireOcr('--ocr');
  const bytes = await readFileBytes(scanPath);
  const parallel = availableParallelism();
  const started = performance.now();
  let ocr: OcrPage[];
  if (bytes[0] === 0x25) {
    const raw = await readPdfPages(bytes);
    const blank = raw.flatMap((t, i) => (hasNoText(t) ? [i + 1] : []));
    ocr = await ocrPdfPages(bytes, blank, onPage, parallel);
  } else {
    ocr = await ocrImageFile(bytes, imageExtension(bytes), onPage);
  }
  const seconds = (performance.now() - started) / 1000;
  const truth = (await extractText(await readFileBytes(truthPath), truthPath)).text;
  const rawText = joinPages(ocr.map((p) => p.text)).text;
  const repaired = joinPages(repairPages(ocr));
  const doc = prepareDocument(repaired.text, 'pdf');
  const confident = ocr.filter((p) => p.confidence !== null);
  return {
    pages: ocr.length,
    seconds,
    pagesPerMinute: (ocr.length / seconds) * 60,
    parallel,
    confidence: confident.length ? confident.reduce((s, p) => s + (p.confidence ?? 0), 0) / confident.length : null,
    before: characterErrorRate(rawText, truth, { clip: true }),
    after: characterErrorRate(repaired.text, truth, { clip: true }),
    fields: { kind: doc.kind, number: doc.number, date: doc.date, issuer: doc.issuer, signer: doc.signer, title: doc.title },
  };
}

/** The report as text. */
export function formatOcrReport(r: OcrReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  return [
    `pages OCR'd        ${r.pages} in ${r.seconds.toFixed(1)} s (${r.pagesPerMinute.toFixed(1)} pages/min, ${r.parallel} at once)`,
    `mean confidence    ${r.confidence === null ? '-' : pct(r.confidence)}`,
    `CER before repair  ${pct(r.before.cer)} (${r.before.edits} edits / ${r.before.referenceChars} reference chars; ${r.before.clippedChars} chars of the truth outside the scan)`,
    `CER after repair   ${pct(r.after.cer)} (${r.after.edits} edits)`,
    `fields             ${JSON.stringify(r.fields)}`,
  ].join('\n');
}
