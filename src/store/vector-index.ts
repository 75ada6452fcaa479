/**
 * Approximate nearest-neighbour search over passage vectors with hnswlib (cosine). Labels are passage keys.
 * Saved atomically (temporary file, fsync, rename) beside a manifest naming the model, so a crash never leaves a
 * half-written index and vectors of two models are never mixed.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { sha256File, writeFileDurably } from './durable-file.js';
import { blockProblem, digestFile, type BlockChecksums } from './file-checksums.js';
import { hnswFileProblem } from './hnsw-file.js';

const { HierarchicalNSW } = hnswlib;

export const INDEX_FILE = 'vectors.hnsw';
export const MANIFEST_FILE = 'vectors.manifest.json';

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * Chosen in docs/BENCHMARKS.md: M 16 builds fastest and reaches recall@10 1.0 at 100k; at 1M, efSearch 100 gives
 * 0.971 and 200 gives 0.996 at 1.3 ms, so 200 is the smallest value meeting 0.98 within 2 ms.
 */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 200, efSearch: 200 };

export interface VectorManifest {
  model: string;
  dimension: number;
  count: number;
  /** SHA-256 of the index file, verified by `npm run check`. */
  sha256: string;
  /** Size of the index file: checked at every open (hashing a large file would cost seconds of start-up). */
  bytes?: number;
  /** CRC-32 per 4 MiB block, verified at every open before hnswlib reads the file. */
  blocks?: BlockChecksums;
  params: HnswParams;
  savedAt: string;
}

const INITIAL_CAPACITY = 1024;

export function readManifest(dir: string): VectorManifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as VectorManifest;
  } catch {
    return null;
  }
}

export class VectorIndex {
  private readonly index: InstanceType<typeof HierarchicalNSW>;
  private live = 0;
  /** A copy: efSearch may be changed on this index alone. */
  private readonly params: HnswParams;

  private constructor(
    readonly model: string,
    readonly dimension: number,
    params: HnswParams,
  ) {
    this.index = new HierarchicalNSW('cosine', dimension);
    this.params = { ...params };
  }

  /** A new empty index. */
  static create(model: string, dimension: number, params: HnswParams = DEFAULT_HNSW): VectorIndex {
    const vi = new VectorIndex(model, dimension, params);
    vi.index.initIndex({ maxElements: INITIAL_CAPACITY, m: params.m, efConstruction: params.efConstruction, randomSeed: 100, allowReplaceDeleted: true });
    vi.index.setEf(params.efSearch);
    return vi;
  }

  /**
   * The saved index in `dir` if its manifest matches the model, dimension and expected vector count and the file
   * its size, layout and block checksums; else why not (the caller rebuilds from the stored vectors). A damaged file
   * is never handed to hnswlib, which reads without bounds checks (flipped bytes crashed a server with SIGSEGV).
   */
  static load(dir: string, model: string, dimension: number, expectedCount: number): { index: VectorIndex } | { problem: string } {
    const indexPath = join(dir, INDEX_FILE);
    const manifest = readManifest(dir);
    if (!manifest || !existsSync(indexPath)) return { problem: 'missing' };
    if (manifest.model !== model || manifest.dimension !== dimension || manifest.count !== expectedCount) {
      return { problem: `out of date (it holds ${manifest.count} vectors of ${manifest.model}, the store ${expectedCount} of ${model})` };
    }
    const size = statSync(indexPath).size;
    if (manifest.bytes !== undefined && size !== manifest.bytes) return { problem: `torn (${size} bytes, its manifest says ${manifest.bytes})` };
    const layout = hnswFileProblem(indexPath);
    if (layout !== null) return { problem: `damaged (${layout})` };
    // Manifests from before block checksums were recorded are checked by their SHA-256.
    const damage = manifest.blocks
      ? blockProblem(indexPath, manifest.blocks)
      : sha256File(indexPath) === manifest.sha256
        ? null
        : 'its SHA-256 differs from its manifest';
    if (damage !== null) return { problem: `damaged on disk (${damage})` };
    // efSearch is a query-time setting: the current default applies to indexes saved with an older one.
    const vi = new VectorIndex(model, dimension, { ...manifest.params, efSearch: DEFAULT_HNSW.efSearch });
    try {
      vi.index.readIndexSync(indexPath, true);
    } catch (err) {
      return { problem: `unreadable (${(err as Error).message})` };
    }
    vi.index.setEf(DEFAULT_HNSW.efSearch);
    vi.live = manifest.count;
    // Slots hold live and deleted (reusable) points; fewer slots than live points means the file is not this index.
    if (vi.index.getCurrentCount() < vi.live) return { problem: `not this index (${vi.index.getCurrentCount()} slots for ${vi.live} vectors)` };
    return { index: vi };
  }

  /** Candidates kept per search: the recall/latency trade-off, tuned in the benchmarks. */
  setEfSearch(ef: number): void {
    this.params.efSearch = ef;
    this.index.setEf(ef);
  }

  get count(): number {
    return this.live;
  }

  add(key: number, vector: Float32Array): void {
    if (vector.length !== this.dimension) throw new Error(`vector has ${vector.length} dimensions, index has ${this.dimension}`);
    // Slots of deleted points are reused first (replaceDeleted); grow only when none is left.
    const free = this.index.getCurrentCount() - this.live;
    if (free === 0 && this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(this.index.getMaxElements() * 2);
    }
    this.index.addPoint(Array.from(vector), key, true);
    this.live++;
  }

  remove(key: number): void {
    try {
      this.index.markDelete(key);
      this.live--;
    } catch {
      // Not in the index (the passage had no vector): nothing to remove.
    }
  }

  /** Up to k nearest passages with cosine similarity; `allowed`, when given, restricts the search to those keys. */
  search(vector: Float32Array, k: number, allowed: Set<number> | null = null): { key: number; similarity: number }[] {
    const n = Math.min(k, allowed ? allowed.size : this.live, this.live);
    if (n <= 0) return [];
    // A restrictive filter needs a wider beam to still find n allowed neighbours.
    this.index.setEf(Math.max(this.params.efSearch, allowed ? n * 4 : n));
    const { neighbors, distances } = allowed
      ? this.index.searchKnn(Array.from(vector), n, (label: number) => allowed.has(label))
      : this.index.searchKnn(Array.from(vector), n);
    return neighbors.map((key, i) => ({ key, similarity: 1 - distances[i]! }));
  }

  /** Labels in the index, deleted ones included (hnswlib keeps their slots for reuse). */
  labels(): Set<number> {
    return new Set(this.index.getIdsList());
  }

  save(dir: string): void {
    const file = join(dir, INDEX_FILE);
    // hnswlib reports nothing when the disk fills mid-write: the file's layout is checked before it replaces the old one.
    writeFileDurably(file, (tmp) => this.index.writeIndexSync(tmp), hnswFileProblem);
    const { sha256, bytes, blocks } = digestFile(file);
    const manifest: VectorManifest = {
      model: this.model,
      dimension: this.dimension,
      count: this.live,
      sha256,
      bytes,
      blocks,
      params: this.params,
      savedAt: new Date().toISOString(),
    };
    const json = JSON.stringify(manifest, null, 2);
    writeFileDurably(join(dir, MANIFEST_FILE), (tmp) => writeFileSync(tmp, json), Buffer.byteLength(json));
  }
}
