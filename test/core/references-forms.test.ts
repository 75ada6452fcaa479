import { describe, expect, it } from 'vitest';
import { canonicalNumber, findReferences } from '../../src/core/references.js';

// Regression: the metadata development set counted these as false references (their written form was altered).
describe('numbers keep their written form', () => {
  it.each([
    ['Chương trình hành động số 10-CTr/TU của Tỉnh ủy', '10-CTr/TU'],
    ['Công văn số 9086/BNV-CTTN&BĐG ngày 08 tháng 10 năm 2025 của Bộ trưởng Bộ Nội vụ', '9086/BNV-CTTN&BĐG'],
    ['Định hướng sáp nhập tỉnh theo Kết luận 126/KL-TW?', '126-KL/TW'],
  ])('%s', (text, number) => {
    expect(findReferences(text).map((r) => r.number)).toContain(number);
  });

  it('canonicalises only case and the Party order', () => {
    expect(canonicalNumber('10-CTR/TU')).toBe('10-CTR/TU');
    expect(canonicalNumber('10-CTr/TU')).toBe('10-CTr/TU');
    expect(canonicalNumber('22/2024/TT-BGDDT')).toBe('22/2024/TT-BGDĐT');
  });
});
