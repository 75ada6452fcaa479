/** Computes vectors for stored passages that have none for the loaded model (ingested before it was installed). */
import { textForEmbedding } from '../core/passage-context.js';
import type { IndexHandle } from '../store/open-index.js';

const CHUNK = 256;

export async function embedMissingVectors(handle: IndexHandle, onProgress?: (done: number, total: number) => void): Promise<number> {
  const { embedder, vectors } = handle;
  if (!embedder || !vectors) return 0;
  const missing = handle.store.passagesWithoutVector(embedder.modelId);
  for (let i = 0; i < missing.length; i += CHUNK) {
    const chunk = missing.slice(i, i + CHUNK);
    const values = await embedder.embedPassages(chunk.map((p) => textForEmbedding(p.title, p.section, p.text)));
    handle.addVectors(chunk.map((p, j) => ({ key: p.key, vector: values[j]! })));
    onProgress?.(Math.min(i + CHUNK, missing.length), missing.length);
  }
  return missing.length;
}
