/**
 * Upload jobs kept with the store (a `jobs` table in store.sqlite), so GET /api/jobs/:id answers after a restart.
 * Each job is one row holding its JSON state, rewritten as it progresses. Its own connection to the store file:
 * the document tables and their transactions stay with DocumentStore.
 */
import Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  finished INTEGER NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_age ON jobs(finished, created_at);
`;

/** A job as stored: what the API returns, plus what tells finished from unfinished. */
export interface StoredJob {
  id: string;
  createdAt: string;
  finishedAt: string | null;
}

export class JobStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A job reported finished must stay so after a power loss (as documents do: see DocumentStore).
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  put<J extends StoredJob>(job: J): void {
    this.db
      .prepare('INSERT INTO jobs(id, created_at, finished, state) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET finished = excluded.finished, state = excluded.state')
      .run(job.id, job.createdAt, job.finishedAt === null ? 0 : 1, JSON.stringify(job));
  }

  get<J extends StoredJob>(id: string): J | null {
    const row = this.db.prepare('SELECT state FROM jobs WHERE id = ?').get(id) as { state: string } | undefined;
    return row ? (JSON.parse(row.state) as J) : null;
  }

  /** Jobs left queued or running by a process that stopped (after a crash, a restart). */
  unfinished<J extends StoredJob>(): J[] {
    return (this.db.prepare('SELECT state FROM jobs WHERE finished = 0').all() as { state: string }[]).map((r) => JSON.parse(r.state) as J);
  }

  /** Forgets all but the newest `keep` finished jobs. */
  prune(keep: number): void {
    this.db
      .prepare('DELETE FROM jobs WHERE finished = 1 AND id NOT IN (SELECT id FROM jobs WHERE finished = 1 ORDER BY created_at DESC LIMIT ?)')
      .run(keep);
  }

  /** The sync level of this connection (`full`). */
  synchronous(): number {
    return this.db.pragma('synchronous', { simple: true }) as number;
  }

  close(): void {
    this.db.close();
  }
}
