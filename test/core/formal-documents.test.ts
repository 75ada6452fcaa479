/**
 * Formal documents read end to end (prepareDocument), on the failing inputs in ../shared/cases and on real formal
 * documents from the party-web-articles corpus: title, issuer, number, date, term, signature block, and which lines
 * are passages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import type { PreparedDocument } from '../../src/core/types.js';
import { SHARED_DIR } from '../support/fixtures.js';

const caseFile = (path: string) => readFileSync(join(SHARED_DIR, 'cases', path), 'utf8');
const prepareCase = (path: string) => prepareDocument(caseFile(path), 'txt');

/** No passage holds a letterhead, title-block or signature line. */
function expectHeaderAndSignatureOutOfPassages(doc: PreparedDocument, lines: string[]): void {
  for (const p of doc.passages) {
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    for (const l of lines) expect(p.text).not.toContain(l);
  }
}

describe('formal-title: kind line, CỦA line and subject over as many lines as they take', () => {
  it.each([
    ['formal-title/ket-luan-1cot-ve-thuong.txt', '89-KL/TW'],
    ['formal-title/ket-luan-2cot-ve-thuong.txt', '88-KL/TW'],
  ])('%s', (path, number) => {
    const doc = prepareCase(path);
    expect(doc).toMatchObject({
      title: 'KẾT LUẬN CỦA BỘ CHÍNH TRỊ về tiếp tục đổi mới công tác đào tạo, bồi dưỡng cán bộ cấp cơ sở',
      kind: 'kết luận',
      number,
      issuer: 'Bộ Chính trị',
      date: '2022-09-12',
      term: 'XIII',
      signer: 'Trần Văn Nam',
      author: 'Trần Văn Nam',
      onBehalfOf: 'Bộ Chính trị',
      signerTitle: null,
    });
    expect(doc.passages[0]!.text.startsWith('Tại phiên họp ngày')).toBe(true);
    expectHeaderAndSignatureOutOfPassages(doc, ['CỦA BỘ CHÍNH TRỊ', 'Trần Văn Nam', 'Số ', 'ĐẢNG CỘNG SẢN']);
  });

  it('never glues the first section heading onto the title', () => {
    const doc = prepareCase('formal-title/nghi-quyet-dang-uy.txt');
    expect(doc).toMatchObject({
      title: 'NGHỊ QUYẾT CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN VỀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ ĐẢNG VIÊN GIAI ĐOẠN 2023 - 2025',
      kind: 'nghị quyết',
      number: '15-NQ/HU',
      issuer: 'Huyện ủy Phú Lộc',
      date: '2023-03-20',
      term: null,
      signer: 'Lê Thị Hoa',
      signerTitle: 'BÍ THƯ',
      onBehalfOf: 'Huyện ủy',
    });
    expect(doc.passages[0]!.section).toBe('I. TÌNH HÌNH');
    expect(doc.text).toContain('T/M HUYỆN ỦY\nBÍ THƯ\nLê Thị Hoa');
    expectHeaderAndSignatureOutOfPassages(doc, ['HUYỆN ỦY PHÚ LỘC', 'Lê Thị Hoa', 'BÍ THƯ']);
  });
});

describe('term-from-citation: the term comes from the document, never from what it cites', () => {
  it('reads a 2024 guidance of the Central Organisation Commission', () => {
    const doc = prepareCase('term-from-citation/huong-dan-2024.txt');
    expect(doc).toMatchObject({
      title: 'HƯỚNG DẪN MỘT SỐ VẤN ĐỀ VỀ CÔNG TÁC KẾT NẠP ĐẢNG VIÊN Ở CHI BỘ CƠ SỞ',
      kind: 'hướng dẫn',
      number: '09-HD/BTCTW',
      issuer: 'Ban Tổ chức Trung ương',
      date: '2024-04-18',
      // Ban Tổ chức Trung ương is a central body: the term in force on 2024-04-18, not the XI the body cites.
      term: 'XIII',
      author: 'Phạm Minh Đức',
      signer: 'Phạm Minh Đức',
      signerTitle: 'K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN',
      onBehalfOf: 'Trưởng ban',
    });
  });
});

