import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { wordCount } from '../../src/core/normalize.js';
import { splitSentences } from '../../src/core/sentences.js';
import { DEFAULT_SPLIT, splitPassages } from '../../src/core/split.js';
import type { PreparedDocument } from '../../src/core/types.js';
import { corpusFiles, readCorpusFile, SEED, SHARED_DIR } from '../support/fixtures.js';

/**
 * Every passage slices the stored text exactly and starts and ends on sentence edges, except inside a run-on
 * "sentence" longer than a whole passage (tables, reference lists), which may only be cut between clauses.
 */
function checkPassages(doc: PreparedDocument): void {
  const spans = splitSentences(doc.text);
  const runOn = (pos: number) =>
    spans.some((s) => s.start < pos && pos < s.end && wordCount(doc.text.slice(s.start, s.end)) > DEFAULT_SPLIT.maxWords);
  const starts = new Set(spans.map((s) => s.start));
  const ends = new Set(spans.map((s) => s.end));
  let previousEnd = 0;
  for (const p of doc.passages) {
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = p.end;
    expect(starts.has(p.start) || runOn(p.start), `passage ${p.ordinal} starts mid-sentence`).toBe(true);
    expect(ends.has(p.end) || runOn(p.end), `passage ${p.ordinal} ends mid-sentence`).toBe(true);
  }
}

describe('splitPassages on the bundled corpus', () => {
  for (const file of corpusFiles()) {
    it(`cuts ${file.split('/').pop()} at sentence edges with exact offsets and sensible sizes`, () => {
      const doc = prepareDocument(readFileSync(file, 'utf8'), 'txt');
      checkPassages(doc);
      const sizes = doc.passages.map((p) => wordCount(p.text));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(DEFAULT_SPLIT.maxWords * 1.2);
      // Most passages are in the 80–250 word band; short ones are whole short sections.
      expect(sizes.filter((n) => n >= 40).length / sizes.length).toBeGreaterThan(0.7);
    });
  }

  it('carries the section path of numbered headings', () => {
    const doc = prepareDocument(readCorpusFile(`${SEED.phoiHop}.txt`), 'txt');
    const sections = doc.passages.map((p) => p.section);
    expect(sections).toContain('5. Một số kinh nghiệm');
    expect(sections.some((s) => s?.startsWith('1. Xác định vị trí') && s.includes(' › 1.2. Phát huy vai trò'))).toBe(true);
  });

  it('uses short title-like lines as headings', () => {
    const doc = prepareDocument(readCorpusFile(`${SEED.banCanSu}.txt`), 'txt');
    expect(doc.passages.map((p) => p.section)).toContain('Tăng cường công tác kiểm tra, giám sát');
  });
});

describe('splitPassages on 881 real web extracts', () => {
  const dir = join(SHARED_DIR, 'corpus', 'party-web-articles');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  it('keeps exact offsets and sentence edges in every passage', () => {
    expect(files.length).toBeGreaterThan(800);
    let passages = 0;
    for (const f of files) {
      let doc: PreparedDocument;
      try {
        doc = prepareDocument(readFileSync(join(dir, f), 'utf8'), 'txt');
      } catch {
        continue;
      }
      checkPassages(doc);
      passages += doc.passages.length;
    }
    expect(passages).toBeGreaterThan(files.length);
  });
});

describe('splitPassages edge cases', () => {
  it('cuts one huge paragraph between sentences', () => {
    const sentence = 'Cấp ủy các cấp tăng cường kiểm tra, giám sát việc thực hiện nghị quyết của Đảng ở cơ sở.';
    const text = Array.from({ length: 60 }, () => sentence).join(' ');
    const passages = splitPassages(text);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.endsWith('.')).toBe(true);
      expect(wordCount(p.text)).toBeLessThanOrEqual(DEFAULT_SPLIT.maxWords);
    }
  });

  it('cuts run-on text without sentence ends at clause breaks', () => {
    const text = Array.from({ length: 700 }, (_, i) => `mục${i},`).join(' ');
    const passages = splitPassages(text);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

});

