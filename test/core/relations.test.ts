import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { findRelations, type Relation } from '../../src/core/relations.js';
import { extractText } from '../../src/ingest/read-document.js';
import { SHARED_DIR } from '../support/fixtures.js';

// Real documents of ../shared/corpus, prepared as the store keeps them: relations are read from the stored text.
const ARTICLES = join(SHARED_DIR, 'corpus', 'party-web-articles');
const DECREES = join(SHARED_DIR, 'corpus', 'decrees');

function article(name: string): { text: string; relations: Relation[] } {
  const doc = prepareDocument(readFileSync(join(ARTICLES, name), 'utf8'), 'md');
  return { text: doc.text, relations: findRelations(doc.text, doc.number) };
}

async function decree(name: string): Promise<{ text: string; relations: Relation[] }> {
  const { text: extracted, format } = await extractText(readFileSync(join(DECREES, name)), name);
  const doc = prepareDocument(extracted, format);
  return { text: doc.text, relations: findRelations(doc.text, doc.number) };
}

const brief = (relations: Relation[]) => relations.map((r) => [r.type, r.sourceNumber, r.targetNumber]);

/** Every relation's sentence and target slice the stored text exactly. */
function expectExactOffsets({ text, relations }: { text: string; relations: Relation[] }): void {
  for (const r of relations) {
    expect(text.slice(r.start, r.end)).toBe(r.sentence);
    expect(r.start <= r.targetStart && r.targetEnd <= r.end).toBe(true);
  }
}

