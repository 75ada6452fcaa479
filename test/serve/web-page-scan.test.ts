/// <reference lib="dom" />
/**
 * A scanned document in a real browser (Debian's Chromium through playwright-core) against the real server: the
 * last three pages of the scanned Nghị định 100/2019/NĐ-CP (../shared/corpus/decrees/100_2.pdf pages 74–76, cut out
 * with poppler's pdfseparate/pdfunite; three, so that page numbers are known as page furniture), ingested through OCR. A result from it and its document page say the text
 * comes from a scan and on which page.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { launchChromium } from '../support/browser.js';
import { SHARED_DIR, tempDir } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/http.js';

const SCAN = join(SHARED_DIR, 'corpus', 'decrees', '100_2.pdf');
const work = tempDir('vn-docsearch-scan-page-');
let handle: IndexHandle;
let server: TestServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  const pages = join(work.dir, 'page-%d.pdf');
  execFileSync('pdfseparate', ['-f', '74', '-l', '76', SCAN, pages]);
  const pdf = join(work.dir, 'nghi-dinh-100-trang-cuoi.pdf');
  execFileSync('pdfunite', [...[74, 75, 76].map((n) => join(work.dir, `page-${n}.pdf`)), pdf]);
  handle = openIndex(join(work.dir, 'index'), { embedder: null });
  const summary = await ingestPaths(handle, [pdf]);
  if (summary.added !== 1) throw new Error(`the scan was not ingested: ${JSON.stringify(summary.failed)}`);
  server = await startServer(handle);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  handle?.close();
  work.cleanup();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ locale: 'vi-VN' });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return page;
}

describe('a scanned document on the web page', () => {
  it('shows a result from the scan with its page, and the document page with the scan mark and the cited page', async () => {
    const page = await newPage();
    // A sentence of Điều 82 on the first page of the cut-out PDF.
    await page.goto(`${server.base}/?q=${encodeURIComponent('người vi phạm xuất trình được các giấy tờ theo quy định thì người có thẩm quyền ra quyết định xử phạt')}`);
    const result = page.locator('.result').first();
    await result.waitFor();
    const mark = result.locator('.page-mark.scan');
    expect(await mark.textContent()).toBe('Từ bản quét, trang 1');
    expect(await mark.getAttribute('title')).toMatch(/^Văn bản nhận dạng ký tự \(OCR\) từ bản quét \(độ tin cậy \d+%\)$/u);
    expect(await result.locator('blockquote').textContent()).toContain('xuất trình được các giấy tờ theo quy');

    await result.locator('h3 a').click();
    await page.waitForURL(/\/documents\/\w+\?start=\d+&end=\d+$/);
    await page.locator('mark.cited').first().waitFor();
    const metadata = page.locator('#metadata');
    // (The count is of the pages passages start on: the third page holds the end of one and the closing block.)
    expect(await metadata.locator('.page-mark.scan').textContent()).toMatch(/^Văn bản nhận dạng ký tự \(OCR\) từ bản quét, [23] trang; có thể còn lỗi nhận dạng\.$/u);
    expect(await page.locator('#cited-notice .page-mark.scan').textContent()).toBe('Từ bản quét, trang 1.');
    // The signature block the seal covers, read by OCR, on the metadata rows.
    const rows = await metadata.locator('div').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['Người kýNguyễn Xuân Phúc', 'Chức vụ người kýTHỦ TƯỚNG', 'Thay mặtChính phủ', 'Cơ quan ban hànhChính phủ']));
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows the page of a result from another page', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/?q=${encodeURIComponent('Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2020')}`);
    const result = page.locator('.result').first();
    await result.waitFor();
    expect(await result.locator('.page-mark.scan').textContent()).toBe('Từ bản quét, trang 2');
    await page.close();
    expect(problems).toEqual([]);
  });
});