describe('signature-block-dropped: the closing block stays in the stored text', () => {
  it.each([
    ['signature-block-dropped/thong-bao.txt', 'PHÓ BÍ THƯ', 'T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nĐỗ Thị Mai'],
    ['signature-block-dropped/thong-bao-2dong.txt', null, 'T/M BAN THƯỜNG VỤ\nĐỗ Thị Mai'],
  ])('%s', (path, signerTitle, block) => {
    const doc = prepareCase(path);
    expect(doc.text).toContain(block);
    expect(doc).toMatchObject({
      title: 'THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY VỀ CÔNG TÁC CÁN BỘ',
      kind: 'thông báo',
      issuer: 'Ban Thường vụ Đảng ủy xã An Phú',
      date: '2023-08-08',
      author: 'Đỗ Thị Mai',
      signer: 'Đỗ Thị Mai',
      signerTitle,
      onBehalfOf: 'Ban Thường vụ',
    });
    expectHeaderAndSignatureOutOfPassages(doc, ['Đỗ Thị Mai', 'T/M BAN']);
  });
});

describe('letter-spaced-heading: a letter-spaced kind line is closed up', () => {
  it('reads the same title as the plain control', () => {
    const spaced = prepareCase('letter-spaced-heading/nghi-quyet-gian-chu.txt');
    const plain = prepareCase('letter-spaced-heading/control/control-plain-heading.txt');
    const title = 'NGHỊ QUYẾT VỀ PHÁT TRIỂN ĐẢNG VIÊN TRONG ĐOÀN VIÊN THANH NIÊN GIAI ĐOẠN 2023 - 2025';
    for (const doc of [spaced, plain]) expect(doc).toMatchObject({ title, kind: 'nghị quyết', issuer: 'Đảng ủy xã Minh Tân', number: '21-NQ/ĐU', date: '2023-07-10' });
    expect(spaced.passages[0]!.text.startsWith('Đảng ủy xã xác định')).toBe(true);
  });
});

/**
 * Real formal documents scraped as Markdown, read as the Markdown adapter will hand them over: table bars become
 * blank lines, emphasis and heading marks go.
 */
