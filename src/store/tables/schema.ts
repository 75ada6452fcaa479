/**
 * The store's tables and their versions: the schema of store.sqlite, the in-place upgrades from older versions, and
 * the two ways to open it (for writing: created and upgraded; for reading: never a byte written). The jobs table of
 * the same file belongs to src/store/job-store.ts.
 */
import Database from 'better-sqlite3';
import { UserError } from '../../core/errors.js';
import { MetaTable } from './meta.js';
import { RelationsTable } from './relations.js';
import { Statements } from './statements.js';

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

/** Columns added since schema 5, added empty to older `documents` and `passages` tables before anything reads them. */
function addMissingColumns(db: Database.Database): void {
  const columns = (table: string) => new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  const documentColumns = columns('documents');
  for (const column of ADDED_IN_6) if (!documentColumns.has(column)) db.exec(`ALTER TABLE documents ADD COLUMN ${column} TEXT`);
  const passageColumns = columns('passages');
  for (const [column, type] of ADDED_IN_7) if (!passageColumns.has(column)) db.exec(`ALTER TABLE passages ADD COLUMN ${column} ${type}`);
}

/**
 * Opens `file` for writing, creating the store when missing and upgrading an older schema in place (one transaction:
 * the upgrade's statement, the relations read again from every stored text, the new version). WAL journal, FULL sync,
 * foreign keys on. Throws `index_outdated` for a schema it cannot upgrade.
 */
export function openForWriting(file: string): Statements {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: each commit that makes a document visible is fsynced in the WAL before it returns, so what is reported
  // done survives a power loss (NORMAL syncs only at checkpoints). Measured: +17–26 % on a lexical-only ingest of
  // 807 articles (28.8 s → 33.8–36.4 s, about 6–9 ms per commit on this machine's disk); embedding dwarfs it.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const sql = new Statements(db);
  const meta = new MetaTable(sql);
  const existing = (db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").pluck().get() as number) > 0;
  if (existing) addMissingColumns(db);
  db.exec(SCHEMA);
  const version = meta.get('schema_version');
  if (version === null && !existing) meta.set('schema_version', SCHEMA_VERSION);
  else if (version !== null && version in UPGRADES) {
    db.transaction(() => {
      db.exec(UPGRADES[version] ?? '');
      new RelationsTable(sql).refill();
      meta.set('schema_version', SCHEMA_VERSION);
    })();
  } else if (version !== SCHEMA_VERSION) {
    db.close();
    throw new UserError('index_outdated', `the index ${file} was built by an older version (schema ${version ?? '1'}); delete its folder and ingest again`);
  }
  return sql;
}

/**
 * Opens an existing store read-only (SQLite `readonly`): no pragma that writes, no schema creation or upgrade; a
 * store of another schema is refused with `index_outdated`, saying whether a writing command upgrades it. Throws what
 * SQLite throws for a missing or damaged file.
 */
export function openForReading(file: string): Statements {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let version: string | null;
  try {
    version = new MetaTable(new Statements(db)).get('schema_version');
  } catch (err) {
    db.close();
    throw err;
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    const fix = version !== null && version in UPGRADES ? 'any writing command (npm start, ingest, reindex) upgrades it in place' : 'delete its folder and ingest again';
    throw new UserError('index_outdated', `the index ${file} was built by an older version (schema ${version ?? '1'}): ${fix}`);
  }
  return new Statements(db);
}
