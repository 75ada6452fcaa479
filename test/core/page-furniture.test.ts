import { describe, expect, it } from 'vitest';
import { lineShape, removePageFurniture } from '../../src/core/page-furniture.js';

// Page edges as pdf.js reads them from ../shared/corpus/decrees/nd100_2019.pdf (a web page printed by a browser).
const printed = (n: number, body: string[]): string => [...body, '13:08 24/11/25 \tabout:blank', `about:blank \t${n}/102`].join('\n');
// And from nd-123_2021-12-28-1-.signed.pdf: the page number heads every page but the first.
const numbered = (n: number, body: string[]): string => [String(n), ...body].join('\n');

describe('removePageFurniture', () => {
  it('drops a browser print header and footer repeated on every page, whatever their numbers', () => {
    const pages = [
      printed(1, ['Điều 1. Phạm vi điều chỉnh', '1. Nghị định này quy định về hành vi vi phạm hành chính;']),
      printed(2, ['(chi nhánh, văn phòng đại diện);', 'g) Tổ chức kinh tế được thành lập theo quy định của Luật Hợp tác xã']),
      printed(3, ['đ) Chế độ hô đáp là quy định bắt buộc', 'e) Cấp cảnh báo là thông báo bằng văn bản']),
      printed(4, ['h) Buộc phải đăng ký, niêm yết đầy đủ', 'sắt khác hoặc phạm vi đất dành cho đường sắt;']),
    ];
    const out = removePageFurniture(pages).join('\n');
    expect(out).not.toMatch(/about:blank|13:08/);
    expect(out).toContain('g) Tổ chức kinh tế được thành lập theo quy định của Luật Hợp tác xã');
    expect(out.split('\n')).toHaveLength(8);
  });

  it('drops running page numbers but keeps a numbered line of the text', () => {
    const pages = [
      ['CHÍNH PHỦ', 'Số: 123/2021/NĐ-CP', 'Điều 1. Sửa đổi, bổ sung'].join('\n'),
      numbered(2, ['b) Vi phạm quy định về xây dựng, quản lý khai thác cảng cạn;', 'c) Vi phạm quy định về hoạt động của tàu thuyền;']),
      numbered(3, ['2b. Hộ kinh doanh phải đăng ký kinh doanh', 'và hộ gia đình thực hiện hành vi vi phạm']),
      numbered(4, ['a) Tước quyền sử dụng giấy phép, chứng chỉ hành nghề có thời hạn;', 'b) Đình chỉ hoạt động có thời hạn;']),
      numbered(5, ['3. Biện pháp khắc phục hậu quả: Buộc thực hiện những biện pháp khắc phục', '33']),
    ];
    const out = removePageFurniture(pages);
    expect(out.slice(1).map((p) => p.split('\n')[0])).toEqual(['b) Vi phạm quy định về xây dựng, quản lý khai thác cảng cạn;', '2b. Hộ kinh doanh phải đăng ký kinh doanh', 'a) Tước quyền sử dụng giấy phép, chứng chỉ hành nghề có thời hạn;', '3. Biện pháp khắc phục hậu quả: Buộc thực hiện những biện pháp khắc phục']);
    expect(out[0]).toBe(pages[0]);
  });

  it('leaves a short document and lines that do not repeat alone', () => {
    const pages = ['Trang một\nNội dung', 'Trang hai\nNội dung khác'];
    expect(removePageFurniture(pages)).toEqual(pages);
    const varied = ['A\nmở đầu', 'B\nthân bài', 'C\nkết luận'];
    expect(removePageFurniture(varied)).toEqual(varied);
  });

  it('masks digits in a line shape', () => expect(lineShape('about:blank \t12/102')).toBe('about:blank #/#'));
});
