import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { detectFormat } from '../../src/ingest/detect-format.js';
import { readMarkdown } from '../../src/ingest/read-markdown.js';
import { extractText } from '../../src/ingest/read-document.js';
import { SHARED_DIR } from '../support/fixtures.js';

const ARTICLES = join(SHARED_DIR, 'corpus', 'party-web-articles');
const articles = readdirSync(ARTICLES).filter((n) => n.endsWith('.md')).sort();
const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).join('');
/** Link and image addresses are markup, not content. */
const withoutAddresses = (md: string) => md.replace(/\]\((?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?\)/gu, ']');

describe('Markdown', () => {
  it('is its own format, told by the extension', () => {
    expect(detectFormat(Buffer.from('# Tiêu đề\n\nNội dung.'), 'bai-viet.md')).toBe('md');
    expect(detectFormat(Buffer.from('# Tiêu đề\n\nNội dung.'), 'bai-viet.txt')).toBe('txt');
  });

  it('keeps headings on lines of their own with their marks, and drops emphasis, link and image markup', () => {
    const md = [
      '## Phát huy vai trò **nêu gương** ##',
      '',
      'Thực hiện [Quy định số 08-QĐi/TW](https://tulieuvankien.dangcongsan.vn/a.html "Quy định") của _Ban Chấp hành_ Trung ương,',
      'xem ![Ảnh hội nghị](https://x.vn/a.jpg) và <https://dangcongsan.vn>.',
      '* Một là, **tăng cường',
      'kiểm tra**; __Hai là__ (*) giữ 2*3 và snake_case và 0283 _ 0906.',
      '> Trích: \\*không phải nhấn mạnh\\*',
      '[1]: https://example.vn/nguon',
      '#hashtag',
    ].join('\n');
    expect(readMarkdown(md)).toBe(
      [
        '## Phát huy vai trò nêu gương',
        '',
        'Thực hiện Quy định số 08-QĐi/TW của Ban Chấp hành Trung ương,',
        'xem Ảnh hội nghị và https://dangcongsan.vn.',
        '- Một là, tăng cường',
        'kiểm tra; Hai là (*) giữ 2*3 và snake_case và 0283 _ 0906.',
        'Trích: *không phải nhấn mạnh*',
        '',
        '#hashtag',
      ].join('\n'),
    );
  });

  it('keeps table rows one line each and blanks lines of bars and delimiter rows', () => {
    const md = ['| Trưởng ban | **Lương Cường** |', '|---|:---:|', '| Ủy viên | 15 ủy viên |', '| | Tỉnh | |||', '|', '**ỦY BAN NHÂN', 'DÂN **', '|', '|'].join('\n');
    expect(readMarkdown(md)).toBe(['| Trưởng ban | Lương Cường |', '', '| Ủy viên | 15 ủy viên |', '|  | Tỉnh |', '', 'ỦY BAN NHÂN', 'DÂN'].join('\n'));
  });

  it('gives an article its headline as title, never with `# `', async () => {
    const md = '# Đại hội Chi bộ nhiệm kỳ 2025 – 2027\n\nNgày 12/3/2025, Chi bộ đã tổ chức thành công Đại hội nhiệm kỳ 2025 – 2027 với sự tham dự của toàn thể đảng viên. Đại hội đã đánh giá kết quả thực hiện nghị quyết nhiệm kỳ trước và đề ra phương hướng, nhiệm vụ cho nhiệm kỳ mới.';
    const { format, text } = await extractText(Buffer.from(md), 'dai-hoi.md');
    const doc = prepareDocument(text, format);
    expect(doc.format).toBe('md');
    expect(doc.title).toBe('Đại hội Chi bộ nhiệm kỳ 2025 – 2027');
    expect(doc.text.startsWith('# Đại hội Chi bộ')).toBe(true);
    for (const p of doc.passages) expect(p.section ?? '').not.toMatch(/^#/u);
  });

  it(`keeps every letter of all ${articles.length} party-web-articles extracts, in order`, () => {
    expect(articles.length).toBeGreaterThan(800);
    const lost: string[] = [];
    for (const name of articles) {
      const md = readFileSync(join(ARTICLES, name), 'utf8');
      const out = readMarkdown(md);
      if (letters(out) !== letters(withoutAddresses(md))) lost.push(name);
      // No emphasis marks on words nor heading marks survive (`(**)` notes and `10**3` stay).
      expect(out, name).not.toMatch(/\*\*\p{L}|\p{L}\*\*/mu);
    }
    expect(lost).toEqual([]);
  });

  it('ingests the messy extracts: titles without markup, no line of bars only', async () => {
    for (const name of articles.slice(0, 120)) {
      const { format, text } = await extractText(readFileSync(join(ARTICLES, name)), name);
      expect(format).toBe('md');
      expect(text).not.toMatch(/^\s*\|[\s|]*$/mu);
      let doc: ReturnType<typeof prepareDocument>;
      try {
        doc = prepareDocument(text, format);
      } catch {
        continue; // an extract with no content is refused; that is the product's rule, not this test's subject
      }
      if (doc.title) expect(doc.title, name).not.toMatch(/^#|\*\*/u);
    }
  }, 60_000);
});
