/**
 * An index folder: the SQLite document store, the lexical index and, when a model is loaded, the HNSW vector index
 * beside it. Opening checks that the derived indexes agree with the store and repairs them from it when they do not.
 * Writes go through the handle, so the store commits first and the indexes follow.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { PreparedDocument, SearchMode } from '../core/types.js';
import type { Embedder } from '../embed/embedder.js';
import { asDiskFull, diskFull, isDiskFull, nearlyFull } from './disk-full.js';
import { DocumentCatalog } from './document-catalog.js';
import { asNotWritable } from './index-folder.js';
import { DocumentStore } from './document-store.js';
import { openStoreForReading } from './read-store.js';
import type { QueryTerms } from '../core/lexical-terms.js';
import type { LexicalHit, LexicalIndex } from './lexical-index.js';
import { LexicalPool } from './lexical-pool.js';
import { saveLexicalIndex } from './lexical-snapshot.js';
import { openLexicalIndex } from './open-lexical.js';
import { documentTerms } from './passage-terms.js';
import { VectorIndex } from './vector-index.js';
import { acquireWriterLock, type WriterLock } from './writer-lock.js';
import { JobStore } from './job-store.js';

export const STORE_FILE = 'store.sqlite';

export interface IndexHandle {
  readonly dir: string;
  readonly store: DocumentStore;
  readonly embedder: Embedder | null;
  readonly vectors: VectorIndex | null;
  readonly lexical: LexicalIndex;
  /**
   * Documents by number and title in memory: named-document lookup and autocomplete. Built from the store when first
   * read (the server reads it at start; a command that never names a document never pays for it), kept on writes.
   */
  readonly catalog: DocumentCatalog;
  /** The folder's writer lock, held until close; null when opened for reading. */
  readonly lock: WriterLock | null;
  /** Upload jobs kept in the store (for a writer; null when opened for reading). */
  readonly jobs: JobStore | null;
  /** The lexical index's top k; on a search thread when `onThread` and the index was opened with some. */
  searchLexical(query: QueryTerms, k: number, allowed: ReadonlySet<number> | null, onThread: boolean): Promise<LexicalHit[]>;
  /** hybrid with a model, lexical without one. */
  readonly mode: SearchMode;
  /** Stores a document (one transaction) and indexes its passages; returns their keys. */
  addDocument(doc: PreparedDocument, sourcePath: string, fileHash: string, vectors: { model: string; values: Float32Array[] } | null): number[];
  /** Removes a document from the store and the indexes; returns its passage keys. */
  removeDocument(documentId: string): number[];
  /** Records that `source` (a path or upload name) now holds the already stored document `documentId`. */
  linkSource(source: string, documentId: string, fileHash: string): void;
  /**
   * Forgets a source; its document goes too when no other source holds it. Returns the document id and the passage
   * keys removed (none when another source still holds it), or null for an unknown source.
   */
  removeSource(source: string): { documentId: string; keys: number[] } | null;
  /** Stores vectors of the loaded model for stored passages (computed after ingest) and indexes them. */
  addVectors(entries: { key: number; vector: Float32Array }[]): void;
  /** Writes the derived indexes that changed to disk (atomically). */
  save(): void;
  close(): void;
}

export interface OpenOptions {
  embedder: Embedder | null;
  /** Drop vectors of another model instead of refusing to open (used by reindex). */
  replaceOtherModels?: boolean;
  log?: (line: string) => void;
  /** Progress of (re)building the lexical index at open, when it is out of date. */
  onIndexProgress?: (done: number, total: number) => void;
  /** Worker threads for lexical searches (a server passes `defaultLexicalThreads()`); 0, the default, searches inline. */
  lexicalThreads?: number;
  /**
   * `write` (the default) takes the folder's writer lock (src/store/writer-lock.ts) for `writer`, refusing with
   * `index_locked` while another process holds it; `read` takes none and never writes a file: repairs stay in memory.
   */
  access?: 'write' | 'read';
  /** The command that writes, named to a second writer that is refused (`server`, `ingest`, …). */
  writer?: string;
}

/** A vector index of every vector the store holds for a model. */
export function buildVectorIndex(store: DocumentStore, model: string, dimension: number): VectorIndex {
  const index = VectorIndex.create(model, dimension);
  for (const { key, vector } of store.vectors(model)) index.add(key, vector);
  return index;
}

