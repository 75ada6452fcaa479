import { describe, expect, it } from 'vitest';
import { diversify, type Candidate } from '../../src/core/diversify.js';

const c = (key: number, documentId: string, text: string): Candidate => ({ key, score: 1 / key, documentId, text });

describe('diversify', () => {
  it('drops a near-identical passage from another document', () => {
    const text = 'Bảy là, tiếp tục thực hiện các giải pháp đồng bộ, quyết liệt để nâng cao chất lượng sinh hoạt chi bộ.';
    const out = diversify([c(1, 'a', text), c(2, 'b', `${text} `), c(3, 'b', 'Một nội dung khác hẳn về công tác kiểm tra.')], 10, new Set());
    expect(out.map((x) => x.key)).toEqual([1, 3]);
  });

  it('holds a document to its share of places, then fills with what was held back', () => {
    const ranked = [1, 2, 3, 4, 5].map((k) => c(k, 'a', `đoạn số ${k} của văn bản a`)).concat([c(6, 'b', 'văn bản b')]);
    expect(diversify(ranked, 4, new Set(), 3).map((x) => x.key)).toEqual([1, 2, 3, 6]);
    expect(diversify(ranked, 6, new Set(), 3).map((x) => x.key)).toEqual([1, 2, 3, 6, 4, 5]);
  });

  it('lets a document the query names fill every place', () => {
    const ranked = [1, 2, 3, 4, 5].map((k) => c(k, 'a', `đoạn số ${k} của văn bản a`)).concat([c(6, 'b', 'văn bản b')]);
    expect(diversify(ranked, 4, new Set(['a']), 3).map((x) => x.key)).toEqual([1, 2, 3, 4]);
  });
});
