import { describe, expect, it } from 'vitest';
import { centralTermAt, documentTerm, enactingTerm, isCentralPartyBody } from '../../src/core/party-terms.js';

describe('documentTerm', () => {
  it('gives central Party bodies the term in force at the date', () => {
    expect(centralTermAt('2021-01-31')).toBe('XII');
    expect(centralTermAt('2021-02-01')).toBe('XIII');
    expect(centralTermAt('2026-01-23')).toBe('XIV');
    expect(centralTermAt('1999-01-01')).toBeNull();
    expect(documentTerm({ bodyTerm: null, number: '09-HD/BTCTW', issuer: 'Ban Tổ chức Trung ương', date: '2024-04-18' })).toBe('XIII');
    expect(documentTerm({ bodyTerm: null, number: '05-CT/TW', issuer: 'Bộ Chính trị', date: '2016-05-15' })).toBe('XII');
  });

  it('takes the body line term, then the National Assembly suffix, else nothing', () => {
    expect(documentTerm({ bodyTerm: 'XVII', number: '05-NQ/TU', issuer: 'Tỉnh ủy Đắk Lắk', date: '2023-03-02' })).toBe('XVII');
    expect(documentTerm({ bodyTerm: null, number: '33/2024/QH15', issuer: 'Quốc hội', date: '2024-06-21' })).toBe('XV');
    expect(documentTerm({ bodyTerm: null, number: '15-NQ/HU', issuer: 'Huyện ủy Phú Lộc', date: '2023-03-20' })).toBeNull();
    expect(documentTerm({ bodyTerm: null, number: '2820/QĐ-UBND', issuer: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', date: '2025-11-19' })).toBeNull();
  });

  it('knows the central bodies', () => {
    for (const b of ['Ban Chấp hành Trung ương', 'Bộ Chính trị', 'Ban Bí thư', 'Ban Tổ chức Trung ương', 'Ủy ban Kiểm tra Trung ương', 'Văn phòng Trung ương Đảng']) expect(isCentralPartyBody(b)).toBe(true);
    for (const b of ['Tỉnh ủy Đắk Lắk', 'Chính phủ', 'Ban Thường vụ Đảng ủy xã An Phú']) expect(isCentralPartyBody(b)).toBe(false);
  });
});

describe('enactingTerm', () => {
  it('reads the term of the enacting line that closes a resolution, wrapped or not', () => {
    // Hà Nội HĐND resolutions of 26 and 27 November 2025 (thuvienphapluat extracts, hard-wrapped).
    expect(enactingTerm('2. Nghị quyết số 20/2022/NQ-HĐND hết hiệu lực.\n*Nghị quyết được Hội đồng nhân dân thành phố Hà Nội\nkhóa XVI, kỳ họp 28 thông qua ngày 26 tháng 11 năm 2025./.*')).toBe('XVI');
    expect(enactingTerm('*Nghị quyết này đã được Hội đồng nhân dân thành\nphố Hà Nội khoá XVI, kỳ họp thứ 28 thông qua ngày 27 tháng 11 năm 2025./.*')).toBe('XVI');
    expect(enactingTerm('Nghị quyết này đã được Hội đồng nhân dân tỉnh Đồng Tháp Khóa X, Kỳ họp thứ 4 thông qua ngày 14 tháng 11 năm 2025 và có hiệu lực từ ngày thông qua.')).toBe('X');
    expect(enactingTerm('*Nghị quyết này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, Kỳ họp bất thường lần thứ 9, thông qua ngày 19 tháng 02 năm 2025.*')).toBe('XV');
  });

  it('does not read a cited law or resolution', () => {
    expect(enactingTerm('[37] - Lệnh về việc công bố 8 Luật đã được Quốc hội khóa XV thông qua tại Kỳ họp thứ 5: Luật giá; Luật phòng thủ dân sự.')).toBeNull();
    expect(enactingTerm('Căn cứ Nghị quyết số 20/2022/NQ-HĐND đã được Hội đồng nhân dân Thành phố khóa XV thông qua ngày 12 tháng 9 năm 2022;')).toBeNull();
  });

  it('ranks after the body line and before the National Assembly suffix', () => {
    expect(documentTerm({ bodyTerm: null, enactedTerm: 'XVI', number: '05/2025/NQ-HĐND', issuer: 'Hội đồng nhân dân Thành phố Hà Nội', date: '2025-11-26' })).toBe('XVI');
    expect(documentTerm({ bodyTerm: 'XVII', enactedTerm: 'XVI', number: null, issuer: null, date: null })).toBe('XVII');
  });
});