describe('findRelations on real documents', () => {
  it('căn cứ: the opening lines of Quy định 384-QĐ/TW (Ban Bí thư, 2025), one per cited document, wrapped lines too', () => {
    const doc = article('ca9ba61fc61bf961.md');
    expectExactOffsets(doc);
    const basis = doc.relations.filter((r) => r.type === 'based-on');
    expect(basis.map((r) => r.targetNumber)).toEqual([
      '57-NQ/TW', '204-QĐ/TW', '333-QĐ/TW', '379-QĐ/TW', '05-QĐ/BCĐTW', '137/2024/NĐ-CP', '01/2024/NĐ-CP', '53/2022/NĐ-CP',
      '165/2025/NĐ-CP', '1562/QĐ-TTg', '214/NQ-CP', '278/2025/NĐ-CP',
    ]);
    expect(basis.every((r) => r.sourceNumber === null && r.sentence.startsWith('- Căn cứ'))).toBe(true);
    // A line cut in the source (a blank line in the stored text) goes on to the line that ends it.
    expect(basis[5]!.sentence).toBe(
      '- Căn cứ Nghị định số 137/2024/NĐ-CP, ngày\n\n23/10/2024 của Chính phủ quy định về giao dịch điện tử của cơ quan nhà nước và hệ thống thông tin phục vụ giao dịch điện tử;',
    );
    // `quy định chi tiết một số điều … của Luật An ninh mạng` inside a Căn cứ line names no number: no guides relation.
    expect(doc.relations.some((r) => r.type === 'guides')).toBe(false);
  });

  it('căn cứ: Quyết định 2639/QĐ-TTg (2025) is based on a Party resolution and on Quốc hội resolutions', () => {
    const doc = article('24c6583aa4c3280a.md');
    expectExactOffsets(doc);
    expect(brief(doc.relations.filter((r) => r.type === 'based-on'))).toEqual([
      ['based-on', null, '60-NQ/TW'],
      ['based-on', null, '160/2024/QH15'],
      ['based-on', null, '196/2025/QH15'],
      ['based-on', null, '76/2025/UBTVQH15'],
      ['based-on', null, '374/NQ-CP'],
    ]);
  });

  it('quy định chi tiết: a resolution of Hà Nội and a government task, each read with its subject', () => {
    const hanoi = article('5aa2a5e70fa7c1b3.md');
    expectExactOffsets(hanoi);
    expect(brief(hanoi.relations)).toEqual([['guides', '71/2025/NQ-HĐND', '188/2025/QH15']]);
    // `Trường hợp các văn bản … được sửa đổi, bổ sung hoặc thay thế` is a condition, not an amendment.
    expect(hanoi.relations.some((r) => r.type === 'amends' || r.type === 'replaces')).toBe(false);
    const ordinance = article('33e373079b036b22.md');
    expect(brief(ordinance.relations)).toEqual([['guides', null, '06/2025/UBTVQH15']]);
    expect(ordinance.relations[0]!.sentence).toBe('(5) Chính phủ quy định chi tiết điểm a và điểm b khoản 1 Điều 17 Pháp lệnh 06/2025/UBTVQH15.');
  });

  it('sửa đổi, bổ sung: Nghị định 123/2021/NĐ-CP amends three decrees, in part', async () => {
    const doc = await decree('ND123-2021.docx');
    expectExactOffsets(doc);
    const amends = doc.relations.filter((r) => r.type === 'amends');
    expect(amends.map((r) => r.targetNumber)).toEqual(['142/2017/NĐ-CP', '100/2019/NĐ-CP', '162/2018/NĐ-CP']);
    expect(amends.every((r) => r.partial && r.sourceNumber === null)).toBe(true);
    expect(amends[1]!.sentence).toMatch(/^Sửa đổi, bổ sung, bãi bỏ một số điều của Nghị định số 100\/2019\/NĐ-CP ngày 30 tháng 12 năm 2019/u);
  });

  it('sửa đổi, bổ sung: Nghị định 168/2024/NĐ-CP amends 100/2019/NĐ-CP, which 123/2021/NĐ-CP had amended (the passive)', async () => {
    const doc = await decree('ND168-2024.docx');
    expectExactOffsets(doc);
    expect(brief(doc.relations.filter((r) => r.type === 'amends'))).toEqual([
      ['amends', null, '100/2019/NĐ-CP'],
      ['amends', '123/2021/NĐ-CP', '100/2019/NĐ-CP'],
    ]);
  });

  it('sửa đổi, bổ sung: a news item says Nghị định 235/2025/NĐ-CP amends 45/2012/NĐ-CP', () => {
    const doc = article('894ca738f4ae87d1.md');
    expect(brief(doc.relations.filter((r) => r.type === 'amends'))).toEqual([['amends', '235/2025/NĐ-CP', '45/2012/NĐ-CP']]);
  });

  it('thay thế: `Chỉ thị này thay thế Chỉ thị số 35-CT/TW` (Chỉ thị 45-CT/TW) and `Quy định này thay thế Quy định số 124-QĐ/TW`', () => {
    const directive = article('9ec4020fad86e30d.md');
    expectExactOffsets(directive);
    const replaced = directive.relations.filter((r) => r.type === 'replaces');
    // The clause goes on after `;` with the conclusion that had amended 35-CT/TW, which is replaced as well.
    expect(brief(replaced)).toEqual([
      ['replaces', null, '35-CT/TW'],
      ['replaces', null, '118-KL/TW'],
    ]);
    expect(replaced[0]!.sentence.startsWith('Chỉ thị này thay thế Chỉ thị số 35-CT/TW, ngày 14/6/2024')).toBe(true);
    expect(directive.text.slice(replaced[0]!.targetStart, replaced[0]!.targetEnd)).toBe('Chỉ thị số 35-CT/TW, ngày 14/6/2024');
    const regulation = article('9ce9dc5ec2da73ac.md');
    expect(brief(regulation.relations.filter((r) => r.type === 'replaces'))).toEqual([
      ['replaces', null, '124-QĐ/TW'],
      // A later sentence of the same page names the replacing regulation and the date it applies from.
      ['replaces', '366-QĐ/TW', '124-QĐ/TW'],
    ]);
    expect(regulation.relations.find((r) => r.sourceNumber === '366-QĐ/TW')!.since).toBe('2025-08-30');
  });

  it('thay thế: one HĐND resolution replacing another, named first in the sentence', () => {
    expect(brief(article('0a84660bd9b985dd.md').relations)).toEqual([['replaces', '81/2025/NQ-HĐND', '46/2024/NQ-HĐND']]);
  });

  it('hết hiệu lực / bãi bỏ: whole, from a date; and part of a document (`Điều 9 …`, `Điều 52 …`)', () => {
    const whole = article('01e2944c3b71fd89.md');
    expectExactOffsets(whole);
    expect(whole.relations).toMatchObject([{ type: 'repeals', sourceNumber: null, targetNumber: '42/2017/QH14', partial: false, since: '2024-01-01' }]);
    expect(whole.relations[0]!.sentence).toBe('Và Nghị quyết 42/2017/QH14 hết hiệu lực từ ngày 01/01/2024.');
    const article9 = article('66cb75bafa4984eb.md');
    expect(article9.relations.filter((r) => r.type === 'repeals')).toMatchObject([{ targetNumber: '193/2025/QH15', partial: true }]);
    const article52 = article('894ca738f4ae87d1.md');
    expect(article52.relations.filter((r) => r.type === 'repeals')).toMatchObject([{ targetNumber: '146/2025/NĐ-CP', partial: true, since: '2025-10-15' }]);
  });

  it('thực hiện: a government action programme (282/NQ-CP) and a line opening `Thực hiện Kết luận số 210-KL/TW`', () => {
    const programme = article('4f853f2ad42c9c1d.md');
    expectExactOffsets(programme);
    expect(brief(programme.relations.filter((r) => r.type === 'carries-out'))).toContainEqual(['carries-out', '282/NQ-CP', '72-NQ/TW']);
    const letter = article('65c9ecb9e2fa82c1.md');
    expect(brief(letter.relations.filter((r) => r.type === 'carries-out'))).toEqual([['carries-out', null, '210-KL/TW']]);
  });

  it('reads no carrying out from an article reporting what a ministry will do, nor a repeal from a question', () => {
    // `Bộ Nội vụ sẽ tập trung đôn đốc … thực hiện …` (1c8baf73ddbfcf9d) and `Lý do bãi bỏ lương cơ sở … theo Nghị quyết 27` (b10c4fdc697b9fca).
    expect(article('1c8baf73ddbfcf9d.md').relations.filter((r) => r.type === 'carries-out')).toEqual([]);
    expect(article('b10c4fdc697b9fca.md').relations.filter((r) => r.type === 'repeals')).toEqual([]);
  });

  it('never takes the document’s own number as a target', () => {
    const text = 'Nghị định này thay thế Nghị định số 100/2019/NĐ-CP và Nghị định số 168/2024/NĐ-CP.';
    expect(brief(findRelations(text, '168/2024/NĐ-CP'))).toEqual([['replaces', null, '100/2019/NĐ-CP']]);
  });
});
