/**
 * An index folder: the SQLite document store and, when a model is loaded, the HNSW vector index beside it.
 * Opening checks that both agree and rebuilds the vector index from the stored vectors when they do not.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { SearchMode } from '../core/types.js';
import type { Embedder } from '../embed/embedder.js';
import { DocumentStore } from './document-store.js';
import { VectorIndex } from './vector-index.js';

export const STORE_FILE = 'store.sqlite';

export interface IndexHandle {
  readonly dir: string;
  readonly store: DocumentStore;
  readonly embedder: Embedder | null;
  readonly vectors: VectorIndex | null;
  /** hybrid with a model, lexical without one. */
  readonly mode: SearchMode;
  /** Writes the vector index to disk (atomically) if it changed. */
  saveVectors(): void;
  markVectorsChanged(): void;
  close(): void;
}

export interface OpenOptions {
  embedder: Embedder | null;
  /** Drop vectors of another model instead of refusing to open (used by reindex). */
  replaceOtherModels?: boolean;
  log?: (line: string) => void;
}

/** A vector index of every vector the store holds for a model. */
export function buildVectorIndex(store: DocumentStore, model: string, dimension: number): VectorIndex {
  const index = VectorIndex.create(model, dimension);
  for (const { key, vector } of store.vectors(model)) index.add(key, vector);
  return index;
}

export function openIndex(dir: string, options: OpenOptions): IndexHandle {
  mkdirSync(dir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const store = new DocumentStore(join(dir, STORE_FILE));
  const { embedder } = options;
  let vectors: VectorIndex | null = null;
  let dirty = false;
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
    vectors = VectorIndex.load(dir, embedder.modelId, embedder.dimension, expected);
    if (!vectors) {
      if (expected > 0) log(`vector index missing or out of date: rebuilding it from ${expected} stored vectors`);
      vectors = buildVectorIndex(store, embedder.modelId, embedder.dimension);
      dirty = expected > 0;
    }
  }
  const handle: IndexHandle = {
    dir,
    store,
    embedder,
    vectors,
    mode: embedder ? 'hybrid' : 'lexical',
    saveVectors() {
      if (vectors && dirty) vectors.save(dir);
      dirty = false;
    },
    markVectorsChanged() {
      dirty = true;
    },
    close() {
      handle.saveVectors();
      store.close();
    },
  };
  handle.saveVectors();
  return handle;
}
