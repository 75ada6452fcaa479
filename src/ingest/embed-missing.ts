/** Computes vectors for stored passages that have none for the loaded model (ingested before it was installed). */
import { textForEmbedding } from '../core/passage-context.js';
import type { IndexHandle } from '../store/open-index.js';

const CHUNK = 256;

export async function embedMissingVectors(handle: IndexHandle, onProgress?: (done: number, total: number) => void): Promise<number> {
  const { embedder, vectors, store } = handle;
  if (!embedder || !vectors) return 0;
  const missing = store.passagesWithoutVector(embedder.modelId);
  for (let i = 0; i < missing.length; i += CHUNK) {
    const chunk = missing.slice(i, i + CHUNK);
    const values = await embedder.embedPassages(chunk.map((p) => textForEmbedding(p.title, p.section, p.text)));
    const entries = chunk.map((p, j) => ({ key: p.key, vector: values[j]! }));
    store.putVectors(embedder.modelId, entries);
    for (const e of entries) vectors.add(e.key, e.vector);
    handle.markVectorsChanged();
    onProgress?.(Math.min(i + CHUNK, missing.length), missing.length);
  }
  return missing.length;
}
