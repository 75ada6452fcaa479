/**
 * The document store: documents, their sources, passages, citations, relations and vectors, in one SQLite file. Every
 * write that makes a document visible is one transaction, so a document is whole or absent. The search indexes
 * (lexical and vector) are derived from it and can always be rebuilt from it.
 *
 * This class is the facade: each table has its module under src/store/tables/ (its row type, its row mapper and its
 * statements), src/store/tables/schema.ts creates, upgrades or opens the file, and the methods here compose them
 * (the transactions that span tables live here). Only this file imports the table modules
 * (test/architecture.test.ts).
 */
import type Database from 'better-sqlite3';
import type { Reference, ReferencePattern } from '../core/references.js';
import type { DocumentFields, PreparedDocument, StoredDocument, StoredPassage } from '../core/types.js';
import { CitationsTable } from './tables/citations.js';
import { type CatalogRow, DocumentsTable, type DocumentTextRow } from './tables/documents.js';
import { MetaTable } from './tables/meta.js';
import { PassagesTable, toPassage } from './tables/passages.js';
import { RelationsTable, type StatusChangeRow, type StoredRelation } from './tables/relations.js';
import { openForReading, openForWriting } from './tables/schema.js';
import { type SourceRecord, SourcesTable } from './tables/sources.js';
import type { Statements } from './tables/statements.js';
import { VectorsTable } from './tables/vectors.js';

export { SCHEMA_VERSION } from './tables/schema.js';
export type { SourceRecord } from './tables/sources.js';
export type { StatusChangeRow, StoredRelation } from './tables/relations.js';

export interface StoreCounts {
  documents: number;
  passages: number;
  vectors: number;
}

export interface StoreOptions {
  /** Open an existing store without writing a byte (SQLite `readonly`); every write method then throws. */
  readonly?: boolean;
  /** Runs after the connection closes (for a private copy to remove). */
  onClose?: () => void;
}

export class DocumentStore {
  private readonly db: Database.Database;
  private readonly file: string;
  private readonly readOnly: boolean;
  private readonly onClose: (() => void) | null;
  private readonly meta: MetaTable;
  private readonly documents: DocumentsTable;
  private readonly sources: SourcesTable;
  private readonly passages: PassagesTable;
  private readonly citations: CitationsTable;
  private readonly relationRows: RelationsTable;
  private readonly vectorRows: VectorsTable;

  /**
   * Opens (creating when missing) and upgrades the store for writing, or with `readonly` opens an existing one without
   * writing a byte: no pragma that writes, no schema creation or upgrade (a store of an older schema is refused with
   * `index_outdated`). `onClose` runs after the connection closes (for a private copy to remove).
   */
  constructor(file: string, options: StoreOptions = {}) {
    this.file = file;
    this.readOnly = options.readonly === true;
    this.onClose = options.onClose ?? null;
    const sql: Statements = this.readOnly ? openForReading(file) : openForWriting(file);
    this.db = sql.db;
    this.meta = new MetaTable(sql);
    this.documents = new DocumentsTable(sql);
    this.sources = new SourcesTable(sql);
    this.passages = new PassagesTable(sql);
    this.citations = new CitationsTable(sql);
    this.relationRows = new RelationsTable(sql);
    this.vectorRows = new VectorsTable(sql);
  }

  /**
   * An existing store opened read-only (what `npm run check` and the reading commands use): nothing is ever written,
   * the file must exist and be of the current schema (else `index_outdated`), and each write method throws an Error
   * naming the method and the file instead of reaching SQLite.
   */
  static openReadOnly(file: string, options: { onClose?: () => void } = {}): DocumentStore {
    return new DocumentStore(file, { ...options, readonly: true });
  }

  /** Whether this store was opened read-only. */
  get isReadOnly(): boolean {
    return this.readOnly;
  }

  /** Throws before a write through a read-only store (SQLite would say only "attempt to write a readonly database"). */
  private writable(method: string): void {
    if (this.readOnly) throw new Error(`the store ${this.file} was opened read-only: ${method} cannot write to it`);
  }

  close(): void {
    try {
      this.db.close();
    } finally {
      this.onClose?.();
    }
  }

