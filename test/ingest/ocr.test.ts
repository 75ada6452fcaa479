/**
 * OCR with the real engine (Debian's tesseract-ocr + tesseract-ocr-vie, poppler-utils; .ci/run installs them) on
 * pages of the scanned Nghị định 100/2019/NĐ-CP: a mixed PDF (a text page, then a scanned page), a page image, the
 * refusal without the engine, and the tools' time and memory limits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParseProcess } from '../../src/ingest/parse-process.js';
import { runTool } from '../../src/ingest/ocr/run-tool.js';
import { renderPdfPage } from '../../src/ingest/ocr/tesseract.js';
import { readPdfPaged } from '../../src/ingest/read-paged.js';
import { extractText } from '../../src/ingest/read-document.js';
import { SHARED_DIR } from '../support/fixtures.js';

const DECREES = join(SHARED_DIR, 'corpus', 'decrees');
let dir = '';
let mixed: Uint8Array;
let scanPage: Uint8Array;
let png: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ocr-test-'));
  // Page 1 of the scan (the decree's page 77) and page 5 of the text PDF of the same decree, as one mixed PDF.
  execFileSync('pdfseparate', ['-f', '1', '-l', '1', join(DECREES, '100_2.pdf'), join(dir, 'scan-%d.pdf')]);
  execFileSync('pdfseparate', ['-f', '5', '-l', '5', join(DECREES, 'nd100_2019.pdf'), join(dir, 'text-%d.pdf')]);
  execFileSync('pdfunite', [join(dir, 'text-5.pdf'), join(dir, 'scan-1.pdf'), join(dir, 'mixed.pdf')]);
  mixed = readFileSync(join(dir, 'mixed.pdf'));
  scanPage = readFileSync(join(dir, 'scan-1.pdf'));
  png = readFileSync(await renderPdfPage(join(DECREES, '100_2.pdf'), 2, dir));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OCR of scanned pages', () => {
  it('reads only the page without a text layer of a mixed PDF, in the parse process, with progress, pages and confidence', { timeout: 300_000 }, async () => {
    const parser = new ParseProcess({ timeoutMs: 240_000, memoryMb: 1024 });
    const progress: [number, number][] = [];
    try {
      const doc = await parser.prepare(mixed, 'mixed.pdf', (done, total) => progress.push([done, total]));
      expect(progress).toEqual([[1, 1]]);
      const scanned = doc.passages.filter((p) => p.ocr);
      const typed = doc.passages.filter((p) => p.ocr === false);
      expect(typed.length).toBeGreaterThan(0);
      expect(typed.every((p) => p.page === 1 && p.confidence === null)).toBe(true);
      expect(scanned.length).toBeGreaterThan(0);
      expect(scanned.every((p) => p.page === 2 && (p.confidence ?? 0) > 0.8)).toBe(true);
      // Recognised and repaired: `sô người` → `số người`, `tô chức` → `tổ chức` (a clause heading), `khoản l` → `khoản 1`.
      const text = scanned.map((p) => `${p.section} ${p.text}`).join(' ').replace(/\s+/g, ' ');
      expect(text).toContain('vượt trên 100% số người quy định được phép chở của phương tiện');
      expect(text).toContain('cá nhân, tổ chức thực hiện hành vi vi phạm');
      expect(text).toContain('quy định tại khoản 1; điểm b khoản 2 Điều này');
      for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    } finally {
      parser.close();
    }
  });

  it('reads a page image (PNG) as a one-page document', { timeout: 300_000 }, async () => {
    const { format, text, pages } = await extractText(png, 'trang-78.png');
    expect(format).toBe('image');
    expect(pages).toHaveLength(1);
    expect(pages?.[0]).toMatchObject({ number: 1, ocr: true });
    expect(text).toContain('Thực hiện hành vi quy định tại điểm h khoản 7');
  });

  it('without the engine, refuses a scan with the command that installs it, as before', async () => {
    process.env.OCR_TESSERACT = join(dir, 'no-such-tesseract');
    try {
      await expect(readPdfPaged(scanPage)).rejects.toMatchObject({
        code: 'no_text_layer',
        message: expect.stringContaining('apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils'),
      });
      await expect(extractText(png, 'trang.png')).rejects.toMatchObject({ code: 'ocr_unavailable', message: expect.stringContaining('tesseract-ocr-vie') });
    } finally {
      delete process.env.OCR_TESSERACT;
    }
  });

  it('runs each tool within a time and a memory limit', { timeout: 60_000 }, async () => {
    await expect(runTool('sleep', ['5'], { timeoutMs: 200, memoryMb: 64 })).rejects.toMatchObject({ code: 'ocr_timeout' });
    await expect(runTool('tesseract', [join(dir, 'page-2.png'), 'stdout', '-l', 'vie'], { timeoutMs: 60_000, memoryMb: 100 })).rejects.toMatchObject({
      code: 'ocr_failed',
      message: expect.stringContaining('100 MiB memory limit'),
    });
  });
});