/** Throws unless there is one vector of the loaded model's size per passage. */
function checkVectors(doc: PreparedDocument, values: { model: string; values: Float32Array[] }, embedder: Embedder | null): void {
  const problem =
    embedder === null
      ? 'no model is loaded'
      : values.model !== embedder.modelId
        ? `they are of ${values.model}, not of the loaded ${embedder.modelId}`
        : values.values.length !== doc.passages.length
          ? `${values.values.length} vectors for ${doc.passages.length} passages`
          : values.values.some((v) => v.length !== embedder.dimension)
            ? `a vector is not of ${embedder.dimension} dimensions`
            : null;
  if (problem) throw new Error(`vectors given for document ${doc.id} cannot be stored: ${problem}`);
}

/** SQLite's words for a damaged database file. */
export const isStoreDamage = (err: unknown): boolean => /^SQLITE_(CORRUPT|NOTADB)/.test(String((err as { code?: unknown } | null)?.code ?? ''));

function storeDamaged(dir: string, reported: string[]): UserError {
  // One line: SQLite's quick_check may report a problem over several lines (`*** in database main ***` / `Tree 4 …`).
  const problems = reported.map((p) => p.replace(/\s+/gu, ' ').trim());
  return new UserError(
    'store_damaged',
    `${join(dir, STORE_FILE)} is damaged (SQLite: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}). ` +
      'The search indexes are rebuilt from the store, but the store cannot be rebuilt from them: restore it from a backup, ' +
      'or ingest the source files again into a new index folder.',
  );
}

/**
 * Throws `no_index` unless `dir` holds an index (its store.sqlite). Reading commands call it before anything else,
 * so a mistyped folder is named at once instead of being created or answering "nothing found"; only writing commands
 * (ingest, the server, reindex) create an index folder.
 */
export function requireIndex(dir: string): void {
  if (existsSync(join(dir, STORE_FILE))) return;
  throw new UserError(
    'no_index',
    `no index at ${dir} (${existsSync(dir) ? `the folder has no ${STORE_FILE}` : 'no such folder'}): name the index folder with --index or INDEX_DIR, ` +
      `or create one with \`npm run ingest -- FILES --index ${dir}\``,
  );
}

