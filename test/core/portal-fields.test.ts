import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPortalFields, statusOf } from '../../src/core/portal-fields.js';
import { textLines } from '../../src/core/text-lines.js';
import { SHARED_DIR } from '../support/fixtures.js';

describe('readPortalFields', () => {
  it('reads a legal portal field table with values on their own lines', () => {
    const text = 'hủy bỏ\n\nSố hiệu:\n\n55/2025/NQ-HĐND\n\nLoại văn bản:\n\nNghị quyết\n\nNơi ban hành:\n\nThành phố Hà Nội\n\nNgười ký:\n\nPhùng Thị Hồng Hà\n\nNgày ban hành:\n\n26/11/2025\n\nNgày hiệu lực:\n\nĐã biết\n\nTình trạng:\n\nĐã biết\n\nHỘI ĐỒNG NHÂN DÂN';
    const fields = readPortalFields(textLines(text))!;
    expect(fields).toMatchObject({ number: '55/2025/NQ-HĐND', kindWords: 'Nghị quyết', issuedBy: 'Thành phố Hà Nội', signer: 'Phùng Thị Hồng Hà', date: '2025-11-26', status: null });
    expect(text.slice(fields.start, fields.end).startsWith('Số hiệu:')).toBe(true);
    expect(text.slice(fields.end)).toBe('\n\nHỘI ĐỒNG NHÂN DÂN');
  });

  it('reads a table with leftover Markdown marks from a real page', () => {
    const page = readFileSync(join(SHARED_DIR, 'corpus', 'party-web-articles', '0d99145eee8ac0ff.md'), 'utf8');
    expect(readPortalFields(textLines(page))).toMatchObject({ number: '10988/BNV-CQĐP', kindWords: 'Công văn', issuedBy: 'Bộ Nội vụ', signer: 'Trương Hải Long', date: '2025-11-21' });
  });

  it('maps Tình trạng to a status', () => {
    expect(readPortalFields(textLines('Số hiệu: 19/2023/NĐ-CP\nTình trạng: Hết hiệu lực một phần'))!.status).toBe('partly-in-force');
    expect(statusOf('Còn hiệu lực')).toBe('in-force');
    expect(statusOf('Chưa có hiệu lực')).toBe('not-yet-in-force');
    expect(statusOf('Hết hiệu lực toàn bộ')).toBe('no-longer-in-force');
    expect(statusOf('Đang cập nhật')).toBeNull();
  });

  it('is null without a Số hiệu field', () => expect(readPortalFields(textLines('Ngày ban hành: 26/11/2025\nNội dung.'))).toBeNull());
});
