/**
 * Verifies an index folder without loading any model and without writing anything (it runs on a read-only folder):
 * the SQLite file, that the lexical index holds the stored passages, that every passage slices its document's text,
 * that vectors belong to one model and cover the passages, and that the HNSW file matches its manifest and holds
 * the stored vectors. Whatever it meets (a damaged store, a file that cannot be read) becomes part of the report.
 *
 * Findings are of two kinds. `behind`: the derived index files lag the store, as they do while a writer runs (it
 * commits each document to the store first and saves the index files every few hundred files) or after one was
 * killed before its save; the next open repairs them from the store, so the folder is consistent (`ok`). `problems`:
 * what lag cannot explain (damaged files, passages the index files should hold since before their save, passages the
 * store never had), which exit `check` with 1. Passage keys only grow (AUTOINCREMENT), so lag can only leave out
 * passages newer than everything a saved file holds, and only hold extra ones the store once had.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { UserError, type ErrorCode } from '../core/errors.js';
import type { DocumentStore } from './document-store.js';
import { sha256File } from './durable-file.js';
import { blockProblem } from './file-checksums.js';
import { hnswFileProblem } from './hnsw-file.js';
import { readLexicalSnapshot } from './lexical-snapshot.js';
import { isStoreDamage, requireIndex, STORE_FILE } from './open-index.js';
import { openStoreForReading } from './read-store.js';
import { INDEX_FILE, MANIFEST_FILE, readManifest } from './vector-index.js';
import { currentWriter, type LockHolder } from './writer-lock.js';

export interface CheckReport {
  /** No problem and no error: what is `behind` is repaired at the next open. */
  ok: boolean;
  documents: number;
  passages: number;
  vectors: number;
  /** Inconsistencies lag cannot explain, and damage; each says what to do. */
  problems: string[];
  /** Derived index files behind the store (an ingest in progress, a writer killed before its save). */
  behind: string[];
  /** The process writing the folder while it was checked, if any. */
  writer: LockHolder | null;
  /** What stopped the check before it could look at everything: `no_index`, `store_damaged`, `index_outdated`. */
  error?: { code: ErrorCode; message: string };
}

interface Findings {
  problems: string[];
  behind: string[];
  /** Who repairs what is behind, for the messages. */
  repairer: string;
}

/** Largest of `keys` (0 when empty), without spreading a million of them as arguments. */
function largest(keys: Iterable<number>): number {
  let max = 0;
  for (const key of keys) if (key > max) max = key;
  return max;
}

/**
 * How a saved index's keys (`indexed`, with `live` of them live when it holds deleted ones too) compare with the
 * store's (`stored`): the counts lag explains and the counts it cannot.
 */
function compareKeys(stored: number[], indexed: Set<number>, live: number, sequence: number) {
  const newest = largest(indexed);
  let newer = 0;
  let older = 0;
  for (const key of stored) {
    if (indexed.has(key)) continue;
    if (key > newest) newer++;
    else older++;
  }
  const extra = live - (stored.length - newer - older);
  const never = [...indexed].filter((key) => key > sequence).length;
  return { newer, older, extra, never };
}

function checkLexicalIndex(dir: string, store: DocumentStore, found: Findings): void {
  const stored = store.allPassageKeys();
  const { index, problem } = readLexicalSnapshot(dir);
  if (!index) {
    if (stored.length === 0) return;
    if (problem === 'missing') found.behind.push(`the lexical index is not saved yet; ${found.repairer} indexes the ${stored.length} stored passages`);
    else found.problems.push(`the lexical index: ${problem}; the next open rebuilds it from the store (or run \`npm run rebuild\`)`);
    return;
  }
  const indexed = index.keys();
  const { newer, older, extra, never } = compareKeys(stored, indexed, indexed.size, store.passageKeySequence());
  if (newer > 0) found.behind.push(`the lexical index lacks ${newer} passages stored since it was saved; ${found.repairer} indexes them`);
  if (extra - never > 0) found.behind.push(`the lexical index still holds ${extra - never} passages removed since it was saved; ${found.repairer} drops them`);
  if (older > 0 || never > 0) {
    found.problems.push(`the lexical index lacks ${older} passages and has ${never} removed ones; run \`npm run rebuild\``);
  }
}

