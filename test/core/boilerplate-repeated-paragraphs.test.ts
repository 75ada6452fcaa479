/**
 * Bug: consecutive identical paragraphs were dropped from the stored text (`if (line === lastNonEmpty) continue`),
 * so a report repeating a pledge 2, 3 and 6 times was stored once and the three files were linked as one document,
 * and a 120-row form shrank to one row. Only a web extract's doubled bold headline is furniture.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../src/core/boilerplate.js';
import { toStoredText } from '../../src/core/normalize.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { SHARED_DIR } from '../support/fixtures.js';

const DIR = resolve('test/fixtures/repeated-paragraphs');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const PLEDGE = 'Đảng viên cam kết tham gia sinh hoạt chi bộ định kỳ tại nơi cư trú, thực hiện đầy đủ nhiệm vụ đảng viên theo Quy định của Ban Chấp hành Trung ương về công tác đảng viên.';
const count = (text: string, part: string) => text.split(part).length - 1;

describe('repeated paragraphs are content', () => {
  it('keeps every copy of a repeated pledge, so reports repeating it 2, 3 and 6 times are three documents', () => {
    const docs = ['rep2.txt', 'rep3.txt', 'rep6.txt'].map((f) => prepareDocument(read(f), 'txt'));
    expect(docs.map((d) => count(d.text, PLEDGE))).toEqual([2, 3, 6]);
    expect(new Set(docs.map((d) => d.id)).size).toBe(3);
    for (const d of docs) for (const p of d.passages) expect(d.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('keeps every row of a form whose rows are identical', () => {
    const raw = read('phieu-dang-ky-3.txt');
    const row = raw.split('\n')[0] ?? '';
    expect(row.length).toBeGreaterThan(500);
    const doc = prepareDocument(raw, 'txt');
    expect(count(raw, 'Họ và tên đảng viên:')).toBe(3);
    for (const part of ['Họ và tên đảng viên:', 'Nơi cư trú:', 'Xác nhận của chi ủy chi bộ nơi đảng viên sinh hoạt.']) expect(count(doc.text, part)).toBe(3);
  });

  it('keeps both copies of a doubled markdown table row', () => {
    const table = '| Tháng | Nhiệt độ |\n|---|---|\n| Xã Việt Lâm | 24.3 |\n| Xã Việt Lâm | 24.3 |';
    expect(count(removeBoilerplate(table), '| Xã Việt Lâm | 24.3 |')).toBe(2);
  });

  it("still drops a legal portal's doubled bold headline, keeping one copy", () => {
    const raw = toStoredText(readFileSync(join(SHARED_DIR, 'corpus/party-web-articles/9a715fb32fa2cc03.md'), 'utf8'));
    const headline = 'Toàn văn Quyết định 126/QĐ-BCĐCP triển khai nhiệm vụ trọng tâm theo Nghị quyết 71, 57, Đề án 06 và Kế hoạch 02 ra sao?';
    expect(count(raw, `**${headline}**`)).toBe(2);
    const clean = removeBoilerplate(raw);
    expect(clean.split('\n').filter((l) => l === headline)).toHaveLength(1);
  });

  it("keeps one copy of a page's doubled emphasised subheadings and items, where the caption rule dropped both", () => {
    const cleaned = (id: string) => removeBoilerplate(toStoredText(readFileSync(join(SHARED_DIR, `corpus/party-web-articles/${id}.md`), 'utf8'))).split('\n');
    const court = cleaned('5b6409a96e1c1937');
    for (const heading of ['*Về Thẩm phán*', '*Về đổi mới tổ chức bộ máy của Tòa án*', 'Về Hội thẩm (Chương VI)']) {
      expect(court.filter((l) => l === heading)).toHaveLength(1);
    }
    const pensions = cleaned('2da4c0a6d9a84b80');
    expect(pensions.filter((l) => l.startsWith('*1. Trường hợp có tuổi đời dưới 02 năm'))).toHaveLength(1);
  });
});
