/**
 * Diacritics restored from the vocabulary of real text: queries written by reading documents of the bundled corpus and
 * ../shared/corpus/party-web-articles, then stripped of their marks.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { restoreDiacritics, type SyllableCounts } from '../../src/core/restore-diacritics.js';
import { accentedForms } from '../../src/core/syllables.js';
import { CORPUS_DIR, SHARED_DIR } from '../support/fixtures.js';
import { countSyllables, folderParagraphs } from '../support/syllable-counts.js';

let bundled: SyllableCounts;
let articles: SyllableCounts;

beforeAll(() => {
  bundled = countSyllables(folderParagraphs(CORPUS_DIR));
  articles = countSyllables(folderParagraphs(join(SHARED_DIR, 'corpus', 'party-web-articles'), CORPUS_DIR));
}, 120_000);

const restored = (query: string, counts: SyllableCounts) => {
  const r = restoreDiacritics(query, counts);
  return r?.confident ? r.text : null;
};

describe('restoring diacritics from the corpus vocabulary', () => {
  it.each([
    ['cung co Ban Can su Dang', 'củng cố Ban Cán sự Đảng'],
    ['nang cao nang luc lanh dao, suc chien dau', 'nâng cao năng lực lãnh đạo, sức chiến đấu'],
    ['Dang bo xa, thi tran o huyen Go Cong Tay', 'Đảng bộ xã, thị trấn ở huyện Gò Công Tây'],
    ['vai tro lanh dao cua Chi bo', 'vai trò lãnh đạo của Chi bộ'],
    ['Ket luan so 38-KL/TW', 'Kết luận số 38-KL/TW'],
    ['to chuc co so dang', 'tổ chức cơ sở đảng'],
    ['thuc hien duong loi, chu truong cua Dang', 'thực hiện đường lối, chủ trương của Đảng'],
    ['dam duong duoc vai tro', 'đảm đương được vai trò'],
  ])('bundled corpus: %s → %s', (query, expected) => {
    expect(restored(query, bundled)).toBe(expected);
  });

  it.each([
    ['mien thue su dung dat nong nghiep den het nam 2030', 'miễn thuế sử dụng đất nông nghiệp đến hết năm 2030'],
    ['Tran Cam Tu sinh ngay 25 thang 8 nam 1961', 'Trần Cẩm Tú sinh ngày 25 tháng 8 năm 1961'],
    ['Hut shisha co bi xu phat hanh chinh khong?', 'Hút shisha có bị xử phạt hành chính không?'],
    ['Di chuc cua Chu tich Ho Chi Minh', 'Di chúc của Chủ tịch Hồ Chí Minh'],
    ['danh gia xep loai chat luong dang vien theo Quy dinh 366', 'đánh giá xếp loại chất lượng đảng viên theo Quy định 366'],
    // dương, đương and đường are three words; the context tells which.
    ['duong loi, chu truong cua Dang', 'đường lối, chủ trương của Đảng'],
    ['tuyen duong sat', 'tuyến đường sắt'],
    ['tinh Binh Duong', 'tỉnh Bình Dương'],
    ['Dang Cong san Dong Duong', 'Đảng Cộng sản Đông Dương'],
    ['Bo truong duong nhiem', 'Bộ trưởng đương nhiệm'],
    ['dam duong dau voi kho khan', 'dám đương đầu với khó khăn'],
    ['chuc vu tuong duong', 'chức vụ tương đương'],
  ])('party-web-articles: %s → %s', (query, expected) => {
    expect(restored(query, articles)).toBe(expected);
  });

  it('proposes nothing when the context cannot tell the words apart', () => {
    // viết/việt and bản/ban both read well here: too close to call.
    const r = restoreDiacritics('viet ban kiem diem', articles);
    expect(r?.confident).toBe(false);
    expect(r?.words.find((w) => w.typed === 'viet')?.margin).toBeLessThan(2);
  });

  it('leaves alone a query with diacritics, and one with no word the corpus writes with marks', () => {
    expect(restoreDiacritics('xây dung dang', articles)).toBeNull();
    expect(restoreDiacritics('covid online', articles)).toBeNull();
    expect(restoreDiacritics('22-NQ/TW 2019', articles)).toBeNull();
    expect(restoreDiacritics('duong', { syllable: () => 0, pair: () => 0, total: 0 })).toBeNull();
    expect(restoreDiacritics(Array(41).fill('dang vien').join(' '), articles)).toBeNull();
  });

  it('keeps what is not a word: numbers, punctuation, spacing, capitals', () => {
    expect(restored('Nghi quyet  22-NQ/TW  nam 2023', articles)).toBe('Nghị quyết  22-NQ/TW  năm 2023');
    expect(restored('HA NOI', articles)).toBe('HÀ NỘI');
  });

  it('offers a word only the forms the language has', () => {
    expect(accentedForms('duong')).toEqual(expect.arrayContaining(['dương', 'đương', 'đường', 'dưỡng']));
    expect(accentedForms('duong')).not.toContain('duong'); // `uo` takes a mark
    expect(accentedForms('quyet')).toEqual(['quyêt', 'quyết', 'quyệt']);
    expect(accentedForms('too')).toEqual([]);
    expect(accentedForms('history')).toEqual([]);
  });
});
