import { describe, expect, it } from 'vitest';
import { canonicalNumber, findNumbers, findReferences } from '../../src/core/references.js';

const keys = (text: string) => findReferences(text).map((r) => r.key);

// Sentences from ../shared/corpus (party-web-articles, decrees), abridged only where marked.
describe('findReferences: number forms', () => {
  it.each([
    ['Theo Nghị quyết 202/2025/QH15 có hiệu lực từ ngày 1/7/2025 thì sau khi sắp xếp, cả nước có 34 đơn vị hành chính cấp tỉnh', ['202/2025/QH15']],
    ['Luật số 47/2019/QH14 của Quốc hội và Luật Tổ chức Quốc hội số 57/2014/QH13', ['47/2019/QH14', '57/2014/QH13']],
    ['thay thế Nghị quyết số 1211/2016/UBTVQH13 ngày 25/5/2016', ['1211/2016/UBTVQH13']],
    ['Nghị quyết 76/2025/UBTVQH15 và Nghị quyết số 01/2025/NQ-UBTVQH15', ['76/2025/UBTVQH15', '01/2025/NQ-UBTVQH15']],
    ['Căn cứ theo quy định tại khoản 1 Điều 13 Quy chế ban hành kèm theo Thông tư 30/2024/TT-BGDĐT như sau:', ['30/2024/TT-BGDĐT']],
    ['Trung ương ; Văn bản số 14612-CV/VPTW ngày 29/4/2025 về hướng dẫn thực hiện', ['14612-CV/VPTW']],
    ['4354/KH-UBND ngày 14 tháng 6 năm 2025 của Ủy ban nhân dân Thành phố Hồ Chí Minh', ['4354/KH-UBND']],
    ['Quyết định 2639/QĐ-TTg năm 2025 bổ sung có mục tiêu từ ngân sách trung ương', ['2639/QĐ-TTg']],
    ['Thông tư 78/2021/TT-BTC và Nghị định 123/2020/NĐ-CP về hóa đơn, chứng từ', ['78/2021/TT-BTC', '123/2020/NĐ-CP']],
    ['Tải file Nghị quyết 66.9/2025/NQ-CP xử lý vướng mắc về trách nhiệm xây dựng Cơ sở dữ liệu quốc gia', ['66.9/2025/NQ-CP']],
    ['tinh gọn bộ máy được đặt nền tảng bởi Nghị quyết số 18–NQ/TW năm 2017', ['18-NQ/TW']],
    ['Chính phủ ban hành Nghị định số 25–CP về quy định chế độ tiền lương mới', ['25-CP']],
    ['Căn cứ Nghị quyết số\n57-NQ/TW ngày 22/12/2024 của Bộ Chính trị', ['57-NQ/TW']],
  ])('%s', (text, expected) => expect(keys(text)).toEqual(expected));

  it('writes numbers typed without Đ or in the wrong case as they are written', () => {
    expect(canonicalNumber('22/2024/TT-BGDDT')).toBe('22/2024/TT-BGDĐT');
    expect(canonicalNumber('19/2023/ND-CP')).toBe('19/2023/NĐ-CP');
    expect(canonicalNumber('2639/qđ-ttg')).toBe('2639/QĐ-TTg');
    expect(canonicalNumber('08-QĐi/TW')).toBe('08-QĐi/TW');
    expect(keys('Thông tư 22/2024/TT-BGDDT và Thông tư 22/2024/TT-BGDĐT')).toEqual(['22/2024/TT-BGDĐT', '22/2024/TT-BGDĐT']);
    // The words as written stay as written.
    expect(findReferences('Thông tư 22/2024/TT-BGDDT')[0]!.text).toBe('Thông tư 22/2024/TT-BGDDT');
  });
});

describe('findReferences: short forms', () => {
  it('completes a short form from the full number the same text gives', () => {
    const text = 'Nghị quyết số 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh. Sáp nhập còn 9 tỉnh và 2 thành phố năm 2025 theo Nghị quyết 202.';
    expect(keys(text)).toEqual(['202/2025/QH15', '202/2025/QH15']);
    expect(keys('theo Nghị quyết 27 như thế nào? Theo Nghị quyết 27-NQ/TW năm 2018')).toEqual(['27-NQ/TW', '27-NQ/TW']);
  });

  it('leaves a short form short when the text gives none, or two candidates', () => {
    expect(keys('theo Nghị quyết 68 thế nào?')).toEqual(['nghị quyết 68']);
    expect(keys('Nghị quyết 68 (68-NQ/TW và 68/NQ-CP)')).toEqual(['nghị quyết 68', '68-NQ/TW', '68/NQ-CP']);
  });

  it('builds a decree number from its year, and a central Party number from its issuer', () => {
    expect(keys('Tiền thưởng Nghị định 73 năm 2025 thưởng Tết 2026 là bao nhiêu?')).toEqual(['73/2025/NĐ-CP']);
    expect(keys('Chỉ thị 05 của Bộ Chính trị khóa XII')).toEqual(['05-CT/TW']);
  });
});

describe('findReferences: no references from ordinary words', () => {
  it.each([
    'đề ra nhưng thấp hơn đề ra trong Kế hoạch 5 năm của Quốc hội khóa XIII',
    'Hội nghị bàn về nhiệm vụ kế hoạch 3 năm (1958 - 1960) và tổng kết cải cách',
    'Nguyên tắc tổ chức thực hiện kế hoạch 60 ngày cao điểm chuyển đổi mô hình thuế khoán',
    'Căn cứ Mục 3 Nghị quyết năm 2024 quy định 7 nhiệm vụ, giải pháp như sau:',
    'Công văn về việc hướng dẫn 4 thủ tục hành chính của Đảng trên môi trường điện tử',
    'bình quân đầu người đạt 146,9 triệu đồng (kế hoạch 140,6 triệu đồng)',
    'Ủy ban Kiểm tra các cấp đã thi hành kỷ luật 853 đảng viên',
    'hoàn thành kế hoạch 2021 và Luật 2025 có hiệu lực',
    'Hội nghị đã thảo luận và quyết định\n\n1. Cán bộ, công chức, viên chức',
    '| Nghị quyết | 12 | 20/6/2013 |',
    'ngày 20/6/2013, ngày 12/9/2022 và 13:08 24/11/25',
  ])('%s', (text) => expect(keys(text)).toEqual([]));

  it('keeps a document named before a subject that sounds like a count', () => {
    expect(keys('Tải file phụ lục 5 Quy định 366 tiêu chí đánh giá đảng viên')).toEqual(['quy định 366']);
    expect(keys('Kết luận 118 điều chỉnh Chỉ thị 35 về đại hội đảng bộ các cấp')).toEqual(['kết luận 118', 'chỉ thị 35']);
  });

  it('reads no dates or times as numbers', () => expect(findNumbers('ngày 20/6/2013, 1/7/2025, 13:08 24/11/25 about:blank 1/102')).toEqual([]));
});
