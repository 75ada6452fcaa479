/**
 * A store holding real documents (a provincial decision with a signature block and a validity status, a Politburo
 * directive that replaces two others and cites documents, a scanned-page document), and a second, raw connection
 * to its file: the table modules' tests read real rows through it and map them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { prepareDocument } from '../../../src/core/prepare-document.js';
import type { PreparedDocument } from '../../../src/core/types.js';
import { DocumentStore } from '../../../src/store/document-store.js';
import { tempDir } from '../../support/fixtures.js';

const fixture = (path: string) => prepareDocument(readFileSync(resolve('test/fixtures', path), 'utf8'), 'txt');

const article = (n: number) =>
  `Điều ${n}. Xử phạt người điều khiển xe loại ${n}\n1. Phạt tiền từ ${n}00.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây theo quy định.`;

export interface StoredFixtures {
  file: string;
  store: DocumentStore;
  /** The decision 27/2019/QĐ-UBND (signer, KT. title, on behalf of, no longer in force), stored under two paths. */
  decision: PreparedDocument;
  /** Directive 45-CT/TW, which replaces 35-CT/TW and 118-KL/TW. */
  directive: PreparedDocument;
  /** Two pages, the second recognised by OCR with confidence 0.93. */
  scanned: PreparedDocument;
  /** A read-only connection to the same file, for raw rows. */
  raw: Database.Database;
  cleanup(): void;
}

export function storedFixtures(): StoredFixtures {
  const work = tempDir('vn-docsearch-tables-');
  const file = join(work.dir, 'store.sqlite');
  const store = new DocumentStore(file);
  const decision = fixture('quyet-dinh-27-2019-QD-UBND.txt');
  const directive = fixture('relations/chi-thi-45-CT-TW.txt');
  const scanned = prepareDocument(`${article(5)}\n${article(6)}`, 'pdf', [
    { number: 1, text: article(5), ocr: false, confidence: null },
    { number: 2, text: article(6), ocr: true, confidence: 0.93 },
  ]);
  store.addDocument(decision, 'b/qd-27.txt', 'h1', null);
  store.linkSource('a/qd-27-copy.txt', decision.id, 'h1');
  store.addDocument(directive, 'ct-45.txt', 'h2', null);
  store.addDocument(scanned, 'scan.pdf', 'h3', null);
  const raw = new Database(file, { readonly: true });
  return {
    file,
    store,
    decision,
    directive,
    scanned,
    raw,
    cleanup: () => {
      raw.close();
      store.close();
      work.cleanup();
    },
  };
}
