/**
 * `npm run screenshots`: the web page's main states, as PNGs in docs/screenshots/, from a real server over the
 * bundled corpus plus the test directive (so the citation graph has edges), in lexical mode, in Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ingestPaths } from '../src/ingest/ingest-files.js';
import { openIndex } from '../src/store/open-index.js';
import { launchChromium } from '../test/support/browser.js';
import { CITED_DIRECTIVE, CORPUS_DIR, tempDir } from '../test/support/fixtures.js';
import { startServer } from '../test/support/http.js';

const OUT = resolve('docs/screenshots');
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };

const { dir, cleanup } = tempDir('vn-docsearch-screenshots-');
const handle = await openIndex(dir, { embedder: null });
const browser = await launchChromium();
const server = await startServer(handle);
try {
  await ingestPaths(handle, [CORPUS_DIR, CITED_DIRECTIVE]);
  mkdirSync(OUT, { recursive: true });
  const directive = handle.store.documentsNumbered(['05-CT/TW'])[0]!;
  const shoot = async (page: Page, name: string) => {
    await page.screenshot({ path: `${OUT}/${name}.png` });
    process.stderr.write(`docs/screenshots/${name}.png\n`);
  };
  const open = async (viewport: typeof DESKTOP, path: string, ready: string) => {
    const page = await browser.newPage({ viewport, locale: 'vi-VN' });
    await page.goto(server.base + path);
    await page.locator(ready).first().waitFor();
    return page;
  };

  const search = await open(DESKTOP, '/?q=' + encodeURIComponent('sinh hoat chi bo'), '.answer');
  await shoot(search, 'search-answer');
  await search.locator('.result').first().scrollIntoViewIfNeeded();
  await search.evaluate(() => document.querySelector('#status')!.scrollIntoView());
  await shoot(search, 'search-results');
  await search.locator('.answer a.citation').first().click();
  await search.locator('mark.cited').first().waitFor();
  await shoot(search, 'document-highlight');

  const graph = await open(DESKTOP, `/documents/${directive}`, '#cited-by li');
  await shoot(graph, 'citation-graph');

  const none = await open(DESKTOP, '/?q=' + encodeURIComponent('giá vàng SJC hôm nay'), '.notice');
  await shoot(none, 'no-results');

  const mobile = await open(MOBILE, '/?q=' + encodeURIComponent('chỉ thị 05'), '.result');
  await shoot(mobile, 'mobile-search');
  const mobileDocument = await open(MOBILE, `/documents/${directive}`, '#cited-by li');
  await shoot(mobileDocument, 'mobile-document');
} finally {
  await browser.close();
  await server.close();
  handle.close();
  cleanup();
}
