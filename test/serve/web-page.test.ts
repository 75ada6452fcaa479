/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The web page in a real browser (Debian's Chromium through playwright-core) against the real server over the
 * bundled corpus plus a directive two of its articles cite: one browser and one server for the whole file.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../src/cli/format-results.js';
import { fold } from '../../src/core/normalize.js';
import type { StoredDocument } from '../../src/core/types.js';
import { launchChromium } from '../support/browser.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE, SEED } from '../support/fixtures.js';
import { ingestFormalDecision } from '../support/formal-document.js';
import { call, startServer, type TestServer } from '../support/http.js';
import { ingestBytes, ingestPaths } from '../../src/ingest/ingest-files.js';
import { resolve } from 'node:path';

let index: CorpusIndex;
let server: TestServer;
let browser: Browser;
/** A decision with a signature block and a stated validity, as the store returns it. */
let decision: StoredDocument;
let context: BrowserContext | undefined;
/** Script errors and failed requests of the pages a test opened: each test ends with none. */
let problems: string[] = [];

beforeAll(async () => {
  index = await buildCorpusIndex(true, [CITED_DIRECTIVE]);
  decision = index.handle.store.getDocument(await ingestFormalDecision(index.handle))!;
  // Keys configured: the page must still work, since reading needs none.
  server = await startServer(index.handle, { apiKeys: ['secret'] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  index?.handle.close();
  index?.cleanup();
});

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  context ??= await browser.newContext({ locale: 'vi-VN', viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return page;
}

beforeEach(() => {
  problems = [];
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(problems).toEqual([]);
});

const documentId = (stem: string) => index.handle.store.listDocuments().find((d) => d.sources.some((s) => s.includes(stem)))!.id;
const directiveId = () => index.handle.store.documentsNumbered(['05-CT/TW'])[0]!;
const textOf = async (id: string): Promise<string> => (await call(server.base, `/api/documents/${id}`)).body.text;

/** Types a query into the search box and submits it with Enter, as a person would. */
async function searchFor(page: Page, q: string): Promise<void> {
  await page.getByLabel('Nội dung cần tìm').fill(q);
  await page.getByLabel('Nội dung cần tìm').press('Enter');
  await page.locator('#status:not(:text("Đang tìm"))').filter({ hasText: /\S/ }).waitFor();
}

/** The cited highlight's text, piece by piece, and whether its first piece is on screen and focused. */
async function citedHighlight(page: Page): Promise<{ text: string; inView: boolean; focused: boolean }> {
  await page.locator('mark.cited').first().waitFor();
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll('mark.cited')];
    const box = marks[0]!.getBoundingClientRect();
    return { text: marks.map((m) => m.textContent).join(''), inView: box.top >= 0 && box.bottom <= window.innerHeight, focused: document.activeElement === marks[0] };
  });
}

describe('the search page', () => {
  it('finds the right article for a query typed without diacritics and marks the query words', async () => {
    const page = await newPage();
    await page.goto(server.base + '/');
    await searchFor(page, 'sinh hoat chi bo');
    expect(new URL(page.url()).search).toBe('?q=sinh+hoat+chi+bo');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Tìm thấy 10 đoạn trích/);
    const first = page.locator('.result').first();
    expect(await first.locator('h3 a').getAttribute('href')).toMatch(new RegExp(`^/documents/${documentId(SEED.tccsd)}\\?start=\\d+&end=\\d+$`));
    const marks = await page.locator('.result mark').allTextContents();
    expect(marks.length).toBeGreaterThan(5);
    const words = new Set(['sinh', 'hoat', 'chi', 'bo']);
    for (const m of marks) for (const w of fold(m.toLowerCase()).split(/[\s-]+/)) expect(words, m).toContain(w);
    expect(marks).toContain('sinh hoạt chi bộ');
  });

  it('offers the query restored with its diacritics, shows its results, and searches as typed on request', async () => {
    const page = await newPage();
    await page.goto(server.base + '/');
    await searchFor(page, 'thuc hien duong loi, chu truong cua Dang');
    const box = page.locator('.suggestion');
    expect((await box.textContent())?.replace(/\s+/g, ' ')).toBe(
      'Có phải bạn muốn tìm: thực hiện đường lối, chủ trương của Đảng (kết quả dưới đây theo cách viết này)Tìm đúng như đã gõ: thuc hien duong loi, chu truong cua Dang',
    );
    expect(await page.locator('#status').textContent()).toMatch(/^Tìm thấy \d+ đoạn trích liên quan nhất đến “thực hiện đường lối, chủ trương của Đảng”/);
    // As typed: the same words without the restoration, kept in the URL.
    await page.getByRole('link', { name: 'thuc hien duong loi, chu truong cua Dang' }).click();
    await page.waitForURL((url) => url.searchParams.get('exact') === '1');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/“thuc hien duong loi, chu truong cua Dang”/);
    expect(await page.locator('.suggestion').count()).toBe(0);
    // The suggestion's link searches the restored spelling, which needs no suggestion.
    await page.goBack();
    await page.locator('.suggestion a.suggested').click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'thực hiện đường lối, chủ trương của Đảng');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Tìm thấy/);
    expect(await page.locator('.suggestion').count()).toBe(0);
    expect(await page.getByLabel('Nội dung cần tìm').inputValue()).toBe('thực hiện đường lối, chủ trương của Đảng');
  });

  it('shows the answer with [n] citations that open the document with exactly the cited sentence highlighted', async () => {
    const page = await newPage();
    await page.goto(server.base + '/?q=' + encodeURIComponent('sinh hoạt chi bộ'));
    const citations = page.locator('.answer a.citation');
    await citations.first().waitFor();
    expect(await citations.allTextContents()).toEqual(expect.arrayContaining(['[1]']));
    for (const text of await citations.allTextContents()) expect(text).toMatch(/^\[\d+\]$/);
    // The first result carries the badge of the answer's [1].
    expect(await page.locator('.result .badge').first().textContent()).toBe('[1]');

    const href = (await citations.first().getAttribute('href'))!;
    const [, id, start, end] = /^\/documents\/(\w+)\?start=(\d+)&end=(\d+)$/.exec(href)!;
    await citations.first().click();
    await page.waitForURL(`**${href}`);
    const highlight = await citedHighlight(page);
    expect(highlight.text).toBe((await textOf(id!)).slice(Number(start), Number(end)));
    expect(highlight.text.length).toBeGreaterThan(20);
    expect(highlight.inView).toBe(true);
    expect(highlight.focused).toBe(true);
    // The way back leads to the same results.
    await page.getByRole('link', { name: '← Quay lại kết quả tìm kiếm' }).click();
    await page.locator('.result').first().waitFor();
    expect(await page.getByLabel('Nội dung cần tìm').inputValue()).toBe('sinh hoạt chi bộ');
  });

  it('applies filters, keeps them in the URL through reload, a new tab and back/forward', async () => {
    const page = await newPage();
    await page.goto(server.base + '/');
    await searchFor(page, 'hoc tap va lam theo');
    const unfiltered = await page.locator('.result .meta').allTextContents();
    expect(unfiltered.some((m) => !m.startsWith('Chỉ thị'))).toBe(true);

    await page.getByLabel('Loại văn bản').selectOption('chỉ thị');
    await page.getByLabel('Khóa', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/kind=/);
    await expect.poll(async () => (await page.locator('.result .meta').allTextContents()).every((m) => m.startsWith('Chỉ thị · Số 05-CT/TW'))).toBe(true);
    const url = page.url();
    expect(new URL(url).searchParams.get('kind')).toBe('chỉ thị');
    expect(new URL(url).searchParams.get('term')).toBe('12');
    const shown = await page.locator('.result h3').allTextContents();

    for (const other of [page, await newPage()]) {
      if (other === page) await page.reload();
      else await other.goto(url);
      await other.locator('.result').first().waitFor();
      expect(await other.getByLabel('Nội dung cần tìm').inputValue()).toBe('hoc tap va lam theo');
      expect(await other.getByLabel('Loại văn bản').inputValue()).toBe('chỉ thị');
      expect(await other.getByLabel('Khóa', { exact: true }).inputValue()).toBe('12');
      expect(await other.locator('.result h3').allTextContents()).toEqual(shown);
    }

    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('kind='));
    await expect.poll(() => page.locator('.result .meta').allTextContents()).toEqual(unfiltered);
    expect(await page.getByLabel('Loại văn bản').inputValue()).toBe('');
    await page.goForward();
    await expect.poll(() => page.getByLabel('Loại văn bản').inputValue()).toBe('chỉ thị');
  });

  it('marks each result of a stated validity, and filters by validity through the URL', async () => {
    const label = STATUS_LABELS[decision.status!];
    const page = await newPage();
    await page.goto(server.base + '/');
    await searchFor(page, 'tiep cong dan');
    const ofDecision = page.locator('.result').filter({ has: page.locator(`h3 a[href^="/documents/${decision.id}?"]`) });
    expect(await ofDecision.first().locator('.meta .validity').textContent()).toBe(label);
    // Documents whose source states no validity carry no mark.
    const results = await page.locator('.result').count();
    expect(await page.locator('.result .validity').count()).toBeLessThan(results);

    await page.getByLabel('Tình trạng hiệu lực').selectOption(decision.status!);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/status=/);
    expect(new URL(page.url()).searchParams.get('status')).toBe(decision.status);
    await expect.poll(async () => {
      const marks = await page.locator('.result').evaluateAll((items) => items.map((li) => li.querySelector('.meta .validity')?.textContent ?? null));
      return marks.length > 0 && marks.every((m) => m === label);
    }).toBe(true);
    await page.reload();
    await page.locator('.result').first().waitFor();
    expect(await page.getByLabel('Tình trạng hiệu lực').inputValue()).toBe(decision.status);

    page.removeAllListeners('console'); // the 400 of the API call is expected here
    await page.goto(server.base + '/?q=x&status=expired');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Tình trạng hiệu lực không hợp lệ: hãy chọn một tình trạng trong danh sách.');
  });

  it('shows more results on request, in the URL, with the focus on the first new one', async () => {
    const page = await newPage();
    await page.goto(server.base + '/?q=' + encodeURIComponent('xây dựng Đảng'));
    await page.locator('.result').first().waitFor();
    expect(await page.locator('.result').count()).toBe(10);
    await page.getByRole('button', { name: 'Xem thêm kết quả' }).click();
    await expect.poll(() => page.locator('.result').count()).toBe(20);
    expect(new URL(page.url()).searchParams.get('k')).toBe('20');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('result-11');
  });

  it('says in Vietnamese when nothing relevant is found', async () => {
    const page = await newPage();
    await page.goto(server.base + '/');
    await searchFor(page, 'giá vàng SJC hôm nay');
    expect(await page.locator('#status').textContent()).toMatch(/^Không tìm thấy nội dung phù hợp với “giá vàng SJC hôm nay”/);
    expect(await page.locator('.answer').count()).toBe(0);
    await page.goto(server.base + '/?q=' + encodeURIComponent('sinh hoạt chi bộ') + '&term=X');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Không tìm thấy văn bản nào phù hợp với “sinh hoạt chi bộ” trong phạm vi bộ lọc đã chọn.');
    expect(await page.locator('.result').count()).toBe(0);
  });

  it('can be used with the keyboard alone, in a sensible order, with a visible focus', async () => {
    const page = await newPage();
    await page.goto(server.base + '/?q=' + encodeURIComponent('sinh hoạt chi bộ'));
    await page.locator('.result').first().waitFor();
    const order: string[] = [];
    for (let i = 0; i < 40 && !order.includes('result'); i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const name = el.id || (el.closest('.result') ? 'result' : el.closest('.answer') ? 'citation' : el.className || el.tagName);
        return { name, outline: getComputedStyle(el).outlineStyle };
      });
      if (order[order.length - 1] !== focus.name) order.push(focus.name);
      expect(focus.outline, `${focus.name} shows its focus`).not.toBe('none');
    }
    // The facet values (links, `A`) come between the filters and the answer.
    expect(order).toEqual(['skip-link', 'brand', 'q', 'BUTTON', 'kind', 'issuer', 'signer', 'term', 'from', 'to', 'validity', 'clear-filters', 'A', 'citation', 'result']);
  });
});

