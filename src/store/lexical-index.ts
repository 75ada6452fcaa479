/**
 * The lexical index in memory: BM25 over folded syllables, bigrams and tone keys, scored as SQLite FTS5's bm25()
 * does (one length over both columns; idf floored at 1e-6), but with top-k pruning (MaxScore): terms whose best
 * possible contribution cannot lift a passage into the top k are only probed, never scanned. An OR query of thirty
 * terms then costs about the postings of its rare terms, not of `của` and `và`.
 *
 * Passages arrive in batches and are kept in segments (log-structured: small segments merge into larger ones);
 * deletions mark passages until their segment is merged, and document frequencies discount them meanwhile, so
 * scores are always those of the live passages.
 */
import { bm25Idf } from '../core/bm25.js';
import type { QueryTerms } from '../core/lexical-terms.js';
import {
  buildSegment,
  type Column,
  EXACT,
  findKey,
  findTerm,
  FOLDED,
  hashTerms,
  mergeSegments,
  passageLength,
  SEGMENT_CAPACITY,
  termHash,
  type HashedPassage,
  type PassageTerms,
  type Segment,
} from './lexical-segment.js';

export interface LexicalHit {
  key: number;
  score: number;
}

/** A segment and the local ordinals of its deleted passages. */
export interface SegmentPart {
  segment: Segment;
  deleted: Set<number>;
}

/**
 * BM25 saturation and length normalisation. k1 0.9 rather than FTS5's 1.2: on the development set every k1 ≤ 1.0
 * beats 1.2 (docs/EVALUATION.md); 0.9 among them also keeps every ViRE dataset at or above its floor.
 */
const K1 = 0.9;
const B = 0.75;
/** Passages buffered before they become a segment; bounds the builder's memory. */
const PENDING_LIMIT = 8192;
/** A segment with more deleted passages than this share is rewritten without them. */
const DELETED_SHARE = 0.2;

/** Min-heap of the best k hits so far; of equal scores the larger key goes first, as in the final order. */
class TopK {
  readonly scores: number[] = [];
  readonly keys: number[] = [];
  constructor(readonly k: number) {}

  get threshold(): number {
    return this.scores.length < this.k ? -Infinity : this.scores[0]!;
  }

