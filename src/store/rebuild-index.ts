/**
 * Rebuilds the derived indexes of a folder from its store, without a model: the lexical index from the passages,
 * and the HNSW index from the stored vectors.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentStore } from './document-store.js';
import { asNotWritable } from './index-folder.js';
import { LEXICAL_MANIFEST, saveLexicalIndex } from './lexical-snapshot.js';
import { openLexicalIndex } from './open-lexical.js';
import { buildVectorIndex, requireIndex, STORE_FILE } from './open-index.js';
import { acquireWriterLock } from './writer-lock.js';

export interface RebuildReport {
  passages: number;
  vectors: number;
}

/** Throws `no_index` for a folder without a store: there is nothing to rebuild from. */
export function rebuildIndex(dir: string, onProgress?: (done: number, total: number) => void): RebuildReport {
  requireIndex(dir);
  const lock = acquireWriterLock(dir, 'rebuild');
  let store: DocumentStore;
  try {
    store = new DocumentStore(join(dir, STORE_FILE));
  } catch (err) {
    lock.release();
    throw asNotWritable(err, dir);
  }
  try {
    // Without its manifest the saved lexical index is not read: every passage is indexed anew.
    rmSync(join(dir, LEXICAL_MANIFEST), { force: true });
    const lexical = openLexicalIndex(dir, store, () => undefined, onProgress).index;
    saveLexicalIndex(dir, lexical);
    const passages = lexical.size;
    const [model, ...others] = store.vectorModels();
    if (others.length > 0) throw new Error(`vectors of several models are mixed (${[model, ...others].join(', ')}); run \`npm run reindex\``);
    // The stored vectors themselves tell the dimension; no model is needed.
    let dimension: number | undefined;
    if (model) {
      const stored = store.vectors(model);
      dimension = stored.next().value?.vector.length;
      // Close the read so the connection is free for the next one.
      stored.return(undefined);
    }
    if (!model || !dimension) return { passages, vectors: 0 };
    const index = buildVectorIndex(store, model, dimension);
    index.save(dir);
    return { passages, vectors: index.count };
  } finally {
    store.close();
    lock.release();
  }
}
