import { describe, expect, it } from 'vitest';
import { readClosingBlock } from '../../src/core/closing-block.js';
import { textLines } from '../../src/core/text-lines.js';

const BODY = 'Các cấp ủy, tổ chức đảng cần đổi mới mạnh mẽ phương pháp bồi dưỡng, gắn đào tạo với quy hoạch cán bộ.';
const read = (closing: string, formal = true) => {
  const text = `${BODY}\n\n${closing}`;
  const block = readClosingBlock(textLines(text), 0, formal);
  return block && { ...block, span: text.slice(block.start, block.end) };
};

describe('readClosingBlock', () => {
  it('reads a right-aligned T/M block', () => {
    expect(read('                                                T/M BỘ CHÍNH TRỊ\n                                                Trần Văn Nam')).toMatchObject({
      signer: 'Trần Văn Nam',
      signerTitle: null,
      onBehalfOf: 'Bộ Chính trị',
      span: '                                                T/M BỘ CHÍNH TRỊ\n                                                Trần Văn Nam',
    });
  });

  it('reads K/T position lines and a bare position line', () => {
    expect(read('K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nPhạm Minh Đức')).toMatchObject({ signer: 'Phạm Minh Đức', signerTitle: 'K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN', onBehalfOf: 'Trưởng ban' });
    expect(read('T/M HUYỆN ỦY\nBÍ THƯ\nLê Thị Hoa')).toMatchObject({ signer: 'Lê Thị Hoa', signerTitle: 'BÍ THƯ', onBehalfOf: 'Huyện ủy' });
    expect(read('CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An')).toMatchObject({ signer: 'Nguyễn Văn An', signerTitle: 'CHỦ TỊCH' });
  });

  it('reads a Nơi nhận list before the signature, a wrapped TM. body and a name over two lines', () => {
    const closing = 'Nơi nhận:\n- Bộ Tư pháp (b/c);\n- TT Tỉnh ủy, TT HĐND tỉnh;\n- Lưu: VT, NC.\nTM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm\nVăn Thịnh';
    expect(read(closing)).toMatchObject({ signer: 'Phạm Văn Thịnh', signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', onBehalfOf: 'Ủy ban nhân dân', span: closing });
  });

  it('reads a Nơi nhận list after the signature, and a position wrapped after a comma', () => {
    const closing = 'TL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh Hiền\nNơi nhận:\n- Như trên;\n- Phó CTr. Đặng Ngọc\nMinh (để bc);\n- Lưu: VT, CS';
    expect(read(closing)).toMatchObject({
      signer: 'Phạm Thị Minh Hiền',
      signerTitle: 'TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ / PHÓ TRƯỞNG BAN',
      span: closing,
    });
  });

  it('joins position lines wrapped into short pieces', () => {
    expect(read('K/T CHÁNH\nVĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nLê Khánh Toàn')).toMatchObject({ signer: 'Lê Khánh Toàn', signerTitle: 'K/T CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG' });
    expect(read('K/T TRƯỞNG\nBAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\nHoàng Đăng Quang')).toMatchObject({ signer: 'Hoàng Đăng Quang', signerTitle: 'K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN THƯỜNG TRỰC' });
    expect(read('KT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường')).toMatchObject({ signerTitle: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM' });
  });

  it('needs a T/M-type lead outside formal documents, and finds none in body text', () => {
    expect(read('BÍ THƯ\nLê Thị Hoa', false)).toBeNull();
    expect(read('Thực hiện nghiêm túc.\nCông tác cán bộ')).toBeNull();
  });
});
