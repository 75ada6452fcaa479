import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { readHtml } from '../../src/ingest/read-html.js';
import { SHARED_DIR } from '../support/fixtures.js';

describe('readHtml', () => {
  const page = readFileSync(new URL('../fixtures/news-article.html', import.meta.url), 'utf8');

  it('keeps the article of a news page and drops its furniture', () => {
    const text = readHtml(page);
    expect(text.startsWith('Nâng cao chất lượng lãnh đạo của Đảng bộ xã, thị trấn ở huyện Gò Công Tây')).toBe(true);
    expect(text).toContain('Đảng ta luôn coi công tác xây dựng Đảng là công tác cực kỳ quan trọng');
    expect(text).toContain('Tác giả bài viết: Đồng chí Phạm Nguyễn Hoàng Vũ');
    for (const furniture of ['Trang chủ', 'Tin liên quan số', 'Tìm kiếm', 'Bản quyền thuộc', 'window.dataLayer', 'font-family', 'Xem nhiều nhất']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('keeps headings and paragraphs on lines of their own, so passages get sections', () => {
    const doc = prepareDocument(readHtml(page), 'html');
    expect(doc.title).toBe('Nâng cao chất lượng lãnh đạo của Đảng bộ xã, thị trấn ở huyện Gò Công Tây trong giai đoạn hiện nay');
    expect(doc.date).toBe('2022-02-02');
    expect(doc.passages.some((p) => p.section?.startsWith('1/ Nâng cao chất lượng lãnh đạo'))).toBe(true);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('reads the real government home page without its navigation', () => {
    const html = readFileSync(join(SHARED_DIR, 'corpus', 'html', 'vpcp.chinhphu.vn_homepage_saved.html'), 'utf8');
    const text = readHtml(html);
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toMatch(/<script|function\s*\(|\{\s*display/);
  });

  it('refuses a page with no content', () => {
    expect(() => readHtml('<html><head><title>x</title></head><body><nav><a href="/">Trang chủ</a></nav></body></html>')).toThrow(/no readable main content/);
  });

  it('survives malformed markup', () => {
    const text = readHtml('<html><body><div><p>Nghị quyết của Đảng về công tác cán bộ trong tình hình mới<p>Đoạn thứ hai chưa đóng thẻ<div></body>');
    expect(text).toContain('Nghị quyết của Đảng về công tác cán bộ');
  });
});
