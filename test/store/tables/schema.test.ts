/** The schema of store.sqlite and its in-place upgrades: an index folder of an older version opens unchanged in effect. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../src/store/document-store.js';
import { openForReading, openForWriting, SCHEMA_VERSION } from '../../../src/store/tables/schema.js';
import { type StoredFixtures, storedFixtures } from './stored-fixtures.js';

let s: StoredFixtures;
beforeEach(() => {
  s = storedFixtures();
});
afterEach(() => s.cleanup());

const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('the store schema', () => {
  it('is version 8 with these tables and columns', () => {
    expect(SCHEMA_VERSION).toBe('8');
    const tables = s.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['citations', 'documents', 'meta', 'passages', 'relations', 'sources', 'vectors']);
    expect(columns(s.raw, 'documents')).toEqual([
      ...['id', 'content_hash', 'format', 'title', 'date', 'kind', 'number', 'issuer', 'term', 'author'],
      ...['signer', 'signer_title', 'on_behalf_of', 'status', 'text', 'ingested_at'],
    ]);
    expect(columns(s.raw, 'passages')).toEqual(['key', 'id', 'document_id', 'ordinal', 'section', 'start', 'end', 'text', 'hash', 'page', 'ocr', 'confidence']);
    expect(columns(s.raw, 'relations')).toEqual([
      ...['document_id', 'type', 'source_number', 'target_number', 'partial', 'since', 'sentence', 'start', 'end'],
      ...['target_start', 'target_end', 'rule'],
    ]);
  });

  it('upgrades a schema-5 store in place: columns added empty, relations read again from the stored texts', () => {
    const relations = s.store.relations({ in: s.directive.id });
    s.store.close();
    const db = new Database(s.file);
    db.exec("DROP TABLE relations; UPDATE meta SET value = '5' WHERE key = 'schema_version'");
    for (const column of ['signer', 'signer_title', 'on_behalf_of', 'status']) db.exec(`ALTER TABLE documents DROP COLUMN ${column}`);
    for (const column of ['page', 'ocr', 'confidence']) db.exec(`ALTER TABLE passages DROP COLUMN ${column}`);
    db.close();
    expect(() => openForReading(s.file)).toThrow(/schema 5\): any writing command .* upgrades it in place/);
    const upgraded = new DocumentStore(s.file);
    s.store = upgraded;
    expect(upgraded.getMeta('schema_version')).toBe(SCHEMA_VERSION);
    expect(upgraded.relations({ in: s.directive.id })).toEqual(relations);
    expect(upgraded.getDocument(s.decision.id)).toMatchObject({ number: '27/2019/QĐ-UBND', signer: null, signerTitle: null, status: null });
    expect(upgraded.documentPassages(s.scanned.id)[0]).not.toHaveProperty('page');
  });

  it('refuses a schema it cannot upgrade, for writing and for reading', () => {
    s.store.setMeta('schema_version', '3');
    for (const open of [openForWriting, openForReading]) expect(() => open(s.file)).toThrow(/built by an older version \(schema 3\).*delete its folder and ingest again/);
  });
});
