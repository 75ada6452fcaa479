/**
 * The prepared statements of one SQLite connection, each prepared on first use and kept: preparing costs more than
 * running most of the store's queries. Shared by the table modules of one DocumentStore (src/store/document-store.ts).
 */
import type Database from 'better-sqlite3';

export class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** The statement for `source`, prepared once per connection. */
  get(source: string): Database.Statement {
    let statement = this.cache.get(source);
    if (!statement) this.cache.set(source, (statement = this.db.prepare(source)));
    return statement;
  }
}

/** SQLite's `IN (SELECT value FROM json_each(?))` parameter for a list of any length. */
export const jsonList = (values: Iterable<string | number>): string => JSON.stringify([...values]);