export function openIndex(dir: string, options: OpenOptions): IndexHandle {
  const writing = (options.access ?? 'write') === 'write';
  if (writing) mkdirSync(dir, { recursive: true });
  else requireIndex(dir);
  const log = options.log ?? (() => undefined);
  const lock = writing ? acquireWriterLock(dir, options.writer ?? 'writer') : null;
  try {
    return openLocked(dir, options, log, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

function openLocked(dir: string, options: OpenOptions, log: (line: string) => void, lock: WriterLock | null): IndexHandle {
  const readOnly = () => new Error(`the index at ${dir} was opened for reading`);
  let store: DocumentStore;
  try {
    // A reader opens the store read-only (src/store/read-store.ts): it never writes a byte, even in a read-only folder.
    store = lock ? new DocumentStore(join(dir, STORE_FILE)) : openStoreForReading(join(dir, STORE_FILE));
  } catch (err) {
    // SQLite cannot create its WAL files on a full disk and says only "disk I/O error".
    if (isStoreDamage(err)) throw storeDamaged(dir, [(err as Error).message]);
    throw isDiskFull(err) || nearlyFull(dir) ? diskFull(`${STORE_FILE} (opening it needs a little space for its journal)`) : asNotWritable(err, dir);
  }
  // The derived indexes are repaired from the store; the store itself can only be reported. PRAGMA quick_check reads
  // every page (not comparing index contents to tables): 25 ms warm, 190 ms cold for a 35 MB store of 807 articles,
  // so it grows to seconds for a store of gigabytes.
  let damage: string[];
  try {
    damage = store.integrityProblems();
  } catch (err) {
    if (!isStoreDamage(err)) throw err;
    damage = [(err as Error).message];
  }
  if (damage.length > 0) {
    store.close();
    throw storeDamaged(dir, damage);
  }
  const { embedder } = options;
  let vectors: VectorIndex | null = null;
  let dirty = false;
  const opened = openLexicalIndex(dir, store, log, options.onIndexProgress);
  const lexical = opened.index;
  let lexicalDirty = opened.repaired;
  if (embedder) {
    const others = store.vectorModels().filter((m) => m !== embedder.modelId);
    if (others.length > 0) {
      if (!options.replaceOtherModels) {
        store.close();
        throw new UserError(
          'model_changed',
          `the index at ${dir} holds vectors of ${others.join(', ')} but the configured model is ${embedder.modelId}; run \`npm run reindex\` to re-embed with the new model`,
        );
      }
      log(`dropping ${store.deleteVectorsNotOf(embedder.modelId)} vectors of ${others.join(', ')}`);
    }
    const expected = store.counts().vectors;
    const loaded = VectorIndex.load(dir, embedder.modelId, embedder.dimension, expected);
    vectors = 'index' in loaded ? loaded.index : null;
    if (!vectors) {
      if (expected > 0) log(`vector index ${(loaded as { problem: string }).problem}: rebuilding it from ${expected} stored vectors`);
      vectors = buildVectorIndex(store, embedder.modelId, embedder.dimension);
      dirty = expected > 0;
    }
  }
  const pool = options.lexicalThreads ? new LexicalPool(lexical, options.lexicalThreads, log) : null;
  const jobs = lock ? new JobStore(join(dir, STORE_FILE)) : null;
  let catalog: DocumentCatalog | null = null;
  const handle: IndexHandle = {
    dir,
    store,
    embedder,
    vectors,
    lexical,
    get catalog() {
      catalog ??= DocumentCatalog.build(store.catalogDocuments());
      return catalog;
    },
    lock,
    jobs,
    searchLexical: (query, k, allowed, onThread) =>
      pool && onThread ? pool.search(query, k, allowed) : Promise.resolve(lexical.search(query, k, allowed)),
    mode: embedder ? 'hybrid' : 'lexical',
    addDocument(doc, sourcePath, fileHash, values) {
      if (!lock) throw readOnly();
      // Checked before anything is written, so a bad call leaves the index as it was (whole document or nothing).
      if (values) checkVectors(doc, values, embedder);
      let keys: number[];
      try {
        keys = store.addDocument(doc, sourcePath, fileHash, values);
      } catch (err) {
        throw asDiskFull(err, STORE_FILE);
      }
      lexical.add(documentTerms(doc, keys));
      lexicalDirty = true;
      catalog?.add({ id: doc.id, number: doc.number, title: doc.title, kind: doc.kind, term: doc.term, date: doc.date });
      if (vectors && values) {
        keys.forEach((key, i) => vectors!.add(key, values.values[i]!));
        dirty = true;
      }
      return keys;
    },
    removeDocument(documentId) {
      if (!lock) throw readOnly();
      let keys: number[];
      try {
        keys = store.deleteDocument(documentId);
      } catch (err) {
        throw asDiskFull(err, STORE_FILE);
      }
      for (const key of keys) {
        lexical.remove(key);
        vectors?.remove(key);
      }
      catalog?.remove(documentId);
      if (keys.length > 0) lexicalDirty = dirty = true;
      return keys;
    },
    linkSource(source, documentId, fileHash) {
      if (!lock) throw readOnly();
      try {
        store.linkSource(source, documentId, fileHash);
      } catch (err) {
        throw asDiskFull(err, STORE_FILE);
      }
    },
    removeSource(source) {
      if (!lock) throw readOnly();
      const found = store.getSource(source);
      if (!found) return null;
      try {
        store.deleteSource(source);
      } catch (err) {
        throw asDiskFull(err, STORE_FILE);
      }
      const orphaned = store.orphanedDocuments().includes(found.documentId);
      return { documentId: found.documentId, keys: orphaned ? handle.removeDocument(found.documentId) : [] };
    },
    addVectors(entries) {
      if (!lock) throw readOnly();
      if (!embedder || !vectors) throw new Error('addVectors needs a loaded model');
      try {
        store.putVectors(embedder.modelId, entries);
      } catch (err) {
        throw asDiskFull(err, STORE_FILE);
      }
      for (const e of entries) vectors.add(e.key, e.vector);
      if (entries.length > 0) dirty = true;
    },
    save() {
      // A reader never writes: what it repaired at open lives in its memory only.
      if (!lock) return;
      if (vectors && dirty) vectors.save(dir);
      if (lexicalDirty) saveLexicalIndex(dir, lexical);
      dirty = lexicalDirty = false;
    },
    close() {
      void pool?.close();
      try {
        handle.save();
      } finally {
        jobs?.close();
        store.close();
        lock?.release();
      }
    },
  };
  try {
    handle.save();
  } catch (err) {
    // The store is whole and the indexes in memory are up to date: serve them; the next open repairs the files again.
    if (!isDiskFull(err)) throw err;
    log(`${(err as Error).message} (the repaired indexes are kept in memory and saved at the next write)`);
  }
  return handle;
}