describe('query syntax and facets on the search page (issue 15, items 1 and 2)', () => {
  /** Each facet group's heading and its values as shown: `Chỉ thị (1)`. */
  const facetGroups = (page: Page) =>
    page.locator('#facets .facet').evaluateAll((groups) =>
      Object.fromEntries(groups.map((g) => [g.querySelector('h3')?.textContent ?? '', [...g.querySelectorAll('a')].map((a) => a.textContent?.replace(/\s+/g, ' ').trim() ?? '')])),
    );

  it('shows facet counts of every matching document, and a click adds that filter', async () => {
    const page = await newPage();
    await page.goto(server.base + '/');
    await searchFor(page, 'học tập và làm theo');
    const api = (await call(server.base, `/api/search?${new URLSearchParams({ q: 'học tập và làm theo', facets: 'kind,year' })}`)).body.facets;
    const groups = await facetGroups(page);
    expect(groups['Loại văn bản']).toEqual(api.kind.map((c: { value: string; count: number }) => `${c.value.charAt(0).toLocaleUpperCase('vi')}${c.value.slice(1)} (${c.count})`));
    expect(groups.Năm).toEqual(api.year.slice(0, 8).map((c: { value: string; count: number }) => `${c.value} (${c.count})`));

    await page.locator('#facets a', { hasText: 'Chỉ thị' }).click();
    await page.waitForURL(/kind=/);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('chỉ thị');
    expect(await page.getByLabel('Loại văn bản').inputValue()).toBe('chỉ thị');
    await expect.poll(async () => {
      const metas = await page.locator('.result .meta').allTextContents();
      return metas.length > 0 && metas.every((m) => m.startsWith('Chỉ thị'));
    }).toBe(true);
    // The kind is chosen now: its facet is not offered again; a year is, and sets both dates.
    await expect.poll(async () => Object.keys(await facetGroups(page))).not.toContain('Loại văn bản');
    await page.locator('#facets a', { hasText: '2016' }).click();
    await page.waitForURL(/from=/);
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe('01/01/2016');
    expect(await page.getByLabel('Đến ngày').inputValue()).toBe('31/12/2016');
    await page.goBack();
    await expect.poll(() => page.getByLabel('Từ ngày').inputValue()).toBe('');
  });

  it('searches an exact phrase without a word, and says in Vietnamese when a quote is left open', async () => {
    const page = await newPage();
    await page.goto(server.base + '/');
    await searchFor(page, '"sinh hoạt chi bộ" -"hằng tháng"');
    const passages = await page.locator('.result blockquote').allTextContents();
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) {
      expect(fold(p.toLowerCase())).toContain('sinh hoat chi bo');
      expect(fold(p.toLowerCase())).not.toContain('hang thang');
    }
    page.removeAllListeners('console'); // the 400 of the API call is expected here
    await searchFor(page, '"sinh hoạt chi bộ');
    expect(await page.locator('#status').textContent()).toMatch(/^Cú pháp tìm kiếm chưa đúng/);
    expect(await page.locator('#facets').textContent()).toBe('');
  });
});