describe('structure-aware sections', () => {
  it('opens a sub-section at each enumerated item', () => {
    const doc = prepareDocument(readCorpusFile(`${SEED.tccsd}.txt`), 'txt');
    const labels = doc.passages.map((p) => p.section ?? '');
    for (const marker of ['Một là', 'Hai là', 'Ba là', 'Bốn là', 'Năm là', 'Sáu là', 'Bảy là', 'Tám là']) {
      expect(labels.filter((l) => l.startsWith(marker))).toHaveLength(1);
    }
    const item = doc.passages.find((p) => p.section?.startsWith('Bảy là'))!;
    expect(item.text.startsWith('Bảy là, tiếp tục thực hiện các giải pháp đồng bộ')).toBe(true);
  });

  it('never runs a passage across a top-level heading, and merges a tiny section under its parent', () => {
    const para = (n: number) => `Nội dung đoạn văn số ${n} nói về công tác xây dựng Đảng ở cơ sở và nâng cao chất lượng đảng viên.`;
    const text = ['1. Phần thứ nhất', para(1), '1.1. Mục nhỏ', para(2), '2. Phần thứ hai', para(3), para(4)].join('\n');
    const passages = splitPassages(text);
    expect(passages.map((p) => p.section)).toEqual(['1. Phần thứ nhất', '2. Phần thứ hai']);
    expect(passages[0]!.text).toContain('1.1. Mục nhỏ');
  });
});

