/**
 * An immutable block of the lexical index: passages with their column lengths, and for each term the passages it
 * occurs in (ascending) with term frequencies. Typed arrays only, so a segment is compact, loads from a file without
 * parsing and is scanned without allocation.
 *
 * Terms are 53-bit hashes (two 32-bit FNV-style hashes; the lowest bit names the column), which keeps the
 * dictionary a sorted Float64Array; a collision needs ~10^8 distinct terms to become likely.
 *
 * A segment holds at most 65,536 passages so that a posting's passage is a 16-bit local ordinal: three bytes a
 * posting with its frequency instead of five, which is what keeps a million passages within memory.
 */

export const FOLDED = 0;
export const EXACT = 1;
export type Column = typeof FOLDED | typeof EXACT;

type SegmentArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A zeroed array in shared memory: segments are searched by worker threads, which must see them without a copy. */
function sharedArray<T extends SegmentArray>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

function sharedFrom<T extends SegmentArray>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, values: ArrayLike<number>): T {
  const out = sharedArray(Type, values.length);
  out.set(values);
  return out;
}

/** Most passages a segment holds (local ordinals are 16-bit). */
export const SEGMENT_CAPACITY = 1 << 16;

export interface Segment {
  /** Passage keys, ascending; a passage's local ordinal is its position here. */
  readonly keys: Uint32Array;
  /** Tokens per passage, both columns together (BM25 length normalisation, as SQLite FTS5 computes it). */
  readonly lengths: Uint16Array;
  /** Term hashes, ascending. */
  readonly terms: Float64Array;
  /** Postings of term i are at [starts[i], starts[i+1]). */
  readonly starts: Uint32Array;
  /** Local ordinals. */
  readonly docs: Uint16Array;
  readonly freqs: Uint8Array;
  /** Largest frequency of each term, for its score's upper bound. */
  readonly maxFreqs: Uint8Array;
}

/** One passage's terms, as the indexer produces them. */
export interface PassageTerms {
  key: number;
  folded: string[];
  exact: string[];
}

/** One passage's term hashes, both columns, in any order, repeats kept (their number is the passage's length). */
export interface HashedPassage {
  key: number;
  hashes: Float64Array;
}

export function termHash(term: string, column: Column): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  // 31 + 21 bits of hash, doubled to make room for the column bit: stays below 2^53, exact in a double.
  return ((h1 >>> 1) * 0x200000 + ((h2 >>> 0) & 0x1fffff)) * 2 + column;
}

export function hashTerms({ key, folded, exact }: PassageTerms): HashedPassage {
  const hashes = new Float64Array(folded.length + exact.length);
  let i = 0;
  for (const t of folded) hashes[i++] = termHash(t, FOLDED);
  for (const t of exact) hashes[i++] = termHash(t, EXACT);
  return { key, hashes };
}

export const passageLength = (p: HashedPassage): number => Math.min(p.hashes.length, 0xffff);

/** A growable typed array. */
class Column32 {
  data = new Uint32Array(1 << 16);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/** Dense ids for term hashes: open addressing over typed arrays, several times faster than a Map of doubles. */
class TermIds {
  private slots = new Float64Array(1 << 16).fill(-1);
  private values = new Int32Array(1 << 16);
  readonly hashes: number[] = [];

