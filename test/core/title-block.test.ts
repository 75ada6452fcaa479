import { describe, expect, it } from 'vitest';
import { readTitleBlock } from '../../src/core/title-block.js';
import { textLines } from '../../src/core/text-lines.js';

const read = (text: string, subject: string | null = null) => {
  const block = readTitleBlock(textLines(text), 0, subject);
  return block && { ...block, span: text.slice(block.start, block.end) };
};

describe('readTitleBlock', () => {
  it('reads kind, CỦA line and a lower-case Party subject', () => {
    expect(read('KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\nvề tiếp tục đổi mới công tác đào tạo, bồi dưỡng cán bộ cấp cơ sở\n\nTại phiên họp ngày 31 tháng 8 năm 2022, Bộ Chính trị kết luận:')).toMatchObject({
      title: 'KẾT LUẬN CỦA BỘ CHÍNH TRỊ về tiếp tục đổi mới công tác đào tạo, bồi dưỡng cán bộ cấp cơ sở',
      kind: 'kết luận',
      of: 'BỘ CHÍNH TRỊ',
      span: 'KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\nvề tiếp tục đổi mới công tác đào tạo, bồi dưỡng cán bộ cấp cơ sở',
    });
  });

  it('stops at a section heading that follows without a blank line', () => {
    expect(read('NGHỊ QUYẾT\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN\nVỀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ ĐẢNG VIÊN\nI. TÌNH HÌNH\nNhững năm qua, công tác quản lý được quan tâm.')!.title).toBe(
      'NGHỊ QUYẾT CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN VỀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ ĐẢNG VIÊN',
    );
  });

  it('closes up a letter-spaced kind line', () => {
    expect(read('N G H Ị Q U Y Ế T\nVỀ PHÁT TRIỂN ĐẢNG VIÊN\n\nĐảng ủy xã xác định.')).toMatchObject({ title: 'NGHỊ QUYẾT VỀ PHÁT TRIỂN ĐẢNG VIÊN', kind: 'nghị quyết' });
  });

  it('takes a caps subject over wrapped lines, and keeps the enacting authority out of the title but in the span', () => {
    const text = 'QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ\n\n06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n\nCăn cứ Luật Tổ chức chính quyền địa phương;';
    expect(read(text)).toMatchObject({
      title: 'QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ',
      span: text.slice(0, text.indexOf('\n\nCăn cứ')),
    });
  });

  it('ends a subject closing on SỐ (digital) before the enacting authority over the preamble', () => {
    // Quyết định 2629/QĐ-TTg (thuvienphapluat extract, one line per paragraph).
    const text = 'QUYẾT ĐỊNH\n\nVỀ\n\nVIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;';
    expect(read(text)).toMatchObject({ title: 'QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ', authority: 'THỦ TƯỚNG CHÍNH PHỦ' });
    expect(read('QUYẾT ĐỊNH\nPHÊ DUYỆT ĐỀ ÁN CHUYỂN ĐỔI SỐ\nỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG\nCăn cứ Luật Tổ chức chính quyền địa phương;')!.title).toBe('QUYẾT ĐỊNH PHÊ DUYỆT ĐỀ ÁN CHUYỂN ĐỔI SỐ');
    // A subject hanging on CỦA still goes on over a body's name.
    expect(read('QUYẾT ĐỊNH\nVỀ VIỆC GIAO NHIỆM VỤ CỦA\nỦY BAN NHÂN DÂN TỈNH\n\nChủ tịch Ủy ban nhân dân tỉnh quyết định.')!.title).toBe('QUYẾT ĐỊNH VỀ VIỆC GIAO NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN TỈNH');
  });

  it('does not take a body opening in capitals for a preamble', () => {
    expect(read('KẾ HOẠCH\n\nTHỰC HIỆN LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035\n\nTRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP\n\nCăn cứ Nghị quyết số 57-NQ/TW;')!.title).toBe(
      'KẾ HOẠCH THỰC HIỆN LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035 TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP',
    );
  });

  it('gives a công văn its V/v subject, and nothing to an article', () => {
    expect(read('Kính gửi: Bộ Tài chính', 'V/v chính sách thuế')).toMatchObject({ title: 'V/v chính sách thuế', kind: 'công văn' });
    expect(read('Nâng cao chất lượng sinh hoạt chi bộ\n\nNgày 13-11-2018, Bộ Chính trị đã họp.')).toBeNull();
  });
});