describe('the document page', () => {
  it('shows the citation graph both ways and follows "Được dẫn chiếu bởi" to the citing sentence', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/documents/${directiveId()}`);
    const citedBy = page.getByRole('region', { name: 'Được dẫn chiếu bởi' });
    await citedBy.getByRole('link').first().waitFor();
    expect(await citedBy.getByRole('link').count()).toBe(2);
    expect(await page.getByRole('region', { name: 'Văn bản được dẫn chiếu' }).textContent()).toContain('Nghị quyết Trung ương 4 khóa XI (chưa có trong kho)');
    expect(await page.getByRole('navigation', { name: 'Mục lục' }).getByRole('link').allTextContents()).toContain('2. Nhiệm vụ trọng tâm');

    const link = citedBy.getByRole('link', { name: /Ban Dân tộc/ });
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    const [, start, end] = /\?start=(\d+)&end=(\d+)$/.exec(href)!;
    const highlight = await citedHighlight(page);
    expect(highlight.text).toBe((await textOf(documentId(SEED.banDanToc))).slice(Number(start), Number(end)));
    expect(highlight.text).toContain('Chỉ thị số 05-CT/TW');
    expect(highlight.inView).toBe(true);
    // And back along the other edge: the article's references link to the directive.
    const references = page.getByRole('region', { name: 'Văn bản được dẫn chiếu' });
    expect(await references.getByRole('link', { name: 'Chỉ thị 05-CT/TW' }).getAttribute('href')).toBe(`/documents/${directiveId()}`);
  });

  it('shows who signed it, in what position, on whose behalf, and its validity', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/documents/${decision.id}`);
    await page.locator('#metadata dt').first().waitFor();
    const rows = Object.fromEntries(
      await page.locator('#metadata > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent])),
    );
    expect(rows).toMatchObject({
      'Người ký': decision.signer,
      'Chức vụ người ký': decision.signerTitle,
      'Thay mặt': decision.onBehalfOf,
      'Tình trạng hiệu lực': STATUS_LABELS[decision.status!],
    });
    // The signer is the formal document's author: named once.
    if (decision.author === decision.signer) expect(rows['Tác giả']).toBeUndefined();
    expect(await page.locator('#metadata .validity').getAttribute('class')).toBe(`validity validity-${decision.status}`);
  });

  it('gives the text the whole width when the document has no outline, and a column beside it when it has one', async () => {
    const page = await newPage();
    const widths = async () =>
      page.evaluate(() => ({
        outline: !(document.getElementById('outline') as HTMLElement).hidden,
        text: document.querySelector('.document-text')!.getBoundingClientRect().width,
        layout: document.querySelector('.document-layout')!.getBoundingClientRect().width,
      }));
    // A short notice of plain paragraphs: no passage has a section, so there is no outline.
    const notice = 'Thông báo về lịch tiếp công dân của Đảng ủy phường trong tháng.\n\nĐảng ủy phường thông báo lịch tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại trụ sở, đề nghị các đồng chí bố trí thời gian tham dự đầy đủ.\n';
    const { documentId: flatId } = await ingestBytes(index.handle, Buffer.from(notice), 'thong-bao-lich-tiep.txt', 'upload:thong-bao-lich-tiep.txt');
    const flat = (await call(server.base, `/api/documents/${flatId}`)).body as { passages: { section: string | null }[] };
    expect(flat.passages.every((p) => !p.section)).toBe(true);
    await page.goto(`${server.base}/documents/${flatId}`);
    await page.locator('#text p').first().waitFor();
    const article = await widths();
    expect(article.outline).toBe(false);
    expect(article.text).toBeGreaterThan(article.layout - 1);
    await page.goto(`${server.base}/documents/${decision.id}`);
    await page.locator('#text p').first().waitFor();
    const decree = await widths();
    expect(decree.outline).toBe(true);
    expect(decree.text).toBeLessThan(decree.layout - 200);
  });

  it('says so for an unknown document and for offsets outside the text', async () => {
    const page = await newPage();
    page.removeAllListeners('console'); // the 404 of the API call is expected here
    await page.goto(`${server.base}/documents/nope`);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Không tìm thấy văn bản này trong kho. Có thể văn bản đã bị xóa.');
    await page.goto(`${server.base}/documents/${directiveId()}?start=10&end=999999`);
    await expect.poll(() => page.locator('#cited-notice').textContent()).toMatch(/^Vị trí trích dẫn trong địa chỉ không có trong văn bản này/);
    expect(await page.locator('mark.cited').count()).toBe(0);
  });

  it('is served with a content security policy that allows no inline script', async () => {
    const res = await fetch(`${server.base}/documents/${directiveId()}`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<h2 id="cited-by-heading">Được dẫn chiếu bởi</h2>');
  });
});

