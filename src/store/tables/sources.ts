/** The `sources` table: which stored document each ingested path holds, and the file's hash when it was read. */
import type { Statements } from './statements.js';

/** A row of `sources` as SQLite returns it. */
export interface SourceRow {
  path: string;
  document_id: string;
  file_hash: string;
}

/** What the store knows of one path. */
export interface SourceRecord {
  documentId: string;
  fileHash: string;
}

export const toSource = (r: Pick<SourceRow, 'document_id' | 'file_hash'>): SourceRecord => ({ documentId: r.document_id, fileHash: r.file_hash });

const GET = 'SELECT document_id, file_hash FROM sources WHERE path = ?';
const SET = 'INSERT INTO sources(path, document_id, file_hash) VALUES (?, ?, ?) ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, file_hash = excluded.file_hash';
const DELETE = 'DELETE FROM sources WHERE path = ?';

export class SourcesTable {
  constructor(private readonly sql: Statements) {}

  get(path: string): SourceRecord | null {
    const row = this.sql.get(GET).get(path) as SourceRow | undefined;
    return row ? toSource(row) : null;
  }

  /** Points `path` at a document (a new path, or a path whose file changed). */
  set(path: string, documentId: string, fileHash: string): void {
    this.sql.get(SET).run(path, documentId, fileHash);
  }

  /** Forgets one path; true when it was known. */
  delete(path: string): boolean {
    return this.sql.get(DELETE).run(path).changes > 0;
  }
}
