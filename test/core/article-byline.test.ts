import { describe, expect, it } from 'vitest';
import { articleKind, findAuthor } from '../../src/core/article-byline.js';

const author = (text: string) =>
  findAuthor(
    text,
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );

describe('findAuthor', () => {
  it.each([
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTin, ảnh: Minh Châu', 'Minh Châu'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTác giả bài viết: Đồng chí Phạm Nguyễn Hoàng Vũ', 'Phạm Nguyễn Hoàng Vũ'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTheo Nguyễn Thế Dương', 'Nguyễn Thế Dương'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nHà Ban - Ban Tuyên giáo', 'Hà Ban'],
    ['Hội nghị sơ kết\nNgày 5/9, Đảng ủy xã tổ chức hội nghị.\nTác giả Trần Văn Bình', 'Trần Văn Bình'],
  ])('%s', (text, name) => expect(author(text)).toBe(name));

  it('does not take a source or a sentence for a byline', () => {
    expect(author('Tin tức\nChính phủ họp phiên thường kỳ.\nTheo Cổng Thông tin điện tử Chính phủ')).toBeNull();
    expect(author('Lịch sử\nTác giả Louise Brown nhận định: Mặt trận được điều khiển từ Hà Nội.\nXem thêm')).toBeNull();
    expect(author('Tin tức\nTheo Quy định số 89-QĐ/TW ngày 4 tháng 8 năm 2017 của Ban Chấp hành Trung ương Đảng thì tiêu chuẩn chung gồm nhiều điều.')).toBeNull();
  });
});

describe('articleKind', () => {
  it('tells contributions and speeches from articles', () => {
    expect(articleKind('Tham luận tại Đại hội', [])).toBe('tham luận');
    expect(articleKind('Bài phát biểu của đồng chí Tổng Bí thư', ['Phát biểu chỉ đạo tại hội nghị'])).toBe('phát biểu');
    expect(articleKind('Nâng cao chất lượng sinh hoạt chi bộ', [])).toBe('bài viết');
  });
});