  push(score: number, key: number): void {
    const { scores, keys } = this;
    if (scores.length < this.k) {
      scores.push(score);
      keys.push(key);
      let i = scores.length - 1;
      while (i > 0) {
        const up = (i - 1) >> 1;
        if (!this.below(i, up)) break;
        this.swap(i, up);
        i = up;
      }
      return;
    }
    scores[0] = score;
    keys[0] = key;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < scores.length && this.below(l, m)) m = l;
      if (r < scores.length && this.below(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** Whether entry a ranks below entry b. */
  private below(a: number, b: number): boolean {
    const { scores, keys } = this;
    return scores[a]! < scores[b]! || (scores[a] === scores[b] && keys[a]! > keys[b]!);
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
  }

  sorted(): LexicalHit[] {
    return this.keys.map((key, i) => ({ key, score: this.scores[i]! })).sort((a, b) => b.score - a.score || a.key - b.key);
  }
}

/** First position in [from, end) whose passage is ≥ target (galloping, then binary search). */
function advance(docs: Uint16Array, from: number, end: number, target: number): number {
  if (from >= end || docs[from]! >= target) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < end && docs[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = Math.min(end, hi + step);
  }
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

const NO_DISCOUNT: ReadonlyMap<number, number> = new Map();

interface QueryTerm {
  hash: number;
  idf: number;
}

/** How many deleted passages of a segment hold each term: one pass over its postings with a bitmap of the deleted. */
function deletedFrequencies({ segment, deleted }: SegmentPart): Map<number, number> {
  const out = new Map<number, number>();
  const gone = new Uint8Array(segment.keys.length);
  for (const local of deleted) gone[local] = 1;
  const { terms, starts, docs } = segment;
  for (let t = 0; t < terms.length; t++) {
    let n = 0;
    for (let j = starts[t]!; j < starts[t + 1]!; j++) n += gone[docs[j]!]!;
    if (n > 0) out.set(terms[t]!, n);
  }
  return out;
}

export class LexicalIndex {
  private parts: SegmentPart[] = [];
  /** Per segment with deletions, its deleted passages' term counts; dropped when it has more deletions. */
  private discounts = new WeakMap<SegmentPart, Map<number, number>>();
  private pending: HashedPassage[] = [];
  private live = 0;
  private totalLength = 0;
  private changes = 0;

  /** An index of saved segments. */
  static fromParts(parts: SegmentPart[]): LexicalIndex {
    const index = new LexicalIndex();
    index.parts = parts;
    for (const { segment, deleted } of parts) {
      segment.keys.forEach((_, local) => {
        if (!deleted.has(local)) index.count(segment.lengths[local]!, 1);
      });
    }
    return index;
  }

  get size(): number {
    return this.live;
  }

  /** Grows with every change, so a copy elsewhere (a search thread) knows when it is stale. */
  get version(): number {
    return this.changes;
  }

  private count(length: number, sign: 1 | -1): void {
    this.changes++;
    this.live += sign;
    this.totalLength += sign * length;
  }

  add(passages: PassageTerms[]): void {
    // Hashed one at a time: a large batch never holds every passage's hashes at once.
    for (const p of passages) this.push(hashTerms(p));
  }

  /** Passages whose terms are hashed already (a bulk loader hashes each repeated sentence once). */
  addHashed(passages: HashedPassage[]): void {
    for (const p of passages) this.push(p);
  }

  private push(p: HashedPassage): void {
    this.pending.push(p);
    this.count(passageLength(p), 1);
    // Flushed as it fills, so no segment outgrows its capacity however large the batch.
    if (this.pending.length >= PENDING_LIMIT) this.flush();
  }

  /** Forgets a passage; false when it is not in the index. */
  remove(key: number): boolean {
    const at = this.pending.findIndex((p) => p.key === key);
    if (at >= 0) {
      const [p] = this.pending.splice(at, 1);
      this.count(passageLength(p!), -1);
      return true;
    }
    for (const part of this.parts) {
      const { segment, deleted } = part;
      const local = findKey(segment, key);
      if (local >= 0 && !deleted.has(local)) {
        deleted.add(local);
        this.discounts.delete(part);
        this.count(segment.lengths[local]!, -1);
        return true;
      }
    }
    return false;
  }

  /** Count, sum and largest of the live keys, to compare with the store's cheaply. */
  keyFingerprint(): { count: number; sum: number; max: number } {
    let sum = 0;
    let max = 0;
    for (const key of this.keys()) {
      sum += key;
      if (key > max) max = key;
    }
    return { count: this.live, sum, max };
  }

  /** Keys of every live passage. */
  keys(): Set<number> {
    const out = new Set(this.pending.map((p) => p.key));
    for (const { segment, deleted } of this.parts) segment.keys.forEach((key, local) => deleted.has(local) || out.add(key));
    return out;
  }

  /** The segments, with buffered passages turned into one first (for saving). */
  segments(): readonly SegmentPart[] {
    this.flush();
    return this.parts;
  }

  /**
   * Buffered passages become a segment; then neighbours merge while the older is at most twice the newer (so
   * segment sizes grow geometrically and a passage is copied O(log n) times), and segments with many deletions are
   * rewritten.
   */
  private flush(): void {
    if (this.pending.length > 0) {
      this.parts.push({ segment: buildSegment(this.pending), deleted: new Set() });
      this.pending = [];
    }
    const liveOf = (p: SegmentPart) => p.segment.keys.length - p.deleted.size;
    const mergeable = (older: SegmentPart, newer: SegmentPart) => liveOf(older) <= 2 * liveOf(newer) && liveOf(older) + liveOf(newer) <= SEGMENT_CAPACITY;
    while (this.parts.length >= 2 && mergeable(this.parts.at(-2)!, this.parts.at(-1)!)) {
      const [a, b] = this.parts.splice(-2);
      this.parts.push({ segment: mergeSegments([a!, b!]), deleted: new Set() });
    }
    this.parts = this.parts.flatMap((p) => {
      if (p.deleted.size === 0 || p.deleted.size <= DELETED_SHARE * p.segment.keys.length) return [p];
      return liveOf(p) === 0 ? [] : [{ segment: mergeSegments([p]), deleted: new Set<number>() }];
    });
  }

  private discountOf(part: SegmentPart): ReadonlyMap<number, number> {
    if (part.deleted.size === 0) return NO_DISCOUNT;
    let discount = this.discounts.get(part);
    if (!discount) this.discounts.set(part, (discount = deletedFrequencies(part)));
    return discount;
  }

  /** Keys of the live passages indexed under one term of the folded column. */
  private postingKeys(term: string): Set<number> {
    this.flush();
    const hash = termHash(term, FOLDED);
    const out = new Set<number>();
    for (const { segment, deleted } of this.parts) {
      const at = findTerm(segment, hash);
      if (at < 0) continue;
      for (let j = segment.starts[at]!; j < segment.starts[at + 1]!; j++) {
        const local = segment.docs[j]!;
        if (!deleted.has(local)) out.add(segment.keys[local]!);
      }
    }
    return out;
  }

  /**
   * Keys of the live passages indexed under every one of these folded terms (syllables or `a_b` bigrams): the
   * candidates for a phrase, read from the postings however deep in a ranking they would be. Every passage holding
   * the terms is in it; the caller checks the text (terms also come from a passage's heading and abbreviations).
   */
  passagesWithAll(foldedTerms: readonly string[]): Set<number> {
    const sets = [...new Set(foldedTerms)].map((t) => this.postingKeys(t)).sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    if (!smallest) return new Set();
    return new Set([...smallest].filter((key) => rest.every((s) => s.has(key))));
  }

  /**
   * How many live passages hold each folded term (its document frequency, in passages), and how many live passages
   * there are: the statistics a term's distinctiveness (idf) is read from.
   */
  foldedFrequencies(folded: string[]): { live: number; df: number[] } {
    if (this.pending.length > 0) this.flush();
    return { live: this.live, df: folded.map((t) => this.hashFrequency(termHash(t, FOLDED))) };
  }

  /** Live passages holding a term of a column (`EXACT` tone keys such as `đươngf`, `đươngf_lôis`); 0 when none. */
  frequency(term: string, column: Column): number {
    // Buffered passages count once they are a segment; a look-up with none buffered changes nothing.
    if (this.pending.length > 0) this.flush();
    return this.hashFrequency(termHash(term, column));
  }

  private hashFrequency(hash: number): number {
    let df = 0;
    for (const part of this.parts) {
      const at = findTerm(part.segment, hash);
      if (at >= 0) df += part.segment.starts[at + 1]! - part.segment.starts[at]! - (this.discountOf(part).get(hash) ?? 0);
    }
    return df;
  }

  /**
   * BM25's inverse document frequency of single index terms (folded syllables, or accent-exact tone keys when
   * `exact`), max(1e-6, ln((N − df + 0.5) / (df + 0.5))) over the N live passages; a term no passage holds gets the
   * highest value, ln((N + 0.5) / 0.5): nothing in the index speaks of it. Empty index: all 0.
   */
  inverseFrequencies(terms: string[], exact: boolean): number[] {
    this.flush();
    if (this.live === 0) return terms.map(() => 0);
    return terms.map((t) => {
      const df = this.hashFrequency(termHash(t, exact ? EXACT : FOLDED));
      return bm25Idf(this.live, df);
    });
  }

  /** The k best passages for the query, restricted to `allowed` keys when given. */
  search(query: QueryTerms, k: number, allowed: ReadonlySet<number> | null = null): LexicalHit[] {
    this.flush();
    if (this.live === 0 || k <= 0) return [];
    const hashes = [...new Set([...query.folded.map((t) => termHash(t, FOLDED)), ...query.exact.map((t) => termHash(t, EXACT))])];
    const terms: QueryTerm[] = [];
    for (const hash of hashes) {
      const df = this.hashFrequency(hash);
      if (df > 0) terms.push({ hash, idf: bm25Idf(this.live, df) });
    }
    const top = new TopK(k);
    const averageLength = this.totalLength / this.live;
    for (const part of this.parts) scoreSegment(part, terms, averageLength, top, allowed);
    return top.sorted();
  }
}

/** Per segment, each passage's BM25 length term `k1 (1 - b + b len / avgLen)`, for the average it was computed at. */
const lengthNorms = new WeakMap<Segment, { averageLength: number; norms: Float64Array }>();

function lengthNormsOf(segment: Segment, averageLength: number): Float64Array {
  const cached = lengthNorms.get(segment);
  if (cached?.averageLength === averageLength) return cached.norms;
  const factor = (K1 * B) / averageLength;
  const norms = Float64Array.from(segment.lengths, (length) => K1 * (1 - B) + factor * length);
  lengthNorms.set(segment, { averageLength, norms });
  return norms;
}

/** Passages scored together: the essential lists are summed into accumulators one window at a time. */
const WINDOW = 4096;
/**
 * The first window is small: until the top k is full every list is essential, so a first window of 4,096 would sum
 * the postings of `của` and `và` over all of it. After 256 passages the k-th score already rules them out
 * (at 100k passages this halves the postings summed).
 */
const FIRST_WINDOW = 256;
const accumulator = new Float64Array(WINDOW);
const touched = new Uint8Array(WINDOW);

/**
 * MaxScore over one segment, a window of passages at a time (as Lucene's MaxScore scorer does). Terms are ordered
 * by their score's upper bound; the longest prefix whose bounds sum to no more than the current k-th score is
 * "non-essential". In each window the essential lists are summed into accumulators in one tight pass each; only
 * passages they touched are candidates, and non-essential lists are probed for those while a candidate can still
 * enter the top k.
 */
function scoreSegment({ segment, deleted }: SegmentPart, query: QueryTerm[], averageLength: number, top: TopK, allowed: ReadonlySet<number> | null): void {
  const { docs, freqs, keys } = segment;
  const norms = lengthNormsOf(segment, averageLength);
  // `weight` is idf (k1 + 1): a posting scores weight f / (f + norm).
  const cursors: { pos: number; end: number; weight: number; bound: number }[] = [];
  for (const { hash, idf } of query) {
    const at = findTerm(segment, hash);
    if (at < 0) continue;
    const maxFreq = segment.maxFreqs[at]!;
    // A passage of length 0 is the most a term can score at its highest frequency.
    const weight = idf * (K1 + 1);
    cursors.push({ pos: segment.starts[at]!, end: segment.starts[at + 1]!, weight, bound: (weight * maxFreq) / (maxFreq + K1 * (1 - B)) });
  }
  cursors.sort((a, b) => a.bound - b.bound);
  const n = cursors.length;
  const cumulative = new Float64Array(n);
  cursors.forEach((c, i) => {
    cumulative[i] = c.bound + (i > 0 ? cumulative[i - 1]! : 0);
  });
  const checkDeleted = deleted.size > 0;
  let threshold = top.threshold;
  let essential = 0;
  for (let from = 0, size = FIRST_WINDOW; from < keys.length; from += size, size = WINDOW) {
    while (essential < n && cumulative[essential]! <= threshold) essential++;
    if (essential === n) return;
    const to = Math.min(keys.length, from + size);
    let any = false;
    for (let i = essential; i < n; i++) {
      const c = cursors[i]!;
      const { weight } = c;
      let pos = c.pos;
      for (; pos < c.end; pos++) {
        const doc = docs[pos]!;
        if (doc >= to) break;
        const f = freqs[pos]!;
        const slot = doc - from;
        accumulator[slot]! += (weight * f) / (f + norms[doc]!);
        touched[slot] = 1;
        any = true;
      }
      c.pos = pos;
    }
    if (!any) continue;
    for (let slot = 0; slot < to - from; slot++) {
      if (touched[slot] === 0) continue;
      let score = accumulator[slot]!;
      accumulator[slot] = 0;
      touched[slot] = 0;
      const doc = from + slot;
      if ((checkDeleted && deleted.has(doc)) || (allowed !== null && !allowed.has(keys[doc]!))) continue;
      for (let i = essential - 1; i >= 0; i--) {
        if (score + cumulative[i]! <= threshold) break;
        const c = cursors[i]!;
        c.pos = advance(docs, c.pos, c.end, doc);
        if (c.pos < c.end && docs[c.pos] === doc) {
          const f = freqs[c.pos]!;
          score += (c.weight * f) / (f + norms[doc]!);
        }
      }
      if (score > threshold) {
        top.push(score, keys[doc]!);
        threshold = top.threshold;
      }
    }
  }
}
