/**
 * The `citations` table: the document numbers each stored text cites (src/core/references.ts), keyed by the canonical
 * number (`22-NQ/TW`) or, for a citation without one, by kind, short number and term; offsets slice the stored text.
 */
import { type DocumentKind, pickReference, type Reference, type ReferencePattern } from '../../core/references.js';
import { jsonList, type Statements } from './statements.js';

/** A row of `citations` as SQLite returns it, without its document. */
export interface CitationRow {
  key: string;
  kind: DocumentKind | null;
  number: string | null;
  issuer: string | null;
  term: string | null;
  date: string | null;
  text: string;
  start: number;
  end: number;
}

/** Where a document cites a key. */
export interface CitingRow {
  document_id: string;
  text: string;
  start: number;
  end: number;
}

export const toReference = (r: CitationRow): Reference => pickReference(r);

export const toCiting = (r: CitingRow): { documentId: string; text: string; start: number; end: number } => ({
  documentId: r.document_id,
  text: r.text,
  start: r.start,
  end: r.end,
});

const INSERT = 'INSERT INTO citations(document_id, key, kind, number, issuer, term, date, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export class CitationsTable {
  constructor(private readonly sql: Statements) {}

  insert(documentId: string, r: Reference): void {
    this.sql.get(INSERT).run(documentId, r.key, r.kind, r.number, r.issuer, r.term, r.date, r.text, r.start, r.end);
  }

  /** What a document cites, in text order. */
  ofDocument(documentId: string): Reference[] {
    const rows = this.sql.get('SELECT key, kind, number, issuer, term, date, text, start, "end" FROM citations WHERE document_id = ? ORDER BY start').all(documentId) as CitationRow[];
    return rows.map(toReference);
  }

  /** Where documents cite this key, ordered by citing document and position. */
  of(key: string): { documentId: string; text: string; start: number; end: number }[] {
    const rows = this.sql.get('SELECT document_id, text, start, "end" FROM citations WHERE key = ? ORDER BY document_id, start').all(key) as CitingRow[];
    return rows.map(toCiting);
  }

  /** Full numbers cited that start with a sequence number (`72` → `72-NQ/TW`, `05-CT/TW`), with how many documents cite each. */
  numbersStartingWith(sequence: string): { number: string; documents: number }[] {
    // Ranges on the indexed key (a full number is its own key): `72-` up to `72.`, `72/` up to `720`.
    const starts = [...new Set([sequence, sequence.padStart(2, '0')])].flatMap((n) => [
      [`${n}-`, `${n}.`],
      [`${n}/`, `${n}0`],
    ]);
    const ranges = starts.map(() => '(key >= ? AND key < ?)').join(' OR ');
    return this.sql
      .get(`SELECT key AS number, count(DISTINCT document_id) AS documents FROM citations WHERE (${ranges}) AND number = key GROUP BY key`)
      .all(...starts.flat()) as { number: string; documents: number }[];
  }

  /** Keys of the passages that hold a citation matching the pattern, in key order. */
  citingPassages(pattern: ReferencePattern): number[] {
    const likes = pattern.prefixes.map((p) => `${p.replace(/[\\%_]/g, '\\$&')}%`);
    return this.sql
      .get(
        `SELECT DISTINCT p.key FROM citations c CROSS JOIN passages p ON p.document_id = c.document_id AND c.start >= p.start AND c."end" <= p."end"
         WHERE c.key IN (SELECT value FROM json_each(?)) OR EXISTS (SELECT 1 FROM json_each(?) l WHERE c.key LIKE l.value ESCAPE '\\')
         ORDER BY p.key`,
      )
      .pluck()
      .all(jsonList(pattern.keys), jsonList(likes)) as number[];
  }
}
