import { describe, expect, it } from 'vitest';
import { annexCaption, authorityIssuer, enactingIssuer, fragmentKind } from '../../src/core/legal-body.js';
import { textLines } from '../../src/core/text-lines.js';

// Nghị định 100/2019/NĐ-CP as its Word file holds it: from Chương II on, no letterhead or title.
const ND100_FROM_CHAPTER_II = [
  'Chương II',
  'HÀNH VI VI PHẠM, HÌNH THỨC, MỨC XỬ PHẠT VÀ BIỆN PHÁP KHẮC PHỤC HẬU QUẢ VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC GIAO THÔNG ĐƯỜNG BỘ',
  'Mục 1',
  'VI PHẠM QUY TẮC GIAO THÔNG ĐƯỜNG BỘ',
  'Điều 5. Xử phạt người điều khiển xe ô tô và các loại xe tương tự xe ô tô vi phạm quy tắc giao thông đường bộ',
  'd) Không tuân thủ các quy định về dừng xe, đỗ xe tại nơi đường bộ giao nhau cùng mức với đường sắt, trừ hành vi vi phạm quy định tại điểm b khoản 2, điểm b khoản 3 Điều 49 Nghị định này;',
  'h) Dừng xe, đỗ xe trên đường xe điện, trừ hành vi vi phạm quy định tại điểm đ khoản 2 Điều 49 Nghị định này;',
  'l) Không tuân thủ các quy định về dừng xe, đỗ xe tại nơi đường bộ giao nhau, trừ hành vi vi phạm quy định tại điểm b khoản 3 Điều 49 Nghị định này;',
].join('\n');

describe('fragmentKind', () => {
  it('gives a text cut to begin at a chapter the kind it calls itself', () => {
    expect(fragmentKind(textLines(ND100_FROM_CHAPTER_II))).toBe('nghị định');
  });

  it('reads nothing when a title or headline comes first, or the text names itself too seldom', () => {
    expect(fragmentKind(textLines(`Xử phạt vi phạm giao thông năm 2025\n${ND100_FROM_CHAPTER_II}`))).toBeNull();
    const once = ND100_FROM_CHAPTER_II.split('\n').slice(0, 6).join('\n');
    expect(fragmentKind(textLines(once))).toBeNull();
  });
});

describe('enactingIssuer', () => {
  // Nghị định 123/2021/NĐ-CP, Word file: title block, preamble, enacting formula.
  const nd123 = textLines(
    [
      'NGHỊ ĐỊNH',
      'Sửa đổi, bổ sung một số điều của các Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực hàng hải; giao thông đường bộ, đường sắt; hàng không dân dụng.',
      'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;',
      'Căn cứ Luật Đường sắt ngày 16 tháng 6 năm 2017;',
      'Theo đề nghị của Bộ trưởng Bộ Giao thông vận tải;',
      'Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của các Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực hàng hải.',
      'Điều 1. Sửa đổi, bổ sung, bãi bỏ một số điều của Nghị định số 142/2017/NĐ-CP',
    ].join('\n'),
  );

  it('names the body of the enacting formula after the preamble', () => {
    expect(enactingIssuer(nd123, 2, 'nghị định')).toBe('Chính phủ');
    const hdnd = textLines('Căn cứ Luật Tổ chức chính quyền địa phương;\nXét Tờ trình số 412/TTr-UBND của Ủy ban nhân dân Thành phố;\nHội đồng nhân dân ban hành Nghị quyết quy định nội dung chi và mức chi đặc thù.');
    expect(enactingIssuer(hdnd, 0, 'nghị quyết')).toBe('Hội đồng nhân dân');
  });

  it('does not read a formula of another kind, or a news lead about a numbered text', () => {
    expect(enactingIssuer(nd123, 2, 'quyết định')).toBeNull();
    const lead = textLines('Căn cứ đề xuất của Bộ Nội vụ;\nChính phủ ban hành Nghị quyết số 07/2025/NQ-CP ngày 17/9/2025 về chính sách, chế độ đối với đối tượng chịu sự tác động.');
    expect(enactingIssuer(lead, 0, 'nghị quyết')).toBeNull();
  });
});

describe('authorityIssuer', () => {
  it('names the body of the enacting authority line over the preamble', () => {
    // Lines over `Căn cứ …` in thuvienphapluat extracts of a Quốc hội resolution, a Prime Minister's decision and
    // People's Committee decisions.
    expect(authorityIssuer('QUỐC HỘI')).toBe('Quốc hội');
    expect(authorityIssuer('THỦ TƯỚNG CHÍNH PHỦ')).toBe('Thủ tướng Chính phủ');
    expect(authorityIssuer('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH')).toBe('Ủy ban nhân dân Thành phố Hồ Chí Minh');
    expect(authorityIssuer('ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI')).toBe('Ủy ban nhân dân tỉnh Đồng Nai');
    expect(authorityIssuer('HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toBe('Hội đồng nhân dân Thành phố Hà Nội');
  });

  it('leaves an office held by a person, or nothing, to other readers', () => {
    expect(authorityIssuer('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP')).toBeNull();
    expect(authorityIssuer('BỘ TRƯỞNG BỘ TÀI CHÍNH')).toBeNull();
    expect(authorityIssuer(null)).toBeNull();
  });
});

describe('annexCaption', () => {
  it('reads number, date and issuer of the text from its own appendix caption', () => {
    // Hướng dẫn 40-HD/BTGDVTW as published without its letterhead: the appendix caption, wrapped in emphasis.
    const guide = 'PHỤ LỤC\nSỐ LƯỢNG BÁO CÁO VIÊN CẤP XÃ\n*(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và\nDân vận Trung ương)*';
    expect(annexCaption(guide, 'hướng dẫn')).toEqual({ number: '40-HD/BTGDVTW', date: '2025-11-27', issuer: 'Ban Tuyên giáo và Dân vận Trung ương' });
    const decision = '(Kèm theo Quyết định số 2629/QĐ-TTg ngày 01 tháng 12 năm 2025 của Thủ tướng Chính phủ)';
    expect(annexCaption(decision, 'quyết định')).toEqual({ number: '2629/QĐ-TTg', date: '2025-12-01', issuer: 'Thủ tướng Chính phủ' });
  });

  it('leaves out a body named in part, and an appendix of another kind of text', () => {
    expect(annexCaption('(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh)', 'kế hoạch')).toEqual({ number: '617/KH-UBND', date: '2025-12-01', issuer: null });
    // Inside the preamble of Hướng dẫn 40-HD/BTGDVTW: the appendix of a cited decision.
    expect(annexCaption('*(ban hành kèm theo Quyết định số 907-QĐ/BTGDVTW, ngày 17/9/2025 của Ban Tuyên giáo và Dân vận Trung ương)', 'hướng dẫn')).toBeNull();
    expect(annexCaption('Căn cứ Hướng dẫn số 06-HD/BTCTW-BTGTW (kèm theo Hướng dẫn số 06-HD/BTCTW-BTGTW, ngày 15/8/2011)', 'hướng dẫn')).toBeNull();
  });
});
