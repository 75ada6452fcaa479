/** Passages of paged sources keep their page, OCR mark and confidence; a schema-6 store gains the columns in place. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { DocumentStore, SCHEMA_VERSION } from '../../src/store/document-store.js';
import { tempDir } from '../support/fixtures.js';

let work: ReturnType<typeof tempDir>;
beforeEach(() => {
  work = tempDir('vn-docsearch-pages-');
});
afterEach(() => work.cleanup());

const body = (n: number) =>
  `Điều ${n}. Xử phạt người điều khiển xe loại ${n}\n1. Phạt tiền từ ${n}00.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây theo quy định.`;
const pages = [
  { number: 1, text: body(5), ocr: false, confidence: null },
  { number: 2, text: body(6), ocr: true, confidence: 0.93 },
];

describe('passage pages in the store', () => {
  it('stores and reads back page, ocr and confidence; other passages keep their shape', () => {
    const store = new DocumentStore(join(work.dir, 'store.sqlite'));
    const scanned = prepareDocument(pages.map((p) => p.text).join('\n'), 'pdf', pages);
    const typed = prepareDocument('Một văn bản thường, không có trang, đủ dài để thành một đoạn văn có nội dung.', 'txt');
    store.addDocument(scanned, 'scan.pdf', 'h1', null);
    store.addDocument(typed, 'note.txt', 'h2', null);
    const read = store.documentPassages(scanned.id);
    expect(read.map((p) => [p.page, p.ocr, p.confidence])).toEqual(scanned.passages.map((p) => [p.page, p.ocr, p.confidence]));
    expect(read.at(-1)).toMatchObject({ page: 2, ocr: true, confidence: 0.93 });
    expect(Object.keys(store.documentPassages(typed.id)[0]!)).not.toContain('page');
    store.close();
  });

  it('upgrades a schema-6 store in place: the new columns are added empty', () => {
    const file = join(work.dir, 'old.sqlite');
    const store = new DocumentStore(file);
    const typed = prepareDocument('Một văn bản thường, không có trang, đủ dài để thành một đoạn văn có nội dung.', 'txt');
    store.addDocument(typed, 'note.txt', 'h2', null);
    store.close();
    const db = new Database(file);
    for (const column of ['page', 'ocr', 'confidence']) db.exec(`ALTER TABLE passages DROP COLUMN ${column}`);
    db.exec("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    db.close();
    const upgraded = new DocumentStore(file);
    expect(upgraded.getMeta('schema_version')).toBe(SCHEMA_VERSION);
    expect(upgraded.documentPassages(typed.id)[0]).not.toHaveProperty('page');
    const scanned = prepareDocument(pages.map((p) => p.text).join('\n'), 'pdf', pages);
    upgraded.addDocument(scanned, 'scan.pdf', 'h1', null);
    expect(upgraded.documentPassages(scanned.id).at(-1)).toMatchObject({ page: 2, ocr: true });
    upgraded.close();
  });
});