describe('the page gets the small things right (issue 14, item 12)', () => {
  it('hides "Xem thêm kết quả" on the empty page, on nothing found and at k=100', async () => {
    const page = await newPage();
    const more = page.getByRole('button', { name: 'Xem thêm kết quả' });
    await page.goto(server.base + '/');
    await page.locator('.examples').waitFor();
    expect(await more.isVisible()).toBe(false);
    await page.goto(server.base + '/?q=' + encodeURIComponent('sinh hoạt chi bộ') + '&term=X');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Không tìm thấy văn bản nào/);
    expect(await more.isVisible()).toBe(false);
    await page.goto(server.base + '/?q=' + encodeURIComponent('xây dựng Đảng') + '&k=100');
    await page.locator('.result').first().waitFor();
    expect(await more.isVisible()).toBe(false);
    await page.goto(server.base + '/?q=' + encodeURIComponent('xây dựng Đảng'));
    await page.locator('.result').first().waitFor();
    expect(await more.isVisible()).toBe(true);
  });

  it('numbers the results from [1], and the answer cites them by those numbers', async () => {
    const page = await newPage();
    for (const q of ['sinh hoạt chi bộ', 'xây dựng Đảng', 'chỉ thị 05 của Bộ Chính trị', 'kiểm tra giám sát']) {
      await page.goto(server.base + '/?q=' + encodeURIComponent(q));
      await page.locator('.result').first().waitFor();
      const badges = await page.locator('.result .badge').allTextContents();
      expect(badges, q).toEqual(badges.map((_, i) => `[${i + 1}]`));
      // Each [n] of the answer opens the passage of result n.
      for (const a of await page.locator('.answer a.citation').all()) {
        const n = Number((await a.textContent())!.slice(1, -1));
        const cited = new URL((await a.getAttribute('href'))!, server.base);
        const result = new URL((await page.locator(`#result-${n} h3 a`).getAttribute('href'))!, server.base);
        expect(cited.pathname, q).toBe(result.pathname);
        expect(Number(cited.searchParams.get('start')), q).toBeGreaterThanOrEqual(Number(result.searchParams.get('start')));
        expect(Number(cited.searchParams.get('end')), q).toBeLessThanOrEqual(Number(result.searchParams.get('end')));
      }
    }
  });

  it('shows the file name of a source, never where the server keeps it', async () => {
    const text = 'Thông báo kết luận của Thường trực Đảng ủy\n\nĐảng ủy khối thống nhất tổ chức hội nghị sơ kết công tác kiểm tra, giám sát sáu tháng đầu năm tại hội trường cơ quan.';
    const { documentId: id } = await ingestBytes(index.handle, Buffer.from(text), 'thong-bao-so-ket.txt', '/srv/du-lieu/noi-bo/thong-bao-so-ket.txt');
    const page = await newPage();
    await page.goto(`${server.base}/documents/${id}`);
    await page.locator('#metadata dt').first().waitFor();
    const rows = Object.fromEntries(
      await page.locator('#metadata > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent])),
    );
    expect(rows.Nguồn).toBe('thong-bao-so-ket.txt');
    expect(await page.locator('body').textContent()).not.toContain('/srv/');
  });

  it('shows and reads dates day first, in a browser of any locale', async () => {
    context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await page.goto(server.base + '/?q=' + encodeURIComponent('chi bộ') + '&from=2020-01-31');
    await page.locator('#status:not(:text("Đang tìm"))').filter({ hasText: /\S/ }).waitFor();
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe('31/01/2020');
    expect(await page.getByLabel('Từ ngày').getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await page.getByLabel('Đến ngày').fill('1/2/2021');
    await page.getByLabel('Nội dung cần tìm').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe('2021-02-01');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2020-01-31');
    // Something that is not a date is said so, in Vietnamese, and not searched.
    const before = page.url();
    await page.getByLabel('Đến ngày').fill('2021/31/12x');
    await page.getByLabel('Nội dung cần tìm').press('Enter');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Đến ngày: hãy viết ngày theo dạng ngày\/tháng\/năm/);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('to');
  });

  it('marks accent-exact for a query typed with accents', async () => {
    const page = await newPage();
    await page.goto(server.base + '/?q=' + encodeURIComponent('chi bộ'));
    await page.locator('.result').first().waitFor();
    const marks = await page.locator('.result mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(['chi bộ', 'chi', 'bộ'], m).toContain(m.toLowerCase());
  });
});

describe('typed relations and validity (issue 15, items 3 and 4)', () => {
  /** Two real directives, the later replacing the earlier (test/fixtures/relations). */
  const ids = { replaced: '', replacing: '' };
  beforeAll(async () => {
    await ingestPaths(index.handle, ['chi-thi-35-CT-TW.txt', 'chi-thi-45-CT-TW.txt'].map((f) => resolve('test/fixtures/relations', f)));
    index.handle.save();
    ids.replaced = index.handle.store.documentsNumbered(['35-CT/TW'])[0]!;
    ids.replacing = index.handle.store.documentsNumbered(['45-CT/TW'])[0]!;
  });

  it('draws the relation map with the document in the middle, follows its link, and quotes the stating sentence', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/documents/${ids.replaced}`);
    const map = page.getByRole('img', { name: /^Lược đồ quan hệ: 35-CT\/TW ở giữa, 1 văn bản liên quan/u });
    await map.waitFor();
    expect(await map.locator('.relation-center text').textContent()).toBe('35-CT/TW');
    expect(await map.locator('.relation-label').allTextContents()).toEqual(['thay thế']);
    // The edge points from the replacing directive to this one.
    expect(await map.locator('line.relation-in').count()).toBe(1);
    expect(await map.locator('line.relation-out').count()).toBe(0);
    // Validity: effective (the source states none), with what ended it.
    const status = await page.locator('#metadata > div', { hasText: 'Tình trạng hiệu lực' }).locator('dd').textContent();
    expect(status).toBe('Hết hiệu lực');
    expect(await page.locator('.validity-notice').textContent()).toMatch(/^Văn bản này đã hết hiệu lực từ 14\/04\/2025: được thay thế bởi 45-CT\/TW – CHỈ THỊ CỦA BỘ CHÍNH TRỊ/u);

    await map.getByRole('link', { name: /CHỈ THỊ CỦA BỘ CHÍNH TRỊ/u }).click();
    await page.waitForURL(`**/documents/${ids.replacing}`);
    const outgoing = page.locator('.relation-list', { hasText: 'Văn bản này đối với văn bản khác' });
    await outgoing.locator('li').first().waitFor();
    expect(await outgoing.locator('li .relation-type').allTextContents()).toEqual(['thay thế → ', 'thay thế → ']);
    expect(await outgoing.locator('li .relation-other').allTextContents()).toEqual(['35-CT/TW', '118-KL/TW (chưa có trong kho)']);
    expect(await outgoing.locator('li .relation-other').first().getAttribute('href')).toBe(`/documents/${ids.replaced}`);
    const sentence = outgoing.locator('blockquote a').first();
    const href = (await sentence.getAttribute('href'))!;
    await sentence.click();
    await page.waitForURL(`**${href}`);
    const [, start, end] = /\?start=(\d+)&end=(\d+)$/u.exec(href)!;
    const highlight = await citedHighlight(page);
    expect(highlight.text).toBe((await textOf(ids.replacing)).slice(Number(start), Number(end)));
    expect(highlight.text.startsWith('Chỉ thị này thay thế Chỉ thị số 35-CT/TW')).toBe(true);
  });

  it('marks an answer quoted from a directive no longer in force, naming what replaced it', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/?q=${encodeURIComponent('Bầu cấp ủy nhiệm kỳ 2025-2030')}&status=no-longer-in-force`);
    await page.locator('.answer-text').waitFor();
    expect(await page.locator('.answer-text .answer-validity').first().textContent()).toBe(' (văn bản đã hết hiệu lực, thay thế bởi 45-CT/TW)');
    expect(await page.locator('.result .validity').first().textContent()).toBe('Hết hiệu lực');
  });
});
