import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { isStatementPassage, statementPassageIndex } from '../../src/core/statement-passage.js';

const passagesOf = (file: string) => prepareDocument(readFileSync(file, 'utf8'), 'txt').passages;

describe('the passage that states a document’s content', () => {
  it('skips an editor’s note before the body', () => {
    const passages = passagesOf('test/fixtures/nghi-quyet-22-NQ-TW.txt');
    expect(passages[statementPassageIndex(passages)]!.text).toMatch(/^Tổ chức cơ sở đảng là nền tảng của Đảng/u);
    const directive = passagesOf('test/fixtures/chi-thi-05-CT-TW.txt');
    expect(directive[statementPassageIndex(directive)]!.text).toMatch(/^Tiếp tục đẩy mạnh việc học tập/u);
  });

  it.each([
    ['(Văn bản rút gọn dùng để kiểm thử: chỉ giữ cấu trúc và một số đoạn tiêu biểu của văn bản gốc.)', false],
    ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;\nTheo đề nghị của Chánh Thanh tra tỉnh.', false],
    ['BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM SỐ 22-NQ/TW HÀ NỘI, NGÀY 02 THÁNG 02 NĂM 2008 NGHỊ QUYẾT VỀ NÂNG CAO', false],
    ['Hà Nội, ngày 02 tháng 02 năm 2008', false],
    ['Nơi nhận:\n- Các tỉnh ủy, thành ủy,\n- Các ban đảng Trung ương,\n- Lưu Văn phòng Trung ương Đảng.', false],
    ['Nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng, xây dựng đội ngũ cán bộ, đảng viên có phẩm chất.', true],
  ])('%s', (text, expected) => {
    expect(isStatementPassage(text)).toBe(expected);
  });

  it('falls back to the first passage, and says when there is none', () => {
    expect(statementPassageIndex([{ text: 'Số 22' }, { text: 'Hà Nội' }])).toBe(0);
    expect(statementPassageIndex([])).toBe(-1);
  });
});
