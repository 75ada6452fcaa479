import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { readPdf } from '../../src/ingest/read-pdf.js';
import { typicalLineWidth, unwrapLines } from '../../src/core/unwrap.js';
import { SHARED_DIR } from '../support/fixtures.js';

const decree = (name: string) => readFileSync(join(SHARED_DIR, 'corpus', 'decrees', name));
const caseFile = (path: string) => readFileSync(join(SHARED_DIR, 'cases', path));

describe('readPdf', () => {
  it('reads a text PDF with a signature block into passages', async () => {
    const text = await readPdf(decree('nd-123_2021-12-28-1-.signed.pdf'));
    expect(text.normalize('NFC')).toMatch(/NGHỊ ĐỊNH/);
    expect(text.normalize('NFC')).toMatch(/123\/2021\/NĐ-CP/);
    const doc = prepareDocument(text, 'pdf');
    expect(doc.passages.length).toBeGreaterThan(50);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('reads a browser-printed PDF without its print header and footer, sentences joined across pages', async () => {
    const text = (await readPdf(decree('nd100_2019.pdf'))).normalize('NFC');
    expect(text).toMatch(/100\/2019\/NĐ-CP/);
    expect(text).not.toMatch(/about:blank|13:08 24\/11\/25/);
    // Page 1 ends inside point e), page 2 goes on: one paragraph again.
    expect(text).toContain('các đơn vị phụ thuộc doanh nghiệp (chi nhánh, văn phòng đại diện);');
    const doc = prepareDocument(text, 'pdf');
    expect(doc.passages.filter((p) => p.section?.includes('Điều ')).length / doc.passages.length).toBeGreaterThan(0.95);
  });

  it('drops the running page numbers of a signed decree', async () => {
    const text = (await readPdf(decree('nd-123_2021-12-28-1-.signed.pdf'))).normalize('NFC');
    expect(text).not.toMatch(/^\d{1,2} [a-zđ]\) /mu);
    expect(text).not.toMatch(/^\d{1,3}$/mu);
    // A heading wrapped by the layout is one line again, a citation at a line start is not a heading.
    expect(text).toContain('Điều 1. Sửa đổi, bổ sung, bãi bỏ một số điều của Nghị định số 142/2017/NĐ-CP ngày 11 tháng 12 năm 2017');
    expect(text).not.toMatch(/^Điều 28\.$/mu);
  });

  it('reads the letterhead, title block and signature of a decree', async () => {
    const doc = prepareDocument(await readPdf(decree('nd100_2019.pdf')), 'pdf');
    expect(doc).toMatchObject({
      title: 'NGHỊ ĐỊNH QUY ĐỊNH XỬ PHẠT VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC GIAO THÔNG ĐƯỜNG BỘ VÀ ĐƯỜNG SẮT',
      kind: 'nghị định',
      number: '100/2019/NĐ-CP',
      issuer: 'Chính phủ',
      date: '2019-12-30',
      signer: 'Nguyễn Xuân Phúc',
      signerTitle: 'THỦ TƯỚNG',
      onBehalfOf: 'Chính phủ',
    });
    expect(doc.passages[0]!.text.startsWith('Căn cứ Luật Tổ chức Chính phủ')).toBe(true);
  });

  it('keeps a headline apart from the first paragraph (pdf-title-merged)', async () => {
    const doc = prepareDocument(await readPdf(caseFile('pdf-title-merged/neu-guong-unicode.pdf')), 'pdf');
    expect(doc.title).toBe('Phát huy vai trò nêu gương của cán bộ, đảng viên');
    expect(doc.passages[0]!.text.startsWith('Thực hiện Quy định số 08-QĐi/TW')).toBe(true);
    expect(doc.text).not.toContain('đảng viên Thực hiện');
  });

  it('closes up a letter-spaced kind line (letter-spaced-heading)', async () => {
    const doc = prepareDocument(await readPdf(caseFile('letter-spaced-heading/nghi-quyet-gian-chu.pdf')), 'pdf');
    expect(doc).toMatchObject({ title: 'NGHỊ QUYẾT VỀ PHÁT TRIỂN ĐẢNG VIÊN TRONG ĐOÀN VIÊN THANH NIÊN GIAI ĐOẠN 2023 - 2025', issuer: 'Đảng ủy xã Minh Tân', date: '2023-07-10' });
  });

  it('says a scanned PDF has no text layer', async () => {
    await expect(readPdf(decree('100_2.pdf'))).rejects.toMatchObject({ code: 'no_text_layer' });
  });

  it('says a broken PDF is broken', async () => {
    const broken = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF');
    await expect(readPdf(broken)).rejects.toMatchObject({ code: expect.stringMatching(/broken_pdf|no_text_layer/) });
  });

  it('says a truncated PDF is broken', async () => {
    const half = decree('nd-123_2021-12-28-1-.signed.pdf').subarray(0, 4000);
    await expect(readPdf(half)).rejects.toMatchObject({ code: expect.stringMatching(/broken_pdf|no_text_layer/) });
  });
});

describe('unwrapLines', () => {
  it('joins wrapped lines and keeps items and sentence ends apart', () => {
    expect(unwrapLines('Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về\nxử phạt vi phạm hành chính.\na) Người điều khiển\nxe mô tô;', { everyLine: true })).toBe(
      'Điều 1. Phạm vi điều chỉnh\n\nNghị định này quy định về xử phạt vi phạm hành chính.\n\na) Người điều khiển xe mô tô;',
    );
  });

  it('joins a citation wrapped onto a line of its own and a heading wrapped after a connective word', () => {
    expect(unwrapLines('d) Bỏ cụm từ “kinh doanh vận tải, dịch vụ hỗ trợ vận tải” tại tên khoản 1\nĐiều 28.\n36. Bãi bỏ các điểm, khoản, điều sau đây:', { everyLine: true })).toBe(
      'd) Bỏ cụm từ “kinh doanh vận tải, dịch vụ hỗ trợ vận tải” tại tên khoản 1 Điều 28.\n\n36. Bãi bỏ các điểm, khoản, điều sau đây:',
    );
    expect(unwrapLines('Điều 3. Sửa đổi, bổ sung, bãi bỏ một số điều của Nghị định số\n162/2018/NĐ-CP ngày 30 tháng 11 năm 2018\n1. Sửa đổi khoản 1', { everyLine: true })).toBe(
      'Điều 3. Sửa đổi, bổ sung, bãi bỏ một số điều của Nghị định số 162/2018/NĐ-CP ngày 30 tháng 11 năm 2018\n\n1. Sửa đổi khoản 1',
    );
    expect(unwrapLines('Điều 4. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2022.', { everyLine: true })).toBe(
      'Điều 4. Hiệu lực thi hành\n\nNghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2022.',
    );
  });

  it('starts a paragraph at a part heading after an unfinished line', () => {
    expect(unwrapLines('Nghị quyết này quy định chi tiết một số điều của Luật Tổ chức chính quyền địa phương\nPhần thứ nhất\nNhững quy định chung', { everyLine: true })).toBe(
      'Nghị quyết này quy định chi tiết một số điều của Luật Tổ chức chính quyền địa phương\n\nPhần thứ nhất\n\nNhững quy định chung',
    );
  });

  it('with a known line width, ends a paragraph at a line well short of it', () => {
    const page = 'Phát huy vai trò nêu gương của cán bộ, đảng viên\nThực hiện Quy định số 08-QĐi/TW của Ban Chấp hành Trung ương về trách nhiệm nêu gương,\nĐảng ủy xã đã chỉ đạo các chi bộ đưa nội dung nêu gương vào sinh hoạt định kỳ.';
    expect(unwrapLines(page, { everyLine: true, lineWidth: typicalLineWidth(page) }).split('\n\n')[0]).toBe('Phát huy vai trò nêu gương của cán bộ, đảng viên');
    expect(unwrapLines(page, { everyLine: true }).split('\n\n')[0]).not.toBe('Phát huy vai trò nêu gương của cán bộ, đảng viên');
  });

  it('in text files joins only lines that continue in lower case', () => {
    expect(unwrapLines('Tại phiên họp ngày 28/11/2025, sau\nkhi nghe Báo cáo của Ban Tổ chức\nTrung ương, Bộ Chính trị kết luận.\nMột là, tiếp tục', { everyLine: false })).toBe(
      'Tại phiên họp ngày 28/11/2025, sau khi nghe Báo cáo của Ban Tổ chức\nTrung ương, Bộ Chính trị kết luận.\nMột là, tiếp tục',
    );
  });
});
