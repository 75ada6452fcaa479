/**
 * The `passages` table: the passages of each document, keyed by an integer that AUTOINCREMENT never reuses (also the
 * label of the passage's vector in the HNSW index); `start`/`end` slice the document's stored text. Paged sources keep
 * the page, the OCR mark (0/1) and the OCR confidence; other passages have them null.
 */
import type { PassageDraft, StoredPassage } from '../../core/types.js';
import { jsonList, type Statements } from './statements.js';

/** A row of `passages` as SQLite returns it (without its content hash). */
export interface PassageRow {
  key: number;
  id: string;
  document_id: string;
  ordinal: number;
  section: string | null;
  start: number;
  end: number;
  text: string;
  page: number | null;
  ocr: number | null;
  confidence: number | null;
}

/** A stored passage; `page`, `ocr` and `confidence` only for paged sources, so other passages keep their shape. */
export const toPassage = (r: PassageRow): StoredPassage => ({
  key: r.key,
  id: r.id,
  documentId: r.document_id,
  ordinal: r.ordinal,
  text: r.text,
  section: r.section,
  start: r.start,
  end: r.end,
  ...(r.page === null ? {} : { page: r.page, ocr: r.ocr === 1, confidence: r.confidence }),
});

/** The columns of a PassageRow. */
const COLUMNS = 'key, id, document_id, ordinal, section, start, "end", text, page, ocr, confidence';

const INSERT = 'INSERT INTO passages(id, document_id, ordinal, section, start, "end", text, hash, page, ocr, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export class PassagesTable {
  constructor(private readonly sql: Statements) {}

  /** Inserts one passage of a document (id `<documentId>-<ordinal>`); returns its new key. */
  insert(documentId: string, p: PassageDraft): number {
    const { lastInsertRowid } = this.sql
      .get(INSERT)
      .run(
        `${documentId}-${p.ordinal}`,
        documentId,
        p.ordinal,
        p.section,
        p.start,
        p.end,
        p.text,
        p.hash,
        p.page ?? null,
        p.ocr === undefined ? null : p.ocr ? 1 : 0,
        p.confidence ?? null,
      );
    return Number(lastInsertRowid);
  }

  count(): number {
    return this.sql.get('SELECT count(*) FROM passages').pluck().get() as number;
  }

  get(key: number): StoredPassage | null {
    const row = this.sql.get(`SELECT ${COLUMNS} FROM passages WHERE key = ?`).get(key) as PassageRow | undefined;
    return row ? toPassage(row) : null;
  }

  /** A document's passages in order. */
  ofDocument(documentId: string): StoredPassage[] {
    return (this.sql.get(`SELECT ${COLUMNS} FROM passages WHERE document_id = ? ORDER BY ordinal`).all(documentId) as PassageRow[]).map(toPassage);
  }

  /** Every passage row, document by document and in order within each. */
  iterateRows(): IterableIterator<PassageRow> {
    return this.sql.get(`SELECT ${COLUMNS} FROM passages ORDER BY document_id, ordinal`).iterate() as IterableIterator<PassageRow>;
  }

  /** Keys of a document's passages, in order. */
  keysOfDocument(documentId: string): number[] {
    return this.sql.get('SELECT key FROM passages WHERE document_id = ? ORDER BY ordinal').pluck().all(documentId) as number[];
  }

  /** Keys of the passages of some documents. */
  keysOfDocuments(documentIds: string[]): Set<number> {
    return new Set(this.sql.get('SELECT key FROM passages WHERE document_id IN (SELECT value FROM json_each(?))').pluck().all(jsonList(documentIds)) as number[]);
  }

  /** Keys of every passage (read through the smaller index). */
  allKeys(): number[] {
    return this.sql.get('SELECT key FROM passages INDEXED BY passages_by_document').pluck().all() as number[];
  }

  /** Count, sum and largest of the passage keys: a cheap fingerprint of which passages exist. */
  keyFingerprint(): { count: number; sum: number; max: number } {
    return this.sql.get('SELECT count(*) AS count, coalesce(sum(key), 0) AS sum, coalesce(max(key), 0) AS max FROM passages INDEXED BY passages_by_document').get() as {
      count: number;
      sum: number;
      max: number;
    };
  }

  /** The largest key ever given (AUTOINCREMENT never reuses one), 0 before the first passage. */
  keySequence(): number {
    return (this.sql.get("SELECT seq FROM sqlite_sequence WHERE name = 'passages'").pluck().get() as number | undefined) ?? 0;
  }

  /** Document and text of each passage keyed in `keys` (missing keys left out), in key order. */
  texts(keys: Iterable<number>): { key: number; documentId: string; text: string }[] {
    return this.sql
      .get('SELECT key, document_id AS documentId, text FROM passages WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key')
      .all(jsonList(keys)) as { key: number; documentId: string; text: string }[];
  }

  /** Ids of the documents some of these passages belong to. */
  documentsOf(keys: Iterable<number>): string[] {
    return this.sql.get('SELECT DISTINCT document_id FROM passages WHERE key IN (SELECT value FROM json_each(?))').pluck().all(jsonList(keys)) as string[];
  }
}
