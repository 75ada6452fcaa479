import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/core/normalize.js';
import {
  citedNumbers,
  evaluateMetadata,
  fieldMatches,
  METADATA_FIELDS,
  parseMetadataSet,
  readLabeled,
  scoreMetadata,
  type MetadataLabel,
} from '../../src/eval/metadata-eval.js';
import type { PreparedDocument } from '../../src/core/types.js';

/** A Party conclusion as a clerk types it: letterhead, number, place and date, title block, two sections, signature. */
const CONCLUSION = `BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 99-KL/TW

ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 12 tháng 9 năm 2022

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về tiếp tục đổi mới công tác đào tạo, bồi dưỡng cán bộ cấp cơ sở

I- ĐÁNH GIÁ TÌNH HÌNH

Sau 5 năm thực hiện Nghị quyết số 26-NQ/TW và Chỉ thị số 05-CT/TW của Bộ Chính trị, công tác đào tạo, bồi dưỡng cán bộ cấp cơ sở đã có nhiều chuyển biến; đội ngũ cán bộ cơ sở được nâng lên về trình độ, năng lực, bản lĩnh chính trị, đáp ứng tốt hơn yêu cầu nhiệm vụ. Tuy nhiên, chất lượng đào tạo ở một số nơi còn hạn chế.

II- NHIỆM VỤ, GIẢI PHÁP

Các cấp ủy tiếp tục đổi mới nội dung, chương trình, phương pháp đào tạo, bồi dưỡng theo Quy định số 50-QĐ/TW; gắn đào tạo với quy hoạch và sử dụng cán bộ; tăng cường kiểm tra, giám sát việc thực hiện ở cơ sở.

T/M BỘ CHÍNH TRỊ
Võ Văn Thưởng
`;

