/** Rows of `documents` mapped to DocumentFields and StoredDocument: the snake_case columns reach their fields. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocumentListRow, type FieldColumns, toDocument, toFields } from '../../../src/store/tables/documents.js';
import { type StoredFixtures, storedFixtures } from './stored-fixtures.js';

let s: StoredFixtures;
beforeEach(() => {
  s = storedFixtures();
});
afterEach(() => s.cleanup());

const FIELDS = ['title', 'date', 'kind', 'number', 'issuer', 'term', 'author', 'signer', 'signerTitle', 'onBehalfOf', 'status'] as const;

describe('documents rows', () => {
  it('toFields reads every metadata column of a real row, the signature block and status included', () => {
    const row = s.raw.prepare('SELECT * FROM documents WHERE id = ?').get(s.decision.id) as FieldColumns;
    const fields = toFields(row);
    expect(Object.keys(fields)).toEqual([...FIELDS]);
    for (const f of FIELDS) expect(fields[f], f).toEqual(s.decision[f]);
    expect(fields).toMatchObject({ signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', onBehalfOf: 'Ủy ban nhân dân', status: 'no-longer-in-force' });
    // Nothing else of the row (its text, content hash) leaks.
    expect(JSON.stringify(fields)).not.toContain(s.decision.contentHash);
  });

  it('toDocument sorts the sources, counts passages, and leaves the text out', () => {
    const row = s.raw
      .prepare(
        `SELECT d.*, (SELECT group_concat(path, char(10)) FROM sources s WHERE s.document_id = d.id) AS sources,
                (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count FROM documents d WHERE id = ?`,
      )
      .get(s.decision.id) as DocumentListRow & { text: string };
    const doc = toDocument(row);
    expect(doc.sources).toEqual(['a/qd-27-copy.txt', 'b/qd-27.txt']);
    expect(doc.passageCount).toBe(s.decision.passages.length);
    expect(doc.ingestedAt).toBe(row.ingested_at);
    expect(doc).not.toHaveProperty('text');
    expect(s.store.getDocument(s.decision.id)).toEqual({ ...doc, text: s.decision.text });
  });

  it('a document without sources lists none', () => {
    s.store.deleteSource('ct-45.txt');
    expect(s.store.orphanedDocuments()).toEqual([s.directive.id]);
    expect(s.store.listDocuments().find((d) => d.id === s.directive.id)?.sources).toEqual([]);
  });
});