function checkVectorFile(dir: string, store: DocumentStore, vectors: number, found: Findings): void {
  const models = store.vectorModels();
  if (models.length > 1) found.problems.push(`vectors of several models are mixed: ${models.join(', ')}; run \`npm run reindex\``);
  if (vectors === 0) return;
  const manifest = readManifest(dir);
  const file = join(dir, INDEX_FILE);
  if (!manifest) {
    if (existsSync(join(dir, MANIFEST_FILE))) found.problems.push(`${MANIFEST_FILE} is unreadable; the next open rebuilds the vector index (or run \`npm run rebuild\`)`);
    else found.behind.push(`the vector index is not saved yet; ${found.repairer} builds it from the ${vectors} stored vectors`);
    return;
  }
  if (!existsSync(file)) {
    found.problems.push('the vector index file is missing; the next open rebuilds it from the stored vectors (or run `npm run rebuild`)');
    return;
  }
  const layout = hnswFileProblem(file);
  const damage = layout ?? (manifest.blocks ? blockProblem(file, manifest.blocks) : sha256File(file) === manifest.sha256 ? null : 'its SHA-256 differs');
  if (damage !== null) {
    found.problems.push(`the vector index file is damaged (${damage}); the next open rebuilds it from the stored vectors (or run \`npm run rebuild\`)`);
    return;
  }
  if (manifest.model !== models[0]) {
    // A reindex with another model commits the new vectors before it saves the index of them.
    found.behind.push(`the vector index is of ${manifest.model}, the stored vectors of ${models[0]}; ${found.repairer} rebuilds it`);
    return;
  }
  const index = new hnswlib.HierarchicalNSW('cosine', manifest.dimension);
  try {
    index.readIndexSync(file, true);
  } catch (err) {
    found.problems.push(`the vector index file is unreadable (${(err as Error).message}); the next open rebuilds it (or run \`npm run rebuild\`)`);
    return;
  }
  const labels = new Set(index.getIdsList());
  const stored = [...store.vectors(models[0]!)].map(({ key }) => key);
  const { newer, older, extra, never } = compareKeys(stored, labels, manifest.count, store.passageKeySequence());
  if (newer > 0) found.behind.push(`the vector index lacks ${newer} vectors stored since it was saved; ${found.repairer} adds them`);
  if (extra > 0 && never === 0) found.behind.push(`the vector index still holds ${extra} vectors removed since it was saved; ${found.repairer} drops them`);
  if (older > 0 || never > 0 || extra < 0) {
    found.problems.push(
      `the vector index holds ${manifest.count} vectors, the store ${vectors}: ${older} stored vectors older than the file are not in it` +
        `${never > 0 ? `, and it holds ${never} the store never had` : ''}; run \`npm run rebuild\``,
    );
  }
}

function checkStore(dir: string, store: DocumentStore, found: Findings): Pick<CheckReport, 'documents' | 'passages' | 'vectors'> {
  const counts = store.counts();
  checkLexicalIndex(dir, store, found);
  let badSlices = 0;
  for (const id of store.documentIds()) {
    const text = store.documentText(id)!;
    for (const p of store.documentPassages(id)) if (text.slice(p.start, p.end) !== p.text) badSlices++;
  }
  if (badSlices > 0) found.problems.push(`${badSlices} passages do not slice their document's text`);
  if (counts.vectors > 0 && counts.vectors < counts.passages) {
    const lacking = `${counts.passages - counts.vectors} passages have no vector`;
    if (found.repairer.startsWith('the running')) found.behind.push(`${lacking} yet`);
    else found.problems.push(`${lacking}; run \`npm run reindex\``);
  }
  checkVectorFile(dir, store, counts.vectors, found);
  return counts;
}

const storeDamage = (dir: string, detail: string) =>
  `${join(dir, STORE_FILE)} is damaged (SQLite: ${detail}); the search indexes are rebuilt from the store, but the store cannot be rebuilt ` +
  'from them: restore it from a backup, or ingest the source files again into a new index folder';

/** The report on `dir`; never throws for what it finds in the folder. */
export function checkIndex(dir: string): CheckReport {
  const report: CheckReport = { ok: false, documents: 0, passages: 0, vectors: 0, problems: [], behind: [], writer: null };
  const fail = (code: ErrorCode, message: string): CheckReport => {
    report.problems.push(message);
    report.error = { code, message };
    return report;
  };
  try {
    requireIndex(dir);
  } catch (err) {
    if (err instanceof UserError) return fail(err.code, err.message);
    throw err;
  }
  report.writer = currentWriter(dir);
  const found: Findings = {
    problems: report.problems,
    behind: report.behind,
    repairer: report.writer ? `the running ${report.writer.command} (pid ${report.writer.pid}) or the next open` : 'the next open',
  };
  let store: DocumentStore;
  try {
    store = openStoreForReading(join(dir, STORE_FILE));
  } catch (err) {
    if (err instanceof UserError) return fail(err.code, err.message);
    if (isStoreDamage(err)) return fail('store_damaged', storeDamage(dir, (err as Error).message));
    return fail('store_damaged', `${join(dir, STORE_FILE)} cannot be read: ${(err as Error).message}`);
  }
  try {
    const damage = store.integrityProblems();
    if (damage.length > 0) {
      const shown = damage.slice(0, 3).join('; ') + (damage.length > 3 ? `; and ${damage.length - 3} more` : '');
      fail('store_damaged', storeDamage(dir, shown));
    }
    Object.assign(report, checkStore(dir, store, found));
  } catch (err) {
    // A damaged page met while reading (quick_check does not see every kind), or a file that cannot be read.
    if (isStoreDamage(err)) fail('store_damaged', storeDamage(dir, (err as Error).message));
    else report.problems.push(`the check stopped: ${(err as Error).message}`);
  } finally {
    store.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}
