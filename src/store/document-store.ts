/**
 * The document store: documents, their sources, passages, citations and vectors, in one SQLite file. Every write
 * that makes a document visible is one transaction, so a document is whole or absent. The search indexes (lexical
 * and vector) are derived from it and can always be rebuilt from it.
 */
import Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import type { Reference, ReferencePattern } from '../core/references.js';
import { findRelations, subjectNumber, type Relation, type RelationType } from '../core/relations.js';
import type { DocumentFields, PreparedDocument, SourceFormat, StoredDocument, StoredPassage } from '../core/types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  title TEXT,
  date TEXT,
  kind TEXT NOT NULL,
  number TEXT,
  issuer TEXT,
  term TEXT,
  author TEXT,
  signer TEXT,
  signer_title TEXT,
  on_behalf_of TEXT,
  status TEXT,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_number ON documents(number);
CREATE TABLE IF NOT EXISTS citations (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  kind TEXT,
  number TEXT,
  issuer TEXT,
  term TEXT,
  date TEXT,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_by_document ON citations(document_id);
CREATE INDEX IF NOT EXISTS citations_by_key ON citations(key);
-- Relations the text states (src/core/relations.ts), read at ingest: a null source_number is the stating document.
CREATE TABLE IF NOT EXISTS relations (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  source_number TEXT,
  target_number TEXT NOT NULL,
  partial INTEGER NOT NULL,
  since TEXT,
  sentence TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  target_start INTEGER NOT NULL,
  target_end INTEGER NOT NULL,
  rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS relations_by_document ON relations(document_id);
CREATE INDEX IF NOT EXISTS relations_by_target ON relations(target_number);
CREATE INDEX IF NOT EXISTS relations_by_source ON relations(source_number);
CREATE TABLE IF NOT EXISTS sources (
  path TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  file_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_by_document ON sources(document_id);
CREATE TABLE IF NOT EXISTS passages (
  key INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  section TEXT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  hash TEXT NOT NULL,
  page INTEGER,
  ocr INTEGER,
  confidence REAL
);
CREATE INDEX IF NOT EXISTS passages_by_document ON passages(document_id, ordinal);
CREATE TABLE IF NOT EXISTS vectors (
  passage_key INTEGER PRIMARY KEY REFERENCES passages(key) ON DELETE CASCADE,
  model TEXT NOT NULL,
  vector BLOB NOT NULL
);
-- Counting and listing models through this index reads a few MB instead of every vector.
CREATE INDEX IF NOT EXISTS vectors_by_model ON vectors(model);
`;

/** Bumped whenever the tables or the lexical terms change shape; older index folders must be rebuilt. */
export const SCHEMA_VERSION = '8';
/**
 * Older versions upgraded in place: 4 kept lexical terms in an FTS5 table (now in the lexical index files beside
 * the store); 5 lacked the signature-block and validity columns (added empty; `npm run reindex` fills them); 6 lacked
 * the relations table and the passages' page, OCR mark and confidence; 7 had one of the two (the relations table is
 * created and filled from the stored texts by every upgrade; the passage columns are added empty: null page, not OCR'd).
 */
const UPGRADES: Record<string, string> = {
  '4': 'DROP TABLE IF EXISTS passage_terms;',
  '5': '',
  '6': '',
  '7': '',
};
const ADDED_IN_6 = ['signer', 'signer_title', 'on_behalf_of', 'status'];
const ADDED_IN_7: [string, string][] = [
  ['page', 'INTEGER'],
  ['ocr', 'INTEGER'],
  ['confidence', 'REAL'],
];

/** A relation as stored: where it is stated (`documentId`) and what src/core/relations.ts read. */
export interface StoredRelation extends Omit<Relation, 'type'> {
  documentId: string;
  type: RelationType;
}

/** An indexed document replaced, repealed or amended by another indexed document (`by…`), as a sentence states it. */
export interface StatusChangeRow {
  targetId: string;
  type: 'replaces' | 'repeals' | 'amends';
  partial: boolean;
  since: string | null;
  statedIn: string;
  sentence: string;
  start: number;
  end: number;
  byId: string;
  byNumber: string;
  byTitle: string | null;
  byDate: string | null;
}

export interface SourceRecord {
  documentId: string;
  fileHash: string;
}

export interface StoreCounts {
  documents: number;
  passages: number;
  vectors: number;
}

interface DocumentRow extends DocumentFields {
  id: string;
  format: SourceFormat;
  ingested_at: string;
  sources: string | null;
  passage_count: number;
}

interface PassageRow {
  page: number | null;
  ocr: number | null;
  confidence: number | null;
  key: number;
  id: string;
  document_id: string;
  ordinal: number;
  section: string | null;
  start: number;
  end: number;
  text: string;
}

const PASSAGE_COLUMNS = 'key, id, document_id, ordinal, section, start, "end", text, page, ocr, confidence';

const toPassage = (r: PassageRow): StoredPassage => ({
  key: r.key,
  id: r.id,
  documentId: r.document_id,
  ordinal: r.ordinal,
  text: r.text,
  section: r.section,
  start: r.start,
  end: r.end,
  // Paged sources only: other passages keep their shape.
  ...(r.page === null ? {} : { page: r.page, ocr: r.ocr === 1, confidence: r.confidence }),
});

/** The metadata columns of a row (rows carry more, which must not leak into responses). */
const toFields = (r: DocumentFields): DocumentFields => ({
  title: r.title,
  date: r.date,
  kind: r.kind,
  number: r.number,
  issuer: r.issuer,
  term: r.term,
  author: r.author,
  signer: r.signer,
  signerTitle: r.signerTitle,
  onBehalfOf: r.onBehalfOf,
  status: r.status,
});

const FIELD_COLUMNS =
  'd.title, d.date, d.kind, d.number, d.issuer, d.term, d.author, d.signer, d.signer_title AS signerTitle, d.on_behalf_of AS onBehalfOf, d.status';

const toDocument = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  ...toFields(r),
  format: r.format,
  sources: r.sources ? r.sources.split('\n').sort() : [],
  passageCount: r.passage_count,
  ingestedAt: r.ingested_at,
});

const DOCUMENT_SELECT = `
  SELECT d.id, d.format, ${FIELD_COLUMNS}, d.ingested_at,
         (SELECT group_concat(path, char(10)) FROM sources s WHERE s.document_id = d.id) AS sources,
         (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count
  FROM documents d`;

export class DocumentStore {
  private readonly db: Database.Database;
  /** Prepared once per SQL text: preparing costs more than running most of these queries. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly onClose: (() => void) | null;

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement;
  }

  /**
   * Opens (creating when missing) and upgrades the store for writing, or with `readonly` opens an existing one without
   * writing a byte: no pragma that writes, no schema creation or upgrade (a store of an older schema is refused with
   * `index_outdated`). `onClose` runs after the connection closes (for a private copy to remove).
   */
  constructor(file: string, options: { readonly?: boolean; onClose?: () => void } = {}) {
    this.onClose = options.onClose ?? null;
    if (options.readonly) {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      let version: string | null;
      try {
        version = this.getMeta('schema_version');
      } catch (err) {
        this.close();
        throw err;
      }
      if (version !== SCHEMA_VERSION) {
        this.close();
        const fix = version !== null && version in UPGRADES ? 'any writing command (npm start, ingest, reindex) upgrades it in place' : 'delete its folder and ingest again';
        throw new UserError('index_outdated', `the index ${file} was built by an older version (schema ${version ?? '1'}): ${fix}`);
      }
      return;
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: each commit that makes a document visible is fsynced in the WAL before it returns, so what is reported
    // done survives a power loss (NORMAL syncs only at checkpoints). Measured: +17–26 % on a lexical-only ingest of
    // 807 articles (28.8 s → 33.8–36.4 s, about 6–9 ms per commit on this machine's disk); embedding dwarfs it.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    const fresh = this.sql("SELECT count(*) AS n FROM sqlite_master WHERE name = 'documents'").get() as { n: number };
    if (fresh.n > 0) this.addMissingColumns();
    this.db.exec(SCHEMA);
    const version = this.getMeta('schema_version');
    if (version === null && fresh.n === 0) this.setMeta('schema_version', SCHEMA_VERSION);
    else if (version !== null && version in UPGRADES) {
      this.db.transaction(() => {
        this.db.exec(UPGRADES[version]!);
        this.fillRelations();
        this.setMeta('schema_version', SCHEMA_VERSION);
      })();
    } else if (version !== SCHEMA_VERSION) {
      this.db.close();
      throw new UserError('index_outdated', `the index ${file} was built by an older version (schema ${version ?? '1'}); delete its folder and ingest again`);
    }
  }

  /** Relations read from every stored text (an upgrade from a schema without them). */
  private fillRelations(): void {
    const insert = this.relationInsert();
    this.sql('DELETE FROM relations').run();
    const rows = this.sql('SELECT id, number, title, text FROM documents').all() as { id: string; number: string | null; title: string | null; text: string }[];
    for (const d of rows) {
      const subject = subjectNumber(d.number, d.title);
      for (const r of findRelations(d.text, subject)) insert(d.id, r, d.number === null ? subject : null);
    }
  }

  /**
   * Inserts relations stated in one document. `subject`: for a page without a number of its own that speaks for the
   * document its title names (src/core/relations.ts subjectNumber), that number is stored as the source of what it
   * says of itself; a null source stays the stating document.
   */
  private relationInsert(): (documentId: string, r: Relation, subject: string | null) => void {
    const statement = this.sql(
      'INSERT INTO relations(document_id, type, source_number, target_number, partial, since, sentence, start, "end", target_start, target_end, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return (documentId, r, subject) => {
      statement.run(documentId, r.type, r.sourceNumber ?? subject, r.targetNumber, r.partial ? 1 : 0, r.since, r.sentence, r.start, r.end, r.targetStart, r.targetEnd, r.rule);
    };
  }

  /** Columns added since schema 5, added empty to older `documents` and `passages` tables before anything reads them. */
  private addMissingColumns(): void {
    const have = new Set((this.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name));
    for (const column of ADDED_IN_6) if (!have.has(column)) this.db.exec(`ALTER TABLE documents ADD COLUMN ${column} TEXT`);
    const passageColumns = new Set((this.db.prepare('PRAGMA table_info(passages)').all() as { name: string }[]).map((c) => c.name));
    for (const [column, type] of ADDED_IN_7) {
      if (!passageColumns.has(column)) this.db.exec(`ALTER TABLE passages ADD COLUMN ${column} ${type}`);
    }
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
    return { journalMode, synchronous: (['off', 'normal', 'full', 'extra'] as const)[level]! };
  }

  getMeta(key: string): string | null {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  counts(): StoreCounts {
    const one = (sql: string) => (this.sql(sql).get() as { n: number }).n;
    return {
      documents: one('SELECT count(*) AS n FROM documents'),
      passages: one('SELECT count(*) AS n FROM passages'),
      vectors: one('SELECT count(*) AS n FROM vectors'),
    };
  }

  getSource(path: string): SourceRecord | null {
    const row = this.sql('SELECT document_id, file_hash FROM sources WHERE path = ?').get(path) as
      | { document_id: string; file_hash: string }
      | undefined;
    return row ? { documentId: row.document_id, fileHash: row.file_hash } : null;
  }

  hasDocument(id: string): boolean {
    return this.sql('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  /**
   * Adds a document with its passages and (when given) vectors, and points `sourcePath` at it.
   * Returns the keys of the new passages, in passage order.
   */
  addDocument(doc: PreparedDocument, sourcePath: string, fileHash: string, vectors: { model: string; values: Float32Array[] } | null): number[] {
    const insertDoc = this.sql(
      'INSERT INTO documents(id, content_hash, format, title, date, kind, number, issuer, term, author, signer, signer_title, on_behalf_of, status, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertCitation = this.sql(
      'INSERT INTO citations(document_id, key, kind, number, issuer, term, date, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertPassage = this.sql(
      'INSERT INTO passages(id, document_id, ordinal, section, start, "end", text, hash, page, ocr, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertVector = this.sql('INSERT INTO vectors(passage_key, model, vector) VALUES (?, ?, ?)');
    return this.db.transaction(() => {
      insertDoc.run(
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
        new Date().toISOString(),
      );
      for (const r of doc.references) insertCitation.run(doc.id, r.key, r.kind, r.number, r.issuer, r.term, r.date, r.text, r.start, r.end);
      // Relations are read here, from the text as stored, so that an upgrade reads them the same way (fillRelations).
      const insertRelation = this.relationInsert();
      const subject = subjectNumber(doc.number, doc.title);
      for (const r of findRelations(doc.text, subject)) insertRelation(doc.id, r, doc.number === null ? subject : null);
      const keys = doc.passages.map((p, i) => {
        const key = Number(
          insertPassage.run(
            `${doc.id}-${p.ordinal}`,
            doc.id,
            p.ordinal,
            p.section,
            p.start,
            p.end,
            p.text,
            p.hash,
            p.page ?? null,
            p.ocr === undefined ? null : p.ocr ? 1 : 0,
            p.confidence ?? null,
          ).lastInsertRowid,
        );
        const vector = vectors?.values[i];
        if (vectors && vector) insertVector.run(key, vectors.model, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
        return key;
      });
      this.setSourceRow(sourcePath, doc.id, fileHash);
      return keys;
    })();
  }

  /** Points a path at an already stored document (same content found under another path). */
  linkSource(path: string, documentId: string, fileHash: string): void {
    this.setSourceRow(path, documentId, fileHash);
  }

  private setSourceRow(path: string, documentId: string, fileHash: string): void {
    this
      .sql('INSERT INTO sources(path, document_id, file_hash) VALUES (?, ?, ?) ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, file_hash = excluded.file_hash')
      .run(path, documentId, fileHash);
  }

  /** Problems SQLite itself finds in the file. */
  integrityProblems(): string[] {
    const rows = this.sql('PRAGMA quick_check').all() as { quick_check: string }[];
    return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  }

  documentIds(): string[] {
    return (this.sql('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  }

  documentText(id: string): string | null {
    return (this.sql('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined)?.text ?? null;
  }

  /** Count, sum and largest of the passage keys: a cheap fingerprint of which passages exist. */
  passageKeyFingerprint(): { count: number; sum: number; max: number } {
    return this.sql('SELECT count(*) AS count, coalesce(sum(key), 0) AS sum, coalesce(max(key), 0) AS max FROM passages INDEXED BY passages_by_document').get() as { count: number; sum: number; max: number };
  }

  /** The largest passage key ever given (AUTOINCREMENT never reuses one), 0 before the first passage. */
  passageKeySequence(): number {
    const row = this.sql("SELECT seq FROM sqlite_sequence WHERE name = 'passages'").get() as { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  /** Keys of every passage. */
  allPassageKeys(): number[] {
    return this.sql('SELECT key FROM passages INDEXED BY passages_by_document').pluck().all() as number[];
  }

  /** Passages (all, or those keyed in `keys`) with their document's title and text, document by document. */
  *passagesWithDocuments(keys: ReadonlySet<number> | null): Generator<{ document: { id: string; title: string | null; text: string }; passage: StoredPassage }> {
    const getDoc = this.sql('SELECT id, title, text FROM documents WHERE id = ?');
    const rows = this.sql(`SELECT ${PASSAGE_COLUMNS} FROM passages ORDER BY document_id, ordinal`).iterate() as IterableIterator<PassageRow>;
    let document: { id: string; title: string | null; text: string } | null = null;
    for (const row of rows) {
      if (keys !== null && !keys.has(row.key)) continue;
      if (document?.id !== row.document_id) document = getDoc.get(row.document_id) as { id: string; title: string | null; text: string };
      yield { document, passage: toPassage(row) };
    }
  }

  /** Forgets one path; the document stays while another path points at it. */
  deleteSource(path: string): boolean {
    return this.sql('DELETE FROM sources WHERE path = ?').run(path).changes > 0;
  }

  /** Passage keys of a document (to drop its vectors from the vector index). */
  passageKeys(documentId: string): number[] {
    return (this.sql('SELECT key FROM passages WHERE document_id = ? ORDER BY ordinal').all(documentId) as { key: number }[]).map((r) => r.key);
  }

  /** Removes a document everywhere in the store; returns the keys its passages had. */
  deleteDocument(documentId: string): number[] {
    return this.db.transaction(() => {
      const keys = this.passageKeys(documentId);
      this.sql('DELETE FROM documents WHERE id = ?').run(documentId);
      return keys;
    })();
  }

  /** Documents no source points at any more. */
  orphanedDocuments(): string[] {
    return (this.sql('SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM sources)').all() as { id: string }[]).map((r) => r.id);
  }

  listDocuments(): StoredDocument[] {
    return (this.sql(`${DOCUMENT_SELECT} ORDER BY d.date DESC, d.title`).all() as DocumentRow[]).map(toDocument);
  }

  getDocument(id: string): (StoredDocument & { text: string }) | null {
    const row = this.sql(`${DOCUMENT_SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    if (!row) return null;
    const { text } = this.sql('SELECT text FROM documents WHERE id = ?').get(id) as { text: string };
    return { ...toDocument(row), text };
  }

  /** Metadata and first source of each document, for result lists. */
  documentSummaries(ids: string[]): Map<string, DocumentFields & { source: string | null }> {
    const out = new Map<string, DocumentFields & { source: string | null }>();
    if (ids.length === 0) return out;
    const rows = this
      .sql(
        `SELECT d.id, ${FIELD_COLUMNS}, (SELECT min(path) FROM sources s WHERE s.document_id = d.id) AS source FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as (DocumentFields & { id: string; source: string | null })[];
    for (const r of rows) out.set(r.id, { ...toFields(r), source: r.source });
    return out;
  }

  /** What a document cites, in text order. */
  references(documentId: string): Reference[] {
    return this
      .sql('SELECT key, kind, number, issuer, term, date, text, start, "end" FROM citations WHERE document_id = ? ORDER BY start')
      .all(documentId) as Reference[];
  }

  /** Where other documents cite this key (a document number), ordered by citing document and position. */
  citationsOf(key: string): { documentId: string; text: string; start: number; end: number }[] {
    return this
      .sql('SELECT document_id AS documentId, text, start, "end" FROM citations WHERE key = ? ORDER BY document_id, start')
      .all(key) as { documentId: string; text: string; start: number; end: number }[];
  }

  /**
   * Relations as stored: those stated in a document (`in`), those naming a number as their target (`target`), or
   * those naming a number as their subject (`source`), in document and text order.
   */
  relations(where: { in: string } | { target: string } | { source: string }): StoredRelation[] {
    const [column, value] = 'in' in where ? ['document_id', where.in] : 'target' in where ? ['target_number', where.target] : ['source_number', where.source];
    const rows = this
      .sql(
        `SELECT document_id AS documentId, type, source_number AS sourceNumber, target_number AS targetNumber, partial, since, sentence, start, "end", target_start AS targetStart, target_end AS targetEnd, rule FROM relations WHERE ${column} = ? ORDER BY document_id, start, target_start`,
      )
      .all(value) as (Omit<StoredRelation, 'partial'> & { partial: number })[];
    return rows.map((r) => ({ ...r, partial: r.partial === 1 }));
  }

  /**
   * Every replacement, repeal or amendment of an indexed document by another indexed document that has a number:
   * the stating document itself (source_number null) or the document the sentence names as its subject.
   */
  statusChanges(): StatusChangeRow[] {
    const columns = `t.id AS targetId, r.type, r.partial, r.since, r.document_id AS statedIn, r.sentence, r.start, r."end", s.id AS byId, s.number AS byNumber, s.title AS byTitle, s.date AS byDate`;
    const rows = this
      .sql(
        `SELECT ${columns} FROM relations r JOIN documents t ON t.number = r.target_number JOIN documents s ON s.id = r.document_id
           WHERE r.source_number IS NULL AND s.number IS NOT NULL AND s.id <> t.id AND r.type IN ('replaces', 'repeals', 'amends')
         UNION ALL
         SELECT ${columns} FROM relations r JOIN documents t ON t.number = r.target_number JOIN documents s ON s.number = r.source_number
           WHERE r.source_number IS NOT NULL AND s.id <> t.id AND r.type IN ('replaces', 'repeals', 'amends')`,
      )
      .all() as (Omit<StatusChangeRow, 'partial'> & { partial: number })[];
    return rows.map((r) => ({ ...r, partial: r.partial === 1 }));
  }

  getPassage(key: number): StoredPassage | null {
    const row = this.sql(`SELECT ${PASSAGE_COLUMNS} FROM passages WHERE key = ?`).get(key) as PassageRow | undefined;
    return row ? toPassage(row) : null;
  }

  documentPassages(documentId: string): StoredPassage[] {
    return (
      this.sql(`SELECT ${PASSAGE_COLUMNS} FROM passages WHERE document_id = ? ORDER BY ordinal`).all(documentId) as PassageRow[]
    ).map(toPassage);
  }

  /** Documents whose own number is one of these. */
  documentsNumbered(numbers: string[]): string[] {
    if (numbers.length === 0) return [];
    return (this.sql('SELECT id FROM documents WHERE number IN (SELECT value FROM json_each(?))').all(JSON.stringify(numbers)) as { id: string }[]).map((r) => r.id);
  }

  /**
   * Numbers cited that start with a sequence number (`72` → `72-NQ/TW`, `72/2025/NQ-HĐND`; `5` → `05-CT/TW`), each with
   * how many documents cite it.
   */
  citedNumbers(sequence: string): { number: string; documents: number }[] {
    // Ranges on the indexed key (a full number is its own key): `72-` up to `72.`, `72/` up to `720`.
    const starts = [...new Set([sequence, sequence.padStart(2, '0')])].flatMap((n) => [
      [`${n}-`, `${n}.`],
      [`${n}/`, `${n}0`],
    ]);
    const ranges = starts.map(() => '(key >= ? AND key < ?)').join(' OR ');
    return this
      .sql(`SELECT key AS number, count(DISTINCT document_id) AS documents FROM citations WHERE (${ranges}) AND number = key GROUP BY key`)
      .all(...starts.flat()) as { number: string; documents: number }[];
  }

  /** Passages that hold a citation matching the pattern, in document order. */
  citingPassages(pattern: ReferencePattern): number[] {
    const likes = pattern.prefixes.map((p) => `${p.replace(/[\\%_]/g, '\\$&')}%`);
    const rows = this
      .sql(
        `SELECT DISTINCT p.key FROM citations c CROSS JOIN passages p ON p.document_id = c.document_id AND c.start >= p.start AND c."end" <= p."end"
         WHERE c.key IN (SELECT value FROM json_each(?)) OR EXISTS (SELECT 1 FROM json_each(?) l WHERE c.key LIKE l.value ESCAPE '\\')
         ORDER BY p.key`,
      )
      .all(JSON.stringify(pattern.keys), JSON.stringify(likes)) as { key: number }[];
    return rows.map((r) => r.key);
  }

  /** Id, number, title, kind, term and date of every document (for the in-memory catalog, src/store/document-catalog.ts). */
  catalogDocuments(): { id: string; number: string | null; title: string | null; kind: string; term: string | null; date: string | null }[] {
    return this.sql('SELECT id, number, title, kind, term, date FROM documents').all() as {
      id: string;
      number: string | null;
      title: string | null;
      kind: string;
      term: string | null;
      date: string | null;
    }[];
  }

  /** Ids of the documents whose metadata passes a test. */
  documentIdsWhere(test: (id: string, fields: DocumentFields) => boolean): string[] {
    const rows = this.sql(`SELECT d.id, ${FIELD_COLUMNS} FROM documents d`).all() as (DocumentFields & { id: string })[];
    return rows.filter((r) => test(r.id, r)).map((r) => r.id);
  }

  /** Passage keys of some documents. */
  passageKeysOf(documentIds: string[]): Set<number> {
    const rows = this.sql('SELECT key FROM passages WHERE document_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(documentIds)) as { key: number }[];
    return new Set(rows.map((r) => r.key));
  }

  /** Document and text of each passage keyed in `keys` (missing keys left out), in key order. */
  passageTexts(keys: Iterable<number>): { key: number; documentId: string; text: string }[] {
    return this
      .sql('SELECT key, document_id AS documentId, text FROM passages WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key')
      .all(JSON.stringify([...keys])) as { key: number; documentId: string; text: string }[];
  }

  /** Ids of the documents some of these passages belong to. */
  documentsOfPassages(keys: Iterable<number>): string[] {
    return this.sql('SELECT DISTINCT document_id AS id FROM passages WHERE key IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...keys])) as string[];
  }

  putVectors(model: string, entries: { key: number; vector: Float32Array }[]): void {
    const put = this.sql('INSERT INTO vectors(passage_key, model, vector) VALUES (?, ?, ?) ON CONFLICT(passage_key) DO UPDATE SET model = excluded.model, vector = excluded.vector');
    this.db.transaction(() => {
      for (const { key, vector } of entries) put.run(key, model, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    })();
  }

  /** Vectors of one model, in key order (to rebuild the vector index). */
  *vectors(model: string): Generator<{ key: number; vector: Float32Array }> {
    const rows = this.sql('SELECT passage_key AS key, vector FROM vectors WHERE model = ? ORDER BY passage_key').iterate(model) as IterableIterator<{ key: number; vector: Buffer }>;
    for (const r of rows) yield { key: r.key, vector: new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength)) };
  }

  /** The vectors of one document's passages for a model, in passage order. */
  documentVectors(documentId: string, model: string): Float32Array[] {
    const rows = this
      .sql('SELECT v.vector FROM passages p JOIN vectors v ON v.passage_key = p.key AND v.model = ? WHERE p.document_id = ? ORDER BY p.ordinal')
      .all(model, documentId) as { vector: Buffer }[];
    return rows.map((r) => new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength)));
  }

  /** Models that stored vectors belong to. */
  vectorModels(): string[] {
    return (this.sql('SELECT DISTINCT model FROM vectors').all() as { model: string }[]).map((r) => r.model);
  }

  deleteVectorsNotOf(model: string): number {
    return this.sql('DELETE FROM vectors WHERE model <> ?').run(model).changes;
  }

  /** Passages that have no vector for the model yet, with their context. */
  passagesWithoutVector(model: string): { key: number; text: string; section: string | null; title: string | null }[] {
    return this
      .sql(
        'SELECT p.key, p.text, p.section, d.title FROM passages p JOIN documents d ON d.id = p.document_id LEFT JOIN vectors v ON v.passage_key = p.key AND v.model = ? WHERE v.passage_key IS NULL ORDER BY p.key',
      )
      .all(model) as { key: number; text: string; section: string | null; title: string | null }[];
  }
}