const corpusDoc = (name: string) =>
  prepareDocument(
    readFileSync(join(SHARED_DIR, 'corpus', 'party-web-articles', name), 'utf8')
      .split('\n')
      .map((l) => (/^\s*\|\s*$/u.test(l) ? '' : l.replace(/\*\*|^#+\s*|\*|\|/gu, '')))
      .join('\n'),
    'md',
  );

describe('real formal documents from the corpus', () => {
  it.each([
    [
      '056a116c77fe4047.md',
      { title: 'QUY ĐỊNH VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM', kind: 'quy định', number: '383-QĐ/TW', issuer: 'Ban Bí thư', date: '2025-11-19', term: 'XIII', signer: 'Trần Cẩm Tú', onBehalfOf: 'Ban Bí thư' },
    ],
    [
      '001c610b2efdcf0c.md',
      {
        title: 'QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ VÀ QUYẾT ĐỊNH SỐ 3103/QĐ-BTC NGÀY 05 THÁNG 9 NĂM 2025 CỦA BỘ TÀI CHÍNH',
        kind: 'quyết định',
        number: '2820/QĐ-UBND',
        issuer: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
        date: '2025-11-19',
        term: null,
        signer: 'Nguyễn Lộc Hà',
        signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      },
    ],
    [
      '09daab284f92e2dd.md',
      { kind: 'kế hoạch', number: '141/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh', date: '2025-11-20', signer: 'Phạm Văn Thịnh', signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', onBehalfOf: 'Ủy ban nhân dân' },
    ],
    [
      '0d99145eee8ac0ff.md',
      { title: 'V/v tuyên truyền chủ trương, chính sách của Đảng, Nhà nước.', kind: 'công văn', number: '10988/BNV-CQĐP', issuer: 'Bộ Nội vụ', date: '2025-11-21', signer: 'Trương Hải Long', signerTitle: 'KT. BỘ TRƯỞNG / THỨ TRƯỞNG' },
    ],
    [
      '02b9be7711f88c70.md',
      {
        title: 'NGHỊ QUYẾT QUY ĐỊNH MỘT SỐ NỘI DUNG CHI VÀ MỨC CHI ĐẶC THÙ THUỘC THẨM QUYỀN CỦA HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI',
        number: '55/2025/NQ-HĐND',
        issuer: 'Hội đồng nhân dân Thành phố Hà Nội',
        date: '2025-11-26',
        signer: 'Phùng Thị Hồng Hà',
        signerTitle: 'CHỦ TỊCH',
        status: null,
      },
    ],
    ['a6fb1f372de14a1e.md', { number: '48/2025/NQ-HĐND', issuer: 'Hội đồng nhân dân Thành phố Hà Nội', signer: 'Phùng Thị Hồng Hà', signerTitle: 'CHỦ TỊCH' }],
    [
      'a83fffe08d7aeed7.md',
      { title: 'KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC TĂNG CƯỜNG THỰC HIỆN CÔNG TÁC DÂN SỐ TRONG TÌNH HÌNH MỚI', issuer: 'Ủy ban nhân dân Thành phố Cần Thơ' },
    ],
    ['ec00bd6f58be7864.md', { kind: 'quyết định', number: '2597/QĐ-TTg', issuer: 'Thủ tướng Chính phủ', date: '2025-11-27', signer: 'Trần Hồng Hà', signerTitle: 'KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG' }],
    ['3eb6b0065020aac4.md', { kind: 'công văn', title: 'V/v chính sách thuế', issuer: 'Cục Thuế', signer: 'Phạm Thị Minh Hiền', signerTitle: 'TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ / PHÓ TRƯỞNG BAN' }],
    [
      '405a6cabda393030.md',
      { kind: 'thông báo', number: '659/TB-VPCP', issuer: 'Văn phòng Chính phủ', date: '2025-11-29', signer: 'Đỗ Ngọc Huỳnh', signerTitle: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM' },
    ],
    ['74e2ddc7b11340da.md', { number: '624/TB-VPCP', issuer: 'Văn phòng Chính phủ', signer: 'Phạm Mạnh Cường', signerTitle: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM' }],
    // Joint conclusions of the Politburo and the Secretariat, signed `T/M BỘ CHÍNH` / `TRỊ`.
    ['265ff514762b4c47.md', { kind: 'kết luận', number: '221-KL/TW', issuer: 'Bộ Chính trị', date: '2025-11-28', term: 'XIII', signer: 'Trần Cẩm Tú', onBehalfOf: 'Bộ Chính trị' }],
    ['6e4d7759e03163f7.md', { number: '07-KL/VPTW', issuer: 'Văn phòng Trung ương Đảng', term: 'XIII', signer: 'Lê Khánh Toàn', signerTitle: 'K/T CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG' }],
    // The page lacks its letterhead: number, date and issuer come from its appendix caption (`Kèm theo Hướng dẫn số
    // 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và Dân vận Trung ương`), never from a cited document (26/5/2025).
    [
      'aa9bb8226e3d4c71.md',
      { title: 'HƯỚNG DẪN XÂY DỰNG, KIỆN TOÀN ĐỘI NGŨ BÁO CÁO VIÊN CÁC CẤP', number: '40-HD/BTGDVTW', issuer: 'Ban Tuyên giáo và Dân vận Trung ương', date: '2025-11-27', term: 'XIII', signer: 'Phạm Tất Thắng' },
    ],
  ])('%s', (name, fields) => {
    const doc = corpusDoc(name);
    expect(doc).toMatchObject(fields);
    for (const p of doc.passages) {
      expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).not.toMatch(/Độc lập - Tự do - Hạnh phúc|^Nơi nhận/mu);
      if (doc.signer) expect(p.text).not.toMatch(new RegExp(`^${doc.signer}$`, 'mu'));
    }
  });

  it('keeps an annex after the signature as passages', () => {
    const doc = corpusDoc('001c610b2efdcf0c.md');
    const signature = doc.text.indexOf('Nguyễn Lộc Hà');
    expect(doc.passages.some((p) => p.start > signature && p.text.includes('Kèm theo Quyết định số 2820/QĐ-UBND'))).toBe(true);
    expect(doc.passages.map((p) => p.ordinal)).toEqual(doc.passages.map((_, i) => i));
  });
});