  id(hash: number): number {
    let mask = this.slots.length - 1;
    // Hashes are uniform 53-bit numbers: their low bits spread well. (The column bit is dropped.)
    let at = Math.floor(hash / 2) % (mask + 1);
    for (;;) {
      const slot = this.slots[at]!;
      if (slot === hash) return this.values[at]!;
      if (slot === -1) break;
      at = (at + 1) & mask;
    }
    const id = this.hashes.length;
    this.hashes.push(hash);
    this.slots[at] = hash;
    this.values[at] = id;
    if (this.hashes.length * 2 > this.slots.length) {
      const old = { slots: this.slots, values: this.values };
      this.slots = new Float64Array(old.slots.length * 2).fill(-1);
      this.values = new Int32Array(old.slots.length * 2);
      mask = this.slots.length - 1;
      old.slots.forEach((h, i) => {
        if (h === -1) return;
        let j = Math.floor(h / 2) % (mask + 1);
        while (this.slots[j] !== -1) j = (j + 1) & mask;
        this.slots[j] = h;
        this.values[j] = old.values[i]!;
      });
    }
    return id;
  }
}

/**
 * Builds a segment from passages (any key order). Each passage's term hashes are sorted to count frequencies; terms
 * get dense ids in a dictionary, postings are recorded as (id, passage, frequency) and grouped by id with a counting
 * sort: one hash-table lookup per distinct term of a passage and no per-term arrays, which matters at a million passages.
 */
export function buildSegment(passages: HashedPassage[]): Segment {
  if (passages.length > SEGMENT_CAPACITY) throw new RangeError(`a segment holds at most ${SEGMENT_CAPACITY} passages`);
  const sorted = [...passages].sort((a, b) => a.key - b.key);
  const keys = sharedFrom(Uint32Array, sorted.map((p) => p.key));
  const lengths = sharedFrom(Uint16Array, sorted.map(passageLength));
  const ids = new TermIds();
  const postingIds = new Column32();
  const postingDocs = new Column32();
  const postingFreqs = new Column32();
  let scratch = new Float64Array(1024);
  sorted.forEach(({ hashes }, local) => {
    const n = hashes.length;
    if (scratch.length < n) scratch = new Float64Array(n * 2);
    scratch.set(hashes);
    const own = scratch.subarray(0, n).sort();
    for (let j = 0; j < n; ) {
      const h = own[j]!;
      let k = j + 1;
      while (k < n && own[k] === h) k++;
      postingIds.push(ids.id(h));
      postingDocs.push(local);
      postingFreqs.push(Math.min(k - j, 255));
      j = k;
    }
  });
  const { hashes } = ids;
  // Dictionary order: term ids sorted by hash.
  const order = Uint32Array.from(hashes.keys()).sort((a, b) => hashes[a]! - hashes[b]!);
  const rank = new Uint32Array(hashes.length);
  order.forEach((id, r) => {
    rank[id] = r;
  });
  const terms = sharedArray(Float64Array, order.length);
  order.forEach((id, r) => {
    terms[r] = hashes[id]!;
  });
  const starts = sharedArray(Uint32Array, terms.length + 1);
  for (let j = 0; j < postingIds.length; j++) starts[rank[postingIds.data[j]!]! + 1]!++;
  for (let t = 0; t < terms.length; t++) starts[t + 1]! += starts[t]!;
  const docs = sharedArray(Uint16Array, postingIds.length);
  const freqs = sharedArray(Uint8Array, postingIds.length);
  const maxFreqs = sharedArray(Uint8Array, terms.length);
  const fill = starts.slice(0, terms.length);
  // Postings were recorded passage by passage, so each term's list comes out in passage order.
  for (let j = 0; j < postingIds.length; j++) {
    const t = rank[postingIds.data[j]!]!;
    const at = fill[t]!++;
    docs[at] = postingDocs.data[j]!;
    const f = postingFreqs.data[j]!;
    freqs[at] = f;
    if (f > maxFreqs[t]!) maxFreqs[t] = f;
  }
  return { keys, lengths, terms, starts, docs, freqs, maxFreqs };
}

/** Position of a value in an ascending array, or -1. */
function indexOf(sorted: Float64Array | Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < value) lo = mid + 1;
    else if (v > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Position of a term in a segment's dictionary, or -1. */
export const findTerm = (segment: Segment, hash: number): number => indexOf(segment.terms, hash);

/** Local ordinal of a passage key in a segment, or -1. */
export const findKey = (segment: Segment, key: number): number => indexOf(segment.keys, key);

/** One segment holding the live passages of several (deleted ones dropped); parts may overlap in key range. */
export function mergeSegments(parts: { segment: Segment; deleted: ReadonlySet<number> }[]): Segment {
  // Live passages of every part, with where they come from, in key order.
  const live: { key: number; part: number; local: number }[] = [];
  parts.forEach(({ segment, deleted }, part) => {
    segment.keys.forEach((key, local) => {
      if (!deleted.has(local)) live.push({ key, part, local });
    });
  });
  if (live.length > SEGMENT_CAPACITY) throw new RangeError(`a segment holds at most ${SEGMENT_CAPACITY} passages`);
  live.sort((a, b) => a.key - b.key);
  const remap = parts.map(({ segment }) => new Int32Array(segment.keys.length).fill(-1));
  live.forEach((p, i) => {
    remap[p.part]![p.local] = i;
  });
  const keys = sharedFrom(Uint32Array, live.map((p) => p.key));
  const lengths = sharedFrom(Uint16Array, live.map((p) => parts[p.part]!.segment.lengths[p.local]!));

  // Dictionary: the sorted union of the parts' terms.
  const all = new Float64Array(parts.reduce((n, p) => n + p.segment.terms.length, 0));
  let o = 0;
  for (const { segment } of parts) {
    all.set(segment.terms, o);
    o += segment.terms.length;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]!;
  const candidates = all.subarray(0, unique);

  const positions = parts.map(({ segment }) => candidates.map((h) => findTerm(segment, h)));
  const counts = new Uint32Array(unique);
  for (let t = 0; t < unique; t++) {
    parts.forEach(({ segment }, part) => {
      const at = positions[part]![t]!;
      if (at < 0) return;
      for (let j = segment.starts[at]!; j < segment.starts[at + 1]!; j++) if (remap[part]![segment.docs[j]!]! >= 0) counts[t]!++;
    });
  }
  const kept = counts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
  const terms = sharedArray(Float64Array, kept);
  const starts = sharedArray(Uint32Array, kept + 1);
  const total = counts.reduce((n, c) => n + c, 0);
  const docs = sharedArray(Uint16Array, total);
  const freqs = sharedArray(Uint8Array, total);
  const maxFreqs = sharedArray(Uint8Array, kept);
  let ti = 0;
  let at = 0;
  // When each part's keys all follow the previous part's (the usual case: newer segments hold newer passages), the
  // postings of a term, taken part by part, are already in passage order; otherwise they are sorted, packed as
  // doc * 256 + freq so one numeric sort orders them.
  const ordered = parts.every(({ segment }, i) => i === 0 || segment.keys.length === 0 || parts[i - 1]!.segment.keys.length === 0 || segment.keys[0]! > parts[i - 1]!.segment.keys.at(-1)!);
  const scratch = new Float64Array(ordered ? 0 : counts.reduce((m, c) => Math.max(m, c), 0));
  for (let t = 0; t < unique; t++) {
    if (counts[t] === 0) continue;
    terms[ti] = candidates[t]!;
    starts[ti] = at;
    const from = at;
    let n = 0;
    parts.forEach(({ segment }, part) => {
      const pos = positions[part]![t]!;
      if (pos < 0) return;
      const map = remap[part]!;
      for (let j = segment.starts[pos]!; j < segment.starts[pos + 1]!; j++) {
        const doc = map[segment.docs[j]!]!;
        if (doc < 0) continue;
        if (ordered) {
          docs[at] = doc;
          freqs[at++] = segment.freqs[j]!;
        } else scratch[n++] = doc * 256 + segment.freqs[j]!;
      }
    });
    if (!ordered) {
      for (const v of scratch.subarray(0, n).sort()) {
        const freq = v % 256;
        docs[at] = (v - freq) / 256;
        freqs[at++] = freq;
      }
    }
    let max = 0;
    for (let j = from; j < at; j++) if (freqs[j]! > max) max = freqs[j]!;
    maxFreqs[ti++] = max;
  }
  starts[kept] = at;
  return { keys, lengths, terms, starts, docs, freqs, maxFreqs };
}