  /** The connection's journal mode and sync level (`wal`, `full` for this store): what a commit promises. */
  durability(): { journalMode: string; synchronous: 'off' | 'normal' | 'full' | 'extra' } {
    const journalMode = this.db.pragma('journal_mode', { simple: true }) as string;
    const level = this.db.pragma('synchronous', { simple: true }) as number;
    return { journalMode, synchronous: (['off', 'normal', 'full', 'extra'] as const)[level] ?? 'full' };
  }

  /** Problems SQLite itself finds in the file. */
  integrityProblems(): string[] {
    const rows = this.db.prepare('PRAGMA quick_check').pluck().all() as string[];
    return rows.filter((r) => r !== 'ok');
  }

  getMeta(key: string): string | null {
    return this.meta.get(key);
  }

  setMeta(key: string, value: string): void {
    this.writable('setMeta');
    this.meta.set(key, value);
  }

  counts(): StoreCounts {
    return { documents: this.documents.count(), passages: this.passages.count(), vectors: this.vectorRows.count() };
  }

  getSource(path: string): SourceRecord | null {
    return this.sources.get(path);
  }

  hasDocument(id: string): boolean {
    return this.documents.has(id);
  }

  /**
   * Adds a document with its citations, relations, passages and (when given) vectors, and points `sourcePath` at it,
   * in one transaction. Returns the keys of the new passages, in passage order.
   */
  addDocument(doc: PreparedDocument, sourcePath: string, fileHash: string, vectors: { model: string; values: Float32Array[] } | null): number[] {
    this.writable('addDocument');
    return this.db.transaction(() => {
      this.documents.insert(doc, new Date().toISOString());
      for (const r of doc.references) this.citations.insert(doc.id, r);
      // Relations are read here, from the text as stored, so that an upgrade reads them the same way (schema.ts).
      this.relationRows.insertFrom(doc);
      const keys = doc.passages.map((p, i) => {
        const key = this.passages.insert(doc.id, p);
        const vector = vectors?.values[i];
        if (vectors && vector) this.vectorRows.insert(key, vectors.model, vector);
        return key;
      });
      this.sources.set(sourcePath, doc.id, fileHash);
      return keys;
    })();
  }

  /** Points a path at an already stored document (same content found under another path). */
  linkSource(path: string, documentId: string, fileHash: string): void {
    this.writable('linkSource');
    this.sources.set(path, documentId, fileHash);
  }

  documentIds(): string[] {
    return this.documents.ids();
  }

  documentText(id: string): string | null {
    return this.documents.text(id);
  }

  /** Count, sum and largest of the passage keys: a cheap fingerprint of which passages exist. */
  passageKeyFingerprint(): { count: number; sum: number; max: number } {
    return this.passages.keyFingerprint();
  }

  /** The largest passage key ever given (AUTOINCREMENT never reuses one), 0 before the first passage. */
  passageKeySequence(): number {
    return this.passages.keySequence();
  }

  /** Keys of every passage. */
  allPassageKeys(): number[] {
    return this.passages.allKeys();
  }

  /** Passages (all, or those keyed in `keys`) with their document's title and text, document by document. */
  *passagesWithDocuments(keys: ReadonlySet<number> | null): Generator<{ document: DocumentTextRow; passage: StoredPassage }> {
    let document: DocumentTextRow | null = null;
    for (const row of this.passages.iterateRows()) {
      if (keys !== null && !keys.has(row.key)) continue;
      if (document?.id !== row.document_id) {
        document = this.documents.withText(row.document_id);
        // The passage's document is in the same snapshot (a foreign key), unless the file is damaged.
        if (!document) throw new Error(`passage ${row.id} belongs to document ${row.document_id}, which the store does not hold`);
      }
      yield { document, passage: toPassage(row) };
    }
  }

  /** Forgets one path; the document stays while another path points at it. */
  deleteSource(path: string): boolean {
    this.writable('deleteSource');
    return this.sources.delete(path);
  }

  /** Passage keys of a document (to drop its vectors from the vector index). */
  passageKeys(documentId: string): number[] {
    return this.passages.keysOfDocument(documentId);
  }

  /** Removes a document everywhere in the store; returns the keys its passages had. */
  deleteDocument(documentId: string): number[] {
    this.writable('deleteDocument');
    return this.db.transaction(() => {
      const keys = this.passages.keysOfDocument(documentId);
      this.documents.delete(documentId);
      return keys;
    })();
  }

  /** Documents no source points at any more. */
  orphanedDocuments(): string[] {
    return this.documents.orphaned();
  }

