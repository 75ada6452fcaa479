/**
 * An embedder that looks query vectors up in a fixed table of clustered vectors: the benchmarks exclude the time
 * spent inside a model by design, and this keeps every other part of a search (cache, HNSW, fusion) real.
 */
import type { Embedder } from '../../src/embed/embedder.js';
import { BENCH_MODEL, benchMixture, DIM } from './vectors.js';

/** Query vectors for a folder of `size` passages: drawn from the same topics as its passages. */
export function tableEmbedder(size: number): Embedder {
  let table: Float32Array[] | null = null;
  const pick = (text: string) => {
    // Made on first use, so a server's start-up time does not include the benchmark's own set-up.
    table ??= benchMixture(size).sample(256, 13);
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
    return table[h % table.length]!;
  };
  return {
    modelId: BENCH_MODEL,
    dimension: DIM,
    embedQueries: async (texts) => texts.map(pick),
    embedPassages: async (texts) => texts.map(pick),
  };
}