describe('legal structure: Phần, Chương, Mục, Điều, khoản, điểm', () => {
  // Nghị định 100/2019/NĐ-CP as its browser-printed PDF reads (../shared/corpus/decrees/nd100_2019.pdf).
  const decree = [
    'Chương II',
    'HÀNH VI VI PHẠM, HÌNH THỨC, MỨC XỬ PHẠT VÀ BIỆN PHÁP KHẮC PHỤC HẬU QUẢ',
    'VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC GIAO THÔNG ĐƯỜNG BỘ',
    'Mục 1. VI PHẠM QUY TẮC GIAO THÔNG ĐƯỜNG BỘ',
    'Điều 5. Xử phạt người điều khiển xe ô tô và các loại xe tương tự xe ô tô vi phạm quy tắc giao thông đường bộ',
    '1. Phạt tiền từ 200.000 đồng đến 400.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây:',
    'a) Không chấp hành hiệu lệnh, chỉ dẫn của biển báo hiệu, vạch kẻ đường, trừ các hành vi vi phạm quy định tại điểm a, điểm d, điểm g, điểm h, điểm i, điểm k khoản 2;',
    'b) Chuyển hướng không nhường quyền đi trước cho: Người đi bộ, xe lăn của người khuyết tật qua đường tại nơi có vạch kẻ đường dành cho người đi bộ; xe thô sơ đang đi trên phần đường dành cho xe thô sơ;',
    'c) Chuyển hướng không nhường đường cho: Các xe đi ngược chiều; người đi bộ, xe lăn của người khuyết tật đang qua đường tại nơi không có vạch kẻ đường cho người đi bộ;',
    '2. Phạt tiền từ 400.000 đồng đến 600.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây:',
    'a) Chuyển làn đường không đúng nơi cho phép hoặc không có tín hiệu báo trước hoặc chuyển làn đường không đúng quy định “mỗi lần chuyển làn đường chỉ được phép chuyển sang một làn đường liền kề”;',
    'b) Điều khiển xe chạy tốc độ thấp hơn các xe khác đi cùng chiều mà không đi về bên phải phần đường xe chạy, trừ trường hợp các xe khác đi cùng chiều chạy quá tốc độ quy định;',
    'Điều 6. Xử phạt người điều khiển xe mô tô, xe gắn máy vi phạm quy tắc giao thông đường bộ',
    '1. Phạt tiền từ 100.000 đồng đến 200.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây:',
    'a) Không chấp hành hiệu lệnh, chỉ dẫn của biển báo hiệu, vạch kẻ đường;',
  ].join('\n\n');

  it('nests article, khoản and điểm under chapter and section, with a chapter title read over two lines', () => {
    const sections = splitPassages(decree).map((p) => p.section);
    const chapter = 'Chương II. HÀNH VI VI PHẠM, HÌNH THỨC, MỨC XỬ PHẠT VÀ BIỆN PHÁP KHẮC PHỤC HẬU QUẢ VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC GIAO THÔNG ĐƯỜNG BỘ';
    const article5 = `${chapter} › Mục 1. VI PHẠM QUY TẮC GIAO THÔNG ĐƯỜNG BỘ › Điều 5. Xử phạt người điều khiển xe ô tô và các loại xe tương tự xe ô tô vi phạm quy tắc giao thông đường bộ`;
    expect(sections).toContain(`${article5} › khoản 1`);
    expect(sections).toContain(`${article5} › khoản 2`);
    expect(sections.some((s) => s?.includes('› Điều 6. Xử phạt người điều khiển xe mô tô'))).toBe(true);
    // A passage never runs across an article.
    for (const p of splitPassages(decree)) expect(p.text.includes('Điều 6.') && p.text.includes('1. Phạt tiền từ 200.000')).toBe(false);
  });

  it('labels the điểm a passage starts at and the last one it runs into', () => {
    const points = Array.from({ length: 12 }, (_, i) => `${'abcdeghiklmn'[i]}) Hành vi vi phạm thứ ${i + 1} của người điều khiển phương tiện tham gia giao thông trên đường bộ trong khu vực đô thị, khu dân cư, nơi có biển báo hạn chế tốc độ;`);
    const text = ['Điều 5. Xử phạt người điều khiển xe', '1. Phạt tiền đối với một trong các hành vi vi phạm sau đây:', ...points].join('\n');
    const sections = splitPassages(text, 0, { minWords: 40, maxWords: 100 }).map((p) => p.section);
    expect(sections[0]).toBe('Điều 5. Xử phạt người điều khiển xe › khoản 1');
    // A passage over several points names them all: `điểm d–g`.
    expect(sections.slice(1).every((s) => /^Điều 5\. Xử phạt người điều khiển xe › khoản 1 › điểm [a-zđ]–[a-zđ]$/u.test(s ?? ''))).toBe(true);
  });

  it('names the khoản a passage runs over', () => {
    const text = [
      'Điều 4. Hiệu lực thi hành',
      '1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2020.',
      '2. Nghị định số 46/2016/NĐ-CP ngày 26 tháng 5 năm 2016 của Chính phủ hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.',
      '3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị định này.',
    ].join('\n\n');
    expect(splitPassages(text).map((p) => p.section)).toEqual(['Điều 4. Hiệu lực thi hành › khoản 1–3']);
  });

  it('keeps a quoted amended article inside the amending clause (Nghị định 123/2021/NĐ-CP)', () => {
    const text = [
      'Điều 1. Sửa đổi, bổ sung, bãi bỏ một số điều của Nghị định số 142/2017/NĐ-CP ngày 11 tháng 12 năm 2017 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực hàng hải',
      '30. Bổ sung Điều 58d vào sau Điều 58c như sau:',
      '“Điều 58d. Vi phạm quy định về quản lý, kiểm soát nước dằn, cặn nước dằn của tàu thuyền',
      '1. Phạt tiền từ 90.000.000 đồng đến 100.000.000 đồng đối với mỗi hành vi vi phạm sau đây:',
      'a) Không thực hiện chế độ bơm xả nước dằn tàu theo quy định và chỉ dẫn của Cảng vụ hàng hải;',
      '2. Biện pháp khắc phục hậu quả: Buộc thực hiện những biện pháp khắc phục ô nhiễm môi trường tại khoản 1 Điều này.”.',
      '31. Bổ sung Điều 58đ vào sau Điều 58d như sau:',
      '“Điều 58đ. Vi phạm quy định về nhận chìm',
      '1. Phạt tiền từ 90.000.000 đồng đến 100.000.000 đồng đối với mỗi hành vi vi phạm sau đây:”.',
    ].join('\n\n');
    const sections = splitPassages(text, 0, { minWords: 10, maxWords: 60 }).map((p) => p.section ?? '');
    expect(sections.every((s) => s.startsWith('Điều 1. Sửa đổi, bổ sung, bãi bỏ'))).toBe(true);
    expect(sections.some((s) => s.endsWith('› khoản 30'))).toBe(true);
    expect(sections.some((s) => s.endsWith('› khoản 31'))).toBe(true);
    expect(sections.some((s) => s.includes('Điều 58d') || s.includes('khoản 2'))).toBe(false);
  });

  it('reads an article title on the next line, Roman headings with a dash, Markdown headings, and Phần', () => {
    const para = 'Nội dung của phần này nói về công tác xây dựng Đảng ở cơ sở và nâng cao chất lượng sinh hoạt chi bộ.';
    const sections = splitPassages(['PHẦN THỨ NHẤT', 'ĐÁNH GIÁ TÌNH HÌNH', 'I- KẾT QUẢ ĐẠT ĐƯỢC', para, '## Nhiệm vụ', para, 'Điều 5.', 'Phạm vi điều chỉnh', para].join('\n')).map((p) => p.section);
    expect(sections).toEqual(['PHẦN THỨ NHẤT. ĐÁNH GIÁ TÌNH HÌNH › I- KẾT QUẢ ĐẠT ĐƯỢC', 'Nhiệm vụ', 'Nhiệm vụ › Điều 5. Phạm vi điều chỉnh']);
  });

  it('keeps footnotes apart and skips legal-portal field rows', () => {
    const para = 'Các cấp ủy, tổ chức đảng tổ chức quán triệt, triển khai thực hiện nghiêm túc Kết luận này và báo cáo kết quả thực hiện[1].';
    const text = ['Số hiệu:', '221-KL/TW', 'Loại văn bản:', 'Kết luận', 'Điều 1. Tổ chức thực hiện', para, '[1] Công văn số 7415/BNV-CCVC ngày 31/8/2025 của Bộ Nội vụ về phương án bảo đảm nhân sự.', para].join('\n');
    const passages = splitPassages(text, 0, { minWords: 10, maxWords: 250 });
    expect(passages.map((p) => p.section)).toEqual(['Điều 1. Tổ chức thực hiện', 'Chú thích', 'Điều 1. Tổ chức thực hiện']);
    expect(passages.every((p) => !p.text.includes('Số hiệu') && !p.text.includes('221-KL/TW'))).toBe(true);
  });

  it('keeps a footnote wrapped over several lines together (Công văn 10988/BNV-CQĐP)', () => {
    const para = 'thay thế Nghị định số 54/2018/NĐ-CP ngày 16/4/2018) [1], phục vụ Nhân dân[2]; Bộ Nội vụ trân trọng cảm ơn Quý cơ quan.';
    const text = [para, '[1] Hồ sơ dự thảo', 'Nghị định hướng dẫn việc lấy ý kiến Nhân dân về thành lập, giải thể, nhập,', 'chia, điều chỉnh địa giới gửi Bộ Tư pháp thẩm định.', '[2] Bộ Chính trị,', 'Ban Bí thư đã có Kết luận số 212-KL/TW ngày 18/11/2025.'].join('\n');
    const passages = splitPassages(text, 0, { minWords: 4, maxWords: 250 });
    expect(passages.map((p) => p.section)).toEqual([null, 'Chú thích', 'Chú thích']);
    expect(passages[1]!.text).toBe('[1] Hồ sơ dự thảo\nNghị định hướng dẫn việc lấy ý kiến Nhân dân về thành lập, giải thể, nhập,\nchia, điều chỉnh địa giới gửi Bộ Tư pháp thẩm định.');
  });

  it("does not take an explainer's numbered sub-heading for a footnote", () => {
    const text = ['Dự thảo Nghị quyết bảng giá đất gồm 03 Điều kèm theo bản Quy định, cụ thể như sau:', '[1] Tại Dự thảo Nghị quyết', '- Điều 1 quy định về việc ban hành Quy định Bảng giá đất lần đầu.', '[2] Tại Quy định bảng giá đất', '- Bảng giá quy định tại [1], [4] và [5].'].join('\n');
    expect(splitPassages(text, 0, { minWords: 4, maxWords: 250 }).map((p) => p.section)).not.toContain('Chú thích');
  });

  it('never cuts inside a table row', () => {
    const row = `| 1 | ${'Chi bộ tổ chức sinh hoạt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, '.repeat(20)}| Đạt |`;
    const passages = splitPassages(['Kết quả thực hiện', row, '| 2 | Chi bộ khác | Đạt |'].join('\n'));
    expect(passages.some((p) => p.text.startsWith('| 1 |') && p.text.includes('| Đạt |'))).toBe(true);
  });

});

describe('sections of formal documents in the shared corpus', () => {
  it('puts at least 95% of passages of formal web extracts under a real heading', () => {
    const dir = join(SHARED_DIR, 'corpus', 'party-web-articles');
    let passages = 0;
    let underHeading = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const raw = readFileSync(join(dir, f), 'utf8');
      if (!/^(\*\*)?(Điều \d+\.|Chương [IVX]+|CHƯƠNG [IVX]+)/mu.test(raw)) continue;
      const doc = prepareDocument(raw, 'txt');
      passages += doc.passages.length;
      underHeading += doc.passages.filter((p) => p.section !== null).length;
    }
    expect(passages).toBeGreaterThan(500);
    expect(underHeading / passages).toBeGreaterThanOrEqual(0.95);
  });
});