  /** Every document, newest first, then by title. */
  listDocuments(): StoredDocument[] {
    return this.documents.list();
  }

  getDocument(id: string): (StoredDocument & { text: string }) | null {
    return this.documents.get(id);
  }

  /** Metadata and first source of each document, for result lists. */
  documentSummaries(ids: string[]): Map<string, DocumentFields & { source: string | null }> {
    return this.documents.summaries(ids);
  }

  /** What a document cites, in text order. */
  references(documentId: string): Reference[] {
    return this.citations.ofDocument(documentId);
  }

  /** Where other documents cite this key (a document number), ordered by citing document and position. */
  citationsOf(key: string): { documentId: string; text: string; start: number; end: number }[] {
    return this.citations.of(key);
  }

  /**
   * Relations as stored: those stated in a document (`in`), those naming a number as their target (`target`), or
   * those naming a number as their subject (`source`), in document and text order.
   */
  relations(where: { in: string } | { target: string } | { source: string }): StoredRelation[] {
    return this.relationRows.where(where);
  }

  /**
   * Every replacement, repeal or amendment of an indexed document by another indexed document that has a number:
   * the stating document itself (source_number null) or the document the sentence names as its subject.
   */
  statusChanges(): StatusChangeRow[] {
    return this.relationRows.statusChanges();
  }

  getPassage(key: number): StoredPassage | null {
    return this.passages.get(key);
  }

  documentPassages(documentId: string): StoredPassage[] {
    return this.passages.ofDocument(documentId);
  }

  /** Documents whose own number is one of these. */
  documentsNumbered(numbers: string[]): string[] {
    return this.documents.numbered(numbers);
  }

  /**
   * Numbers cited that start with a sequence number (`72` → `72-NQ/TW`, `72/2025/NQ-HĐND`; `5` → `05-CT/TW`), each with
   * how many documents cite it.
   */
  citedNumbers(sequence: string): { number: string; documents: number }[] {
    return this.citations.numbersStartingWith(sequence);
  }

  /** Passages that hold a citation matching the pattern, in document order. */
  citingPassages(pattern: ReferencePattern): number[] {
    return this.citations.citingPassages(pattern);
  }

  /** Id, number, title, kind, term and date of every document (for the in-memory catalog, src/store/document-catalog.ts). */
  catalogDocuments(): CatalogRow[] {
    return this.documents.catalog();
  }

  /** Ids of the documents whose metadata passes a test. */
  documentIdsWhere(test: (id: string, fields: DocumentFields) => boolean): string[] {
    return this.documents.idsWhere(test);
  }

  /** Passage keys of some documents. */
  passageKeysOf(documentIds: string[]): Set<number> {
    return this.passages.keysOfDocuments(documentIds);
  }

  /** Document and text of each passage keyed in `keys` (missing keys left out), in key order. */
  passageTexts(keys: Iterable<number>): { key: number; documentId: string; text: string }[] {
    return this.passages.texts(keys);
  }

  /** Ids of the documents some of these passages belong to. */
  documentsOfPassages(keys: Iterable<number>): string[] {
    return this.passages.documentsOf(keys);
  }

  /** Stores or replaces the vectors of some passages for a model, in one transaction. */
  putVectors(model: string, entries: { key: number; vector: Float32Array }[]): void {
    this.writable('putVectors');
    this.db.transaction(() => {
      for (const { key, vector } of entries) this.vectorRows.put(key, model, vector);
    })();
  }

  /** Vectors of one model, in key order (to rebuild the vector index). */
  vectors(model: string): Generator<{ key: number; vector: Float32Array }> {
    return this.vectorRows.ofModel(model);
  }

  /** The vectors of one document's passages for a model, in passage order. */
  documentVectors(documentId: string, model: string): Float32Array[] {
    return this.vectorRows.ofDocument(documentId, model);
  }

  /** Models that stored vectors belong to. */
  vectorModels(): string[] {
    return this.vectorRows.models();
  }

  /** Deletes the vectors of every other model; returns how many. */
  deleteVectorsNotOf(model: string): number {
    this.writable('deleteVectorsNotOf');
    return this.vectorRows.deleteNotOf(model);
  }

  /** Passages that have no vector for the model yet, with their context. */
  passagesWithoutVector(model: string): { key: number; text: string; section: string | null; title: string | null }[] {
    return this.vectorRows.passagesWithout(model);
  }
}
