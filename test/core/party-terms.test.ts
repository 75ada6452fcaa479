import { describe, expect, it } from 'vitest';
import { centralTermAt, documentTerm, isCentralPartyBody } from '../../src/core/party-terms.js';

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
