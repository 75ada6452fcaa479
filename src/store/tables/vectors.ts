/**
 * The `vectors` table: one embedding per passage key and the model that made it, as little-endian float32 bytes.
 * The HNSW vector index beside the store is rebuilt from it.
 */
import type { Statements } from './statements.js';

/** A row of `vectors` as SQLite returns it. */
export interface VectorRow {
  passage_key: number;
  model: string;
  vector: Buffer;
}

/** The stored bytes of a vector (a view, no copy). */
export const vectorBytes = (vector: Float32Array): Buffer => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);

/** A stored vector as a Float32Array of its own (copied: the Buffer may share a larger allocation at an offset a Float32Array cannot start at). */
export const toVector = (bytes: Buffer): Float32Array => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

const INSERT = 'INSERT INTO vectors(passage_key, model, vector) VALUES (?, ?, ?)';
const PUT = 'INSERT INTO vectors(passage_key, model, vector) VALUES (?, ?, ?) ON CONFLICT(passage_key) DO UPDATE SET model = excluded.model, vector = excluded.vector';

export class VectorsTable {
  constructor(private readonly sql: Statements) {}

  /** Stores the vector of a new passage. */
  insert(key: number, model: string, vector: Float32Array): void {
    this.sql.get(INSERT).run(key, model, vectorBytes(vector));
  }

  /** Stores or replaces the vector of a passage (the caller holds the transaction). */
  put(key: number, model: string, vector: Float32Array): void {
    this.sql.get(PUT).run(key, model, vectorBytes(vector));
  }

  count(): number {
    return this.sql.get('SELECT count(*) FROM vectors').pluck().get() as number;
  }

  /** Vectors of one model, in key order. */
  *ofModel(model: string): Generator<{ key: number; vector: Float32Array }> {
    const rows = this.sql.get('SELECT passage_key, model, vector FROM vectors WHERE model = ? ORDER BY passage_key').iterate(model) as IterableIterator<VectorRow>;
    for (const r of rows) yield { key: r.passage_key, vector: toVector(r.vector) };
  }

  /** The vectors of one document's passages for a model, in passage order. */
  ofDocument(documentId: string, model: string): Float32Array[] {
    const rows = this.sql
      .get('SELECT v.vector FROM passages p JOIN vectors v ON v.passage_key = p.key AND v.model = ? WHERE p.document_id = ? ORDER BY p.ordinal')
      .pluck()
      .all(model, documentId) as Buffer[];
    return rows.map(toVector);
  }

  /** Models that stored vectors belong to (read through the model index, not the vectors). */
  models(): string[] {
    return this.sql.get('SELECT DISTINCT model FROM vectors').pluck().all() as string[];
  }

  /** Deletes the vectors of other models; returns how many. */
  deleteNotOf(model: string): number {
    return this.sql.get('DELETE FROM vectors WHERE model <> ?').run(model).changes;
  }

  /** Passages that have no vector for the model yet, with their section and document title, in key order. */
  passagesWithout(model: string): { key: number; text: string; section: string | null; title: string | null }[] {
    return this.sql
      .get(
        'SELECT p.key, p.text, p.section, d.title FROM passages p JOIN documents d ON d.id = p.document_id LEFT JOIN vectors v ON v.passage_key = p.key AND v.model = ? WHERE v.passage_key IS NULL ORDER BY p.key',
      )
      .all(model) as { key: number; text: string; section: string | null; title: string | null }[];
  }
}
