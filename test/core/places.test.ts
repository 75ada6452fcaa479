import { describe, expect, it } from 'vitest';
import { mentionsPlace, namedPlaces } from '../../src/core/places.js';

describe('namedPlaces', () => {
  it('finds provinces and cities a question names, accented or not', () => {
    expect(namedPlaces('Mức trợ cấp ngày công của dân quân tỉnh Bình Dương', true)).toEqual(['Bình Dương']);
    expect(namedPlaces('Điểm chuẩn tuyển sinh lớp 10 Hà Nội năm 2026', true)).toEqual(['Hà Nội']);
    expect(namedPlaces('Quyết định 2820/QĐ-UBND của Ủy ban nhân dân tỉnh Nghệ An', true)).toEqual(['Nghệ An']);
    expect(namedPlaces('diem chuan lop 10 Ha Noi', false)).toEqual(['Hà Nội']);
    expect(namedPlaces('tuyển sinh lớp 10 TP.HCM', true)).toEqual(['Hồ Chí Minh']);
  });

  it('takes only capitalised names: `hòa bình` (peace) is not Hòa Bình, `long an` not Long An', () => {
    expect(namedPlaces('bảo vệ hòa bình và ổn định khu vực', true)).toEqual([]);
    expect(namedPlaces('chuyển đổi số trong cơ quan Đảng', true)).toEqual([]);
    // Hồ Chí Minh alone is the person; the city has Thành phố / TP before it.
    expect(namedPlaces('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', true)).toEqual([]);
    expect(namedPlaces('Quy hoạch Thành phố Hồ Chí Minh đến năm 2030', true)).toEqual(['Hồ Chí Minh']);
  });
});

describe('mentionsPlace', () => {
  it('finds a province in a passage or title in any of its forms and any case', () => {
    expect(mentionsPlace('Mức trợ cấp ngày công lao động đối với lực lượng dân quân tỉnh Long An cũ', 'Bình Dương', true)).toBe(false);
    expect(mentionsPlace('Mức trợ cấp ngày công lao động đối với lực lượng dân quân tỉnh Long An cũ', 'Long An', true)).toBe(true);
    expect(mentionsPlace('Sở Giáo dục và Đào tạo TPHCM ban hành hướng dẫn tuyển sinh lớp 10', 'Hồ Chí Minh', true)).toBe(true);
    expect(mentionsPlace('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'Hà Nội', true)).toBe(true);
    expect(mentionsPlace('Tỉnh Thanh Hoá (cách viết cũ)', 'Thanh Hóa', true)).toBe(true);
  });
});
