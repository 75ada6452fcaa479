/**
 * The `documents` table: one row per stored document, with its metadata columns (snake_case in SQL, DocumentFields
 * in TypeScript), its content hash and its full text. Its list rows also count the passages and join the sources.
 */
import type { DocumentKind } from '../../core/references.js';
import type { CatalogDocument } from '../document-catalog.js';
import type { DocumentFields, DocumentStatus, PreparedDocument, SourceFormat, StoredDocument } from '../../core/types.js';
import { jsonList, type Statements } from './statements.js';

/** The metadata columns of a `documents` row as SQLite returns them. */
export interface FieldColumns {
  title: string | null;
  date: string | null;
  kind: DocumentKind;
  number: string | null;
  issuer: string | null;
  term: string | null;
  author: string | null;
  signer: string | null;
  signer_title: string | null;
  on_behalf_of: string | null;
  status: DocumentStatus | null;
}

/** A document as listed: its row without the text, with its sources (newline-joined) and passage count. */
export interface DocumentListRow extends FieldColumns {
  id: string;
  format: SourceFormat;
  ingested_at: string;
  sources: string | null;
  passage_count: number;
}

/** Id, number, title, kind, term and date of a document (the in-memory catalog, src/store/document-catalog.ts). */
export type CatalogRow = CatalogDocument;

/** A document's id, title and text (what indexing a passage needs). */
export interface DocumentTextRow {
  id: string;
  title: string | null;
  text: string;
}

/** The metadata of a row (rows carry more, which must not leak into responses). */
export const toFields = (r: FieldColumns): DocumentFields => ({
  title: r.title,
  date: r.date,
  kind: r.kind,
  number: r.number,
  issuer: r.issuer,
  term: r.term,
  author: r.author,
  signer: r.signer,
  signerTitle: r.signer_title,
  onBehalfOf: r.on_behalf_of,
  status: r.status,
});

/** A listed document; its sources sorted. */
export const toDocument = (r: DocumentListRow): StoredDocument => ({
  id: r.id,
  ...toFields(r),
  format: r.format,
  sources: r.sources ? r.sources.split('\n').sort() : [],
  passageCount: r.passage_count,
  ingestedAt: r.ingested_at,
});

const FIELD_COLUMNS = 'd.title, d.date, d.kind, d.number, d.issuer, d.term, d.author, d.signer, d.signer_title, d.on_behalf_of, d.status';

const LIST = `
  SELECT d.id, d.format, ${FIELD_COLUMNS}, d.ingested_at,
         (SELECT group_concat(path, char(10)) FROM sources s WHERE s.document_id = d.id) AS sources,
         (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count
  FROM documents d`;

const INSERT =
  'INSERT INTO documents(id, content_hash, format, title, date, kind, number, issuer, term, author, signer, signer_title, on_behalf_of, status, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export class DocumentsTable {
  constructor(private readonly sql: Statements) {}

  /** Inserts the document's row (not its passages, citations or sources); `ingestedAt` ISO. */
  insert(doc: PreparedDocument, ingestedAt: string): void {
    this.sql
      .get(INSERT)
      .run(
        doc.id,
        doc.contentHash,
        doc.format,
        doc.title,
        doc.date,
        doc.kind,
        doc.number,
        doc.issuer,
        doc.term,
        doc.author,
        doc.signer,
        doc.signerTitle,
        doc.onBehalfOf,
        doc.status,
        doc.text,
        ingestedAt,
      );
  }

  /** Deletes a document; its passages, vectors, citations, relations and sources go with it (ON DELETE CASCADE). */
  delete(id: string): void {
    this.sql.get('DELETE FROM documents WHERE id = ?').run(id);
  }

  has(id: string): boolean {
    return this.sql.get('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  count(): number {
    return this.sql.get('SELECT count(*) FROM documents').pluck().get() as number;
  }

  ids(): string[] {
    return this.sql.get('SELECT id FROM documents ORDER BY id').pluck().all() as string[];
  }

  text(id: string): string | null {
    return (this.sql.get('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  /** Id, title and text of one document, or null. */
  withText(id: string): DocumentTextRow | null {
    return (this.sql.get('SELECT id, title, text FROM documents WHERE id = ?').get(id) as DocumentTextRow | undefined) ?? null;
  }

  /** Every document (newest first, then by title). */
  list(): StoredDocument[] {
    return (this.sql.get(`${LIST} ORDER BY d.date DESC, d.title`).all() as DocumentListRow[]).map(toDocument);
  }

  /** One document with its text, or null. */
  get(id: string): (StoredDocument & { text: string }) | null {
    const row = this.sql.get(`${LIST} WHERE d.id = ?`).get(id) as DocumentListRow | undefined;
    const text = this.text(id);
    return row && text !== null ? { ...toDocument(row), text } : null;
  }

  /** Metadata and first source (the smallest path) of each document of `ids` that exists. */
  summaries(ids: string[]): Map<string, DocumentFields & { source: string | null }> {
    const out = new Map<string, DocumentFields & { source: string | null }>();
    if (ids.length === 0) return out;
    const rows = this.sql
      .get(`SELECT d.id, ${FIELD_COLUMNS}, (SELECT min(path) FROM sources s WHERE s.document_id = d.id) AS source FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`)
      .all(jsonList(ids)) as (FieldColumns & { id: string; source: string | null })[];
    for (const r of rows) out.set(r.id, { ...toFields(r), source: r.source });
    return out;
  }

  /** Documents whose own number is one of these. */
  numbered(numbers: string[]): string[] {
    if (numbers.length === 0) return [];
    return this.sql.get('SELECT id FROM documents WHERE number IN (SELECT value FROM json_each(?))').pluck().all(jsonList(numbers)) as string[];
  }

  catalog(): CatalogRow[] {
    return this.sql.get('SELECT id, number, title, kind, term, date FROM documents').all() as CatalogRow[];
  }

  /** Ids of the documents whose metadata passes a test. */
  idsWhere(test: (id: string, fields: DocumentFields) => boolean): string[] {
    const rows = this.sql.get(`SELECT d.id, ${FIELD_COLUMNS} FROM documents d`).all() as (FieldColumns & { id: string })[];
    return rows.filter((r) => test(r.id, toFields(r))).map((r) => r.id);
  }

  /** Documents no source points at any more. */
  orphaned(): string[] {
    return this.sql.get('SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM sources)').pluck().all() as string[];
  }
}
