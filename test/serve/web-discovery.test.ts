/// <reference lib="dom" />
/**
 * Finding documents on the web page, in a real browser (Debian's Chromium through playwright-core) against the real
 * server: number and title suggestions under the search box (issue 15, item 6) and "Văn bản tương tự" on the
 * document page (item 7).
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE, SEED } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/http.js';

const RESOLUTION = resolve('test/fixtures/nghi-quyet-22-NQ-TW.txt');

let index: CorpusIndex;
let server: TestServer;
let browser: Browser;
let resolution: string;
let directive: string;
beforeAll(async () => {
  index = await buildCorpusIndex(false, [CITED_DIRECTIVE, RESOLUTION]);
  server = await startServer(index.handle);
  browser = await launchChromium();
  resolution = index.handle.store.documentsNumbered(['22-NQ/TW'])[0]!;
  directive = index.handle.store.documentsNumbered(['05-CT/TW'])[0]!;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  index?.handle.close();
  index?.cleanup();
});

/** A page whose script errors and failed requests end the test. */
async function open(path: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(server.base + path);
  return { page, problems, close: () => context.close() };
}

describe('suggestions under the search box', () => {
  it('offers the document of a number as it is typed, in another spelling, and opens it', async () => {
    const { page, problems, close } = await open('/');
    const box = page.getByLabel('Nội dung cần tìm');
    await box.pressSequentially('nq 2', { delay: 30 });
    const list = page.getByRole('list', { name: 'Gợi ý số hiệu và tên văn bản' });
    await expect.poll(() => list.locator('a').count()).toBeGreaterThan(0);
    const first = list.locator('a').first();
    expect(await first.locator('.suggestion-label').textContent()).toBe('22-NQ/TW');
    expect(await first.locator('.suggestion-detail').textContent()).toMatch(/^NGHỊ QUYẾT/u);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    // ↓ enters the list; Enter follows the suggestion to its document.
    await box.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^22-NQ\/TW/u);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/documents/${resolution}`);
    await page.locator('#title').filter({ hasText: /NGHỊ QUYẾT/u }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('completes title words without diacritics, and Escape closes the list', async () => {
    const { page, problems, close } = await open('/');
    const box = page.getByLabel('Nội dung cần tìm');
    await box.pressSequentially('hoc tap va lam th', { delay: 20 });
    const list = page.locator('#suggestions');
    await expect.poll(() => list.locator('a').count()).toBeGreaterThan(0);
    const hrefs = await list.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/documents/${directive}`);
    expect(await list.locator('.suggestion-title').count()).toBe(hrefs.length);
    await box.press('Escape');
    expect(await list.isHidden()).toBe(true);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    // Searching closes it too, and the search runs as typed.
    await box.fill('chỉ thị 5 của Bộ Chính trị');
    await box.press('Enter');
    await page.locator('.result').first().waitFor();
    expect(await list.isHidden()).toBe(true);
    expect(await page.locator('.result h3 a').first().getAttribute('href')).toMatch(new RegExp(`^/documents/${directive}\\?`));
    expect(problems).toEqual([]);
    await close();
  });
});

describe('Văn bản tương tự', () => {
  it('lists similar documents on the document page, each opening at its matching passage', async () => {
    const { page, problems, close } = await open(`/documents/${resolution}`);
    const section = page.getByRole('region', { name: 'Văn bản tương tự' });
    const links = section.locator('ol.similar-list > li > a');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.every((h) => !h.startsWith(`/documents/${resolution}?`))).toBe(true);
    const article = index.handle.store.getSource(`corpus/${SEED.tccsd}.txt`)!.documentId;
    expect(hrefs[0]).toMatch(new RegExp(`^/documents/${article}\\?start=\\d+&end=\\d+$`));
    await links.first().click();
    await page.waitForURL(`**/documents/${article}?**`);
    await page.locator('mark.cited').first().waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});
