import { describe, expect, it } from 'vitest';
import { characterErrorRate, levenshtein, normaliseForCer } from '../../src/eval/cer.js';

describe('characterErrorRate', () => {
  it('is Levenshtein over code points on NFC text with whitespace runs as one space', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    // Decomposed `ư` + tone compares equal to the composed letter.
    expect(normaliseForCer('Tập  trung\n'.normalize('NFD'))).toBe('Tập trung');
    const r = characterErrorRate('Tập ưung  vào\nĐiều L', 'Tập trung vào Điều 1');
    expect(r.edits).toBe(3);
    expect(r.referenceChars).toBe(20);
  });

  it('aligns long texts on anchors and counts the same edits as the exact distance', () => {
    const sentence = (i: number) => `Khoản ${i} quy định mức phạt tiền từ ${i}00.000 đồng đối với hành vi vi phạm số ${i}.`;
    const ref = Array.from({ length: 300 }, (_, i) => sentence(i)).join(' ');
    const hyp = ref.replace('mức phạt tiền từ 100.000', 'mức phat tiền tù 100.000').replace('hành vi vi phạm số 200.', 'hành vỉ vi phạm số 200.');
    expect(characterErrorRate(hyp, ref).edits).toBe(3);
  });

  it('with clip, measures a scan of part of a document against that part only', () => {
    const sentence = (i: number) => `Điều ${i}. Nội dung thứ ${i} của văn bản được quy định như sau đây.`;
    const ref = Array.from({ length: 100 }, (_, i) => sentence(i)).join(' ');
    const part = Array.from({ length: 20 }, (_, i) => sentence(i + 40)).join(' ');
    const r = characterErrorRate(part, ref, { clip: true });
    expect(r.edits).toBe(0);
    expect(r.referenceChars).toBe(part.length);
    expect(r.clippedChars).toBe(ref.length - part.length);
  });
});
