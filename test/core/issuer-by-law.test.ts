/**
 * The issuer the law assigns to a kind (Luật Ban hành văn bản quy phạm pháp luật 80/2015/QH13, Điều 4, 15, 19), and
 * its use by readDocument for a decree whose file carries no letterhead, enacting formula or signature: Nghị định
 * 100/2019/NĐ-CP as its Word file holds it (from Chương II on).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document-fields.js';
import { issuerByLaw } from '../../src/core/issuer-by-law.js';
import { readDocx } from '../../src/ingest/read-docx.js';
import { SHARED_DIR } from '../support/fixtures.js';

describe('issuerByLaw', () => {
  it('names the only body that may issue a nghị định or a luật', () => {
    expect(issuerByLaw('nghị định')).toBe('Chính phủ');
    expect(issuerByLaw('luật')).toBe('Quốc hội');
  });

  it('names none for kinds several bodies issue', () => {
    for (const kind of ['nghị quyết', 'quyết định', 'thông tư', 'chỉ thị', 'kế hoạch', 'công văn', 'bài viết'] as const) expect(issuerByLaw(kind)).toBeNull();
    expect(issuerByLaw(null)).toBeNull();
  });
});

describe('a decree without letterhead, formula or signature', () => {
  it('takes the issuer the law gives its kind, and invents no number, date or signer', async () => {
    const text = await readDocx(readFileSync(join(SHARED_DIR, 'corpus', 'decrees', 'ND100-2019.docx')));
    const fields = readDocument(text);
    expect(fields).toMatchObject({ kind: 'nghị định', issuer: 'Chính phủ', number: null, date: null, signer: null });
  });

  it('keeps an issuer read off the document itself', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nSố: 12/2024/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 5 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\nĐiều 1. Ban hành kèm theo Quyết định này.\n';
    expect(readDocument(text).issuer).toBe('Ủy ban nhân dân Thành phố Hà Nội');
  });
});
