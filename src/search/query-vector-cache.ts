/** A small LRU of query vectors: repeated queries (paging, shared links) skip the model. */
import type { Embedder } from '../embed/embedder.js';

export class QueryVectorCache {
  private readonly entries = new Map<string, Float32Array>();

  constructor(private readonly capacity = 512) {}

  async get(embedder: Embedder, query: string): Promise<Float32Array> {
    const key = `${embedder.modelId}\u0000${query}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const [vector] = await embedder.embedQueries([query]);
    this.entries.set(key, vector!);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return vector!;
  }
}
