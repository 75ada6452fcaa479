import { describe, expect, it } from 'vitest';
import { clauseLabel, clauseRange, headingLevel, headingOf, itemLabel } from '../../src/core/headings.js';

describe('headingLevel', () => {
  it.each([
    ['1. Xác định vị trí, vai trò', 1],
    ['3.2. Gắn công tác cán bộ', 2],
    ['II. Nhiệm vụ và giải pháp', 0],
    ['a) Về chính trị', 3],
    ['Tăng cường công tác kiểm tra, giám sát', 1],
    ['- Ban Chấp hành đảng bộ', null],
    ['Câu này kết thúc bằng dấu chấm.', null],
  ])('headingLevel(%s) = %s', (line, level) => expect(headingLevel(line)).toBe(level));

  it.each([
    ['Chương II', -3],
    ['CHƯƠNG I ĐẢNG VIÊN', -3],
    ['Mục 1. VI PHẠM QUY TẮC GIAO THÔNG ĐƯỜNG BỘ', -2],
    ['Điều 5. Phạm vi điều chỉnh', -1],
    ['PHẦN THỨ HAI', -4],
    ['I- TÌNH HÌNH', 0],
    ['Chương trình hành động của Chính phủ', 1],
    ['Mục 1 của Điều này quy định', 1],
    ['Điều 33 Nghị định này;', null],
  ])('headingLevel(%s) = %s', (line, level) => expect(headingLevel(line)).toBe(level));
});

describe('headingOf', () => {
  it('reads a Markdown heading, legal or not', () => {
    expect(headingOf('## Nhiệm vụ')).toEqual({ level: -8, text: 'Nhiệm vụ' });
    expect(headingOf('### Chương II QUY ĐỊNH CỤ THỂ')).toEqual({ level: -3, text: 'Chương II QUY ĐỊNH CỤ THỂ' });
    expect(headingOf('Câu này kết thúc bằng dấu chấm.')).toBeNull();
  });
});

describe('itemLabel', () => {
  it.each([
    ['Một là, đổi mới công tác giáo dục chính trị tư tưởng. Nội dung tiếp.', 'Một là, đổi mới công tác giáo dục chính trị tư tưởng'],
    ['Thứ nhất, Chi bộ lãnh đạo xây dựng và thực hiện có hiệu quả các nhiệm vụ, công tác công tác chuyên môn của Cơ quan theo đúng đường lối.', 'Thứ nhất, Chi bộ lãnh đạo xây dựng và thực hiện có…'],
    ['Hai: nội dung', null],
    ['Năm 2020, chi bộ đã', null],
  ])('itemLabel(%s)', (paragraph, label) => expect(itemLabel(paragraph)).toBe(label));
});

describe('clauseLabel', () => {
  it.each([
    ['1. Phạt tiền từ 200.000 đồng', 'khoản 1'],
    ['2a. Hộ kinh doanh phải đăng ký', 'khoản 2a'],
    ['đ) Tổ chức chính trị - xã hội', 'điểm đ'],
    ['Phạt tiền đối với người', null],
  ])('clauseLabel(%s)', (line, label) => expect(clauseLabel(line)?.text ?? null).toBe(label));

  it.each([
    ['khoản 1', 'khoản 3', 'khoản 1–3'],
    ['khoản 1–2', 'khoản 4', 'khoản 1–4'],
    ['điểm d', 'điểm g', 'điểm d–g'],
    ['điểm c', 'điểm đ', 'điểm c–đ'],
    ['khoản 5', 'khoản 2', 'khoản 5'],
  ])('clauseRange(%s, %s) = %s', (first, last, range) => expect(clauseRange(first, last)).toBe(range));
});