let dir: string;
let doc: PreparedDocument;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'metadata-eval-'));
  writeFileSync(join(dir, 'ket-luan.txt'), CONCLUSION);
  // A ZIP header and nothing else: no adapter can read it.
  writeFileSync(join(dir, 'hong.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
  const outcome = await readLabeled(label({ file: 'ket-luan.txt' }), dir);
  if (!outcome.doc) throw new Error(`the product could not read the test document: ${outcome.error}`);
  doc = outcome.doc;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function label(over: Partial<MetadataLabel>): MetadataLabel {
  const base = Object.fromEntries(METADATA_FIELDS.map((f) => [f, null])) as Record<(typeof METADATA_FIELDS)[number], null>;
  return { file: 'ket-luan.txt', formal: true, references: [], referencesComplete: true, ...base, ...over };
}

/** A label with every field as the product read it, written as a person might: folded, lower case, spaced. */
function rightLabel(): MetadataLabel {
  const loose = (v: string | null) => (v === null ? null : `  ${fold(v).toLowerCase().replace(/ /g, '   ')} `);
  return label({
    kind: doc.kind,
    number: doc.number,
    date: doc.date,
    term: doc.term,
    status: doc.status,
    title: loose(doc.title),
    issuer: loose(doc.issuer),
    author: loose(doc.author),
    signer: loose(doc.signer),
    signerTitle: loose(doc.signerTitle),
    onBehalfOf: loose(doc.onBehalfOf),
    references: citedNumbers(doc),
  });
}

describe('fieldMatches', () => {
  it('folds names and titles, ignoring case, spacing, Ủy/Uỷ and a closing full stop', () => {
    expect(fieldMatches('issuer', 'Ủy ban nhân dân Thành phố Hồ Chí Minh', 'UỶ BAN NHÂN DÂN  THÀNH PHỐ\nHỒ CHÍ MINH')).toBe(true);
    expect(fieldMatches('title', 'V/v tuyên truyền chủ trương.', 'V/V TUYÊN TRUYỀN CHỦ TRƯƠNG')).toBe(true);
    expect(fieldMatches('signer', 'Trần Cẩm Tú', 'Trần Cẩm')).toBe(false);
  });

  it('compares dates, terms, kinds and numbers exactly, and null only with null', () => {
    expect(fieldMatches('date', '2025-11-19', '2025-11-19')).toBe(true);
    expect(fieldMatches('date', '2025-11-19', '2025-11-18')).toBe(false);
    expect(fieldMatches('term', 'XIII', 'xiii')).toBe(false);
    expect(fieldMatches('number', '06/QĐ-TTg', '06/QĐ-TTG')).toBe(false);
    expect(fieldMatches('term', null, null)).toBe(true);
    expect(fieldMatches('term', null, 'XIII')).toBe(false);
    expect(fieldMatches('issuer', 'Bộ Chính trị', null)).toBe(false);
  });
});

describe('parseMetadataSet', () => {
  it('reads labels, defaults referencesComplete to true, and names the bad line', () => {
    const set = parseMetadataSet(
      [
        '// comment',
        JSON.stringify({ file: 'a.md', formal: false, title: 'Bài', references: ['22-NQ/TW'] }),
        '',
        JSON.stringify({ file: 'b.md', formal: true, number: '1/KH-UBND', references: [], referencesComplete: false }),
      ].join('\n'),
    );
    expect(set.map((l) => [l.file, l.title, l.number, l.referencesComplete])).toEqual([
      ['a.md', 'Bài', null, true],
      ['b.md', null, '1/KH-UBND', false],
    ]);
    expect(() => parseMetadataSet('{"file":"a.md","formal":true,"references":"x"}', 'set.jsonl')).toThrow(/set\.jsonl:1: "references"/);
    expect(() => parseMetadataSet('\n{"file":"a.md"', 'set.jsonl')).toThrow(/set\.jsonl:2: not JSON/);
  });
});

describe('scoreMetadata', () => {
  it('gives right values full marks and wrong ones none, per field and per group', () => {
    const wrong = { ...rightLabel(), title: 'Một tiêu đề khác', date: '1999-01-01', number: '1/1999/NĐ-CP', formal: false };
    const report = scoreMetadata([
      { label: rightLabel(), doc },
      { label: wrong, doc },
    ]);
    expect(report.all.documents).toBe(2);
    for (const f of METADATA_FIELDS) {
      const expected = f === 'title' || f === 'date' || f === 'number' ? 1 : 2;
      expect(report.all.fields[f], f).toEqual({ correct: expected, total: 2 });
    }
    expect(report.formal.fields.title).toEqual({ correct: 1, total: 1 });
    expect(report.articles.fields.title).toEqual({ correct: 0, total: 1 });
    expect(report.misses.filter((m) => m.file === 'ket-luan.txt').map((m) => m.field).sort()).toEqual(['date', 'number', 'title']);
    expect(report.misses.find((m) => m.field === 'date')).toMatchObject({ expected: '1999-01-01', got: doc.date });
  });

  it('counts reference recall always, and false references only where the list is complete', () => {
    const cited = citedNumbers(doc);
    expect(cited.length).toBeGreaterThanOrEqual(2);
    expect(cited).not.toContain(doc.number);
    const listed = [cited[0]!, cited[1]!, '999-NQ/TW'];
    const report = scoreMetadata([
      { label: label({ references: listed }), doc },
      { label: label({ references: listed, referencesComplete: false, formal: false }), doc },
    ]);
    expect(report.all.references).toEqual({ expected: 6, found: 4 });
    expect(report.all.falseReferences).toEqual({ count: cited.length - 2, documents: 1 });
    expect(report.articles.falseReferences).toEqual({ count: 0, documents: 0 });
    expect(report.misses.filter((m) => m.field === 'references').map((m) => m.expected)).toEqual(['999-NQ/TW', '999-NQ/TW']);
  });

  it('measures passages under a heading for formal documents whose text has headings', () => {
    const report = scoreMetadata([
      { label: label({}), doc },
      { label: label({ formal: false }), doc },
    ]);
    expect(report.headings.documents).toBe(1);
    expect(report.headings.passages).toBe(doc.passages.length);
    expect(report.headings.underHeading).toBe(doc.passages.filter((p) => p.section !== null).length);
  });
});

describe('evaluateMetadata', () => {
  it('reads files through the ingest path and lists an unreadable one as a miss in every field', async () => {
    const labels = [rightLabel(), label({ file: 'hong.docx', number: '5/2024/NĐ-CP', references: ['1/2020/NĐ-CP'] })];
    const report = await evaluateMetadata(labels, dir);
    expect(report.unreadable.map((u) => u.file)).toEqual(['hong.docx']);
    expect(report.unreadable[0]!.error).toMatch(/\S/);
    for (const f of METADATA_FIELDS) expect(report.all.fields[f], f).toEqual({ correct: 1, total: 2 });
    const cited = citedNumbers(doc).length;
    expect(report.all.references).toEqual({ expected: cited + 1, found: cited });
    expect(report.all.falseReferences).toEqual({ count: 0, documents: 1 });
    expect(report.misses.some((m) => m.file === 'hong.docx' && m.field === 'read')).toBe(true);
  });
});
