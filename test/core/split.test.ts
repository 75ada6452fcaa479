import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { wordCount } from '../../src/core/normalize.js';
import { splitSentences } from '../../src/core/sentences.js';
import { DEFAULT_SPLIT, headingLevel, itemLabel, splitPassages } from '../../src/core/split.js';
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

  it.each([
    ['1. Xác định vị trí, vai trò', 1],
    ['3.2. Gắn công tác cán bộ', 2],
    ['II. Nhiệm vụ và giải pháp', 0],
    ['a) Về chính trị', 3],
    ['Tăng cường công tác kiểm tra, giám sát', 1],
    ['- Ban Chấp hành đảng bộ', null],
    ['Câu này kết thúc bằng dấu chấm.', null],
  ])('headingLevel(%s) = %s', (line, level) => expect(headingLevel(line)).toBe(level));
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

  it.each([
    ['Một là, đổi mới công tác giáo dục chính trị tư tưởng. Nội dung tiếp.', 'Một là, đổi mới công tác giáo dục chính trị tư tưởng'],
    ['Thứ nhất, Chi bộ lãnh đạo xây dựng và thực hiện có hiệu quả các nhiệm vụ, công tác công tác chuyên môn của Cơ quan theo đúng đường lối.', 'Thứ nhất, Chi bộ lãnh đạo xây dựng và thực hiện có…'],
    ['Hai: nội dung', null],
    ['Năm 2020, chi bộ đã', null],
  ])('itemLabel(%s)', (paragraph, label) => expect(itemLabel(paragraph)).toBe(label));

  it('never runs a passage across a top-level heading, and merges a tiny section under its parent', () => {
    const para = (n: number) => `Nội dung đoạn văn số ${n} nói về công tác xây dựng Đảng ở cơ sở và nâng cao chất lượng đảng viên.`;
    const text = ['1. Phần thứ nhất', para(1), '1.1. Mục nhỏ', para(2), '2. Phần thứ hai', para(3), para(4)].join('\n');
    const passages = splitPassages(text);
    expect(passages.map((p) => p.section)).toEqual(['1. Phần thứ nhất', '2. Phần thứ hai']);
    expect(passages[0]!.text).toContain('1.1. Mục nhỏ');
  });
});
