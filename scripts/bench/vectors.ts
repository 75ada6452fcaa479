/**
 * Section 2: the HNSW index (the product's VectorIndex over hnswlib) on clustered synthetic vectors: build time,
 * memory, and recall@10 against exact search with the query latency at each efSearch, for a sweep of M.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HNSW, INDEX_FILE, VectorIndex, type HnswParams } from '../../src/store/vector-index.js';
import type { BenchContext } from './context.js';
import { summarise, timeEach, type Summary } from './measure.js';
import { fmt, say } from './report.js';
import { VectorMixture } from './synthetic.js';

export const DIM = 384;
export const BENCH_MODEL = 'bench/synthetic';

/** Exact top k by inner product (the vectors are unit length, so this is cosine), over one flat array. */
export function exactNeighbours(flat: Float32Array, count: number, q: Float32Array, k: number): number[] {
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < count; i++) {
    let s = 0;
    const o = i * DIM;
    for (let j = 0; j < DIM; j++) s += flat[o + j]! * q[j]!;
    if (best.length < k || s > best[best.length - 1]!.s) {
      best.push({ i, s });
      best.sort((a, b) => b.s - a.s);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.i);
}

/** The one mixture passages and queries of a given size come from. */
export const benchMixture = (size: number): VectorMixture => VectorMixture.forSize(DIM, 7, size);

export interface VectorData {
  vectors: Float32Array[];
  queries: Float32Array[];
  /** Exact neighbours of each query, as positions in `vectors`. */
  truth: number[][];
}

export function vectorData(size: number, queries: number): VectorData {
  const mixture = benchMixture(size);
  const vectors = mixture.sample(size, 8);
  const qs = mixture.sample(queries, 99);
  const flat = new Float32Array(size * DIM);
  vectors.forEach((v, i) => flat.set(v, i * DIM));
  return { vectors, queries: qs, truth: qs.map((q) => exactNeighbours(flat, size, q, 10)) };
}

/** Keys are positions + 1, as the store numbers passages inserted in order into an empty folder. */
export function buildVectorIndexOf(vectors: Float32Array[], params: HnswParams): { index: VectorIndex; seconds: number } {
  const t0 = performance.now();
  const index = VectorIndex.create(BENCH_MODEL, DIM, params);
  vectors.forEach((v, i) => index.add(i + 1, v));
  return { index, seconds: (performance.now() - t0) / 1000 };
}

/** The index's size as saved: vectors, graph and labels, what it holds in memory once loaded. */
function savedMiB(index: VectorIndex, work: string): number {
  const dir = mkdtempSync(join(work, 'hnsw-'));
  index.save(dir);
  const mib = statSync(join(dir, INDEX_FILE)).size / 1048576;
  rmSync(dir, { recursive: true, force: true });
  return mib;
}

/** Recall@10 and latency of each efSearch; returns the index built with the default parameters (for reuse) and its figures. */
export async function benchVectors(size: number, data: VectorData, { quick, work }: BenchContext): Promise<{ index: VectorIndex; recall: number; latency: Summary }> {
  const ms = quick ? [DEFAULT_HNSW.m] : size <= 10_000 ? [8, 16, 32, 48] : size <= 100_000 ? [16, 32] : [DEFAULT_HNSW.m];
  let kept: { index: VectorIndex; recall: number; latency: Summary } | null = null;
  for (const m of [...new Set(ms)]) {
    const params = { ...DEFAULT_HNSW, m };
    const { index, seconds } = buildVectorIndexOf(data.vectors, params);
    const mib = savedMiB(index, work);
    for (const ef of [32, 64, 100, 200, 400, 800]) {
      index.setEfSearch(ef);
      let hits = 0;
      const times = await timeEach(
        (i) => {
          const q = i % data.queries.length;
          const found = index.search(data.queries[q]!, 10);
          if (i < data.queries.length) hits += found.filter((n) => data.truth[q]!.includes(n.key - 1)).length;
        },
        data.queries.length,
        0,
      );
      const isDefault = m === DEFAULT_HNSW.m && ef === DEFAULT_HNSW.efSearch;
      const recall = hits / (data.queries.length * 10);
      const latency = summarise(times);
      if (isDefault) kept = { index, recall, latency };
      say(`| ${size.toLocaleString('en')} | ${m} | ${params.efConstruction} | ${seconds.toFixed(1)} s | ${mib.toFixed(0)} MiB | ${ef}${isDefault ? ' **(default)**' : ''} | ${recall.toFixed(4)} | ${fmt(latency)} |`);
    }
    index.setEfSearch(DEFAULT_HNSW.efSearch);
  }
  return kept!;
}
