/** The `meta` table: one text value per key (`schema_version`, the lexical and vector bookkeeping of open-index.ts). */
import type { Statements } from './statements.js';

/** A row of `meta`. */
export interface MetaRow {
  value: string;
}

const GET = 'SELECT value FROM meta WHERE key = ?';
const SET = 'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';

export class MetaTable {
  constructor(private readonly sql: Statements) {}

  get(key: string): string | null {
    return (this.sql.get(GET).get(key) as MetaRow | undefined)?.value ?? null;
  }

  set(key: string, value: string): void {
    this.sql.get(SET).run(key, value);
  }
}
