/**
 * The `relations` table: what each stored text says it replaces, repeals, amends, implements… (src/core/relations.ts),
 * read from the text as stored, at ingest and by every schema upgrade, so both read it the same way. A null
 * `source_number` is the stating document itself.
 */
import { findRelations, subjectNumber, type Relation, type RelationType } from '../../core/relations.js';
import type { Statements } from './statements.js';

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

/** A row of `relations` as SQLite returns it (`partial` 0/1). */
export interface RelationRow {
  document_id: string;
  type: RelationType;
  source_number: string | null;
  target_number: string;
  partial: number;
  since: string | null;
  sentence: string;
  start: number;
  end: number;
  target_start: number;
  target_end: number;
  rule: string;
}

/** A row of the status-change query (`partial` 0/1). */
export type StatusChangeQueryRow = Omit<StatusChangeRow, 'partial'> & { partial: number };

export const toRelation = (r: RelationRow): StoredRelation => ({
  documentId: r.document_id,
  type: r.type,
  sourceNumber: r.source_number,
  targetNumber: r.target_number,
  partial: r.partial === 1,
  since: r.since,
  sentence: r.sentence,
  start: r.start,
  end: r.end,
  targetStart: r.target_start,
  targetEnd: r.target_end,
  rule: r.rule,
});

export const toStatusChange = (r: StatusChangeQueryRow): StatusChangeRow => ({ ...r, partial: r.partial === 1 });

const INSERT =
  'INSERT INTO relations(document_id, type, source_number, target_number, partial, since, sentence, start, "end", target_start, target_end, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const SELECT = 'SELECT document_id, type, source_number, target_number, partial, since, sentence, start, "end", target_start, target_end, rule FROM relations';

const CHANGE_COLUMNS = `t.id AS targetId, r.type, r.partial, r.since, r.document_id AS statedIn, r.sentence, r.start, r."end", s.id AS byId, s.number AS byNumber, s.title AS byTitle, s.date AS byDate`;

const STATUS_CHANGES = `SELECT ${CHANGE_COLUMNS} FROM relations r JOIN documents t ON t.number = r.target_number JOIN documents s ON s.id = r.document_id
    WHERE r.source_number IS NULL AND s.number IS NOT NULL AND s.id <> t.id AND r.type IN ('replaces', 'repeals', 'amends')
  UNION ALL
  SELECT ${CHANGE_COLUMNS} FROM relations r JOIN documents t ON t.number = r.target_number JOIN documents s ON s.number = r.source_number
    WHERE r.source_number IS NOT NULL AND s.id <> t.id AND r.type IN ('replaces', 'repeals', 'amends')`;

export class RelationsTable {
  constructor(private readonly sql: Statements) {}

  /**
   * Reads and inserts the relations a document's text states. For a page without a number of its own that speaks for
   * the document its title names (src/core/relations.ts subjectNumber), that number is stored as the source of what it
   * says of itself; otherwise a null source stays the stating document.
   */
  insertFrom(doc: { id: string; number: string | null; title: string | null; text: string }): void {
    const insert = this.sql.get(INSERT);
    const subject = subjectNumber(doc.number, doc.title);
    const self = doc.number === null ? subject : null;
    for (const r of findRelations(doc.text, subject)) {
      insert.run(doc.id, r.type, r.sourceNumber ?? self, r.targetNumber, r.partial ? 1 : 0, r.since, r.sentence, r.start, r.end, r.targetStart, r.targetEnd, r.rule);
    }
  }

  /** Relations read again from every stored text (a schema upgrade). */
  refill(): void {
    this.sql.get('DELETE FROM relations').run();
    const rows = this.sql.get('SELECT id, number, title, text FROM documents').all() as { id: string; number: string | null; title: string | null; text: string }[];
    for (const d of rows) this.insertFrom(d);
  }

  /** Relations stated in a document (`in`), naming a number as target or as subject (`source`), in document and text order. */
  where(where: { in: string } | { target: string } | { source: string }): StoredRelation[] {
    const [column, value] = 'in' in where ? ['document_id', where.in] : 'target' in where ? ['target_number', where.target] : ['source_number', where.source];
    const rows = this.sql.get(`${SELECT} WHERE ${column} = ? ORDER BY document_id, start, target_start`).all(value) as RelationRow[];
    return rows.map(toRelation);
  }

  /**
   * Every replacement, repeal or amendment of an indexed document by another indexed document that has a number:
   * the stating document itself (source_number null) or the document the sentence names as its subject.
   */
  statusChanges(): StatusChangeRow[] {
    return (this.sql.get(STATUS_CHANGES).all() as StatusChangeQueryRow[]).map(toStatusChange);
  }
}
