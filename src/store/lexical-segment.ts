/**
 * An immutable block of the lexical index: passages with their column lengths, and for each term the passages it
 * occurs in (ascending) with term frequencies. Typed arrays only, so a segment is compact, loads from a file without
 * parsing and is scanned without allocation.
 *
 * Terms are 53-bit hashes (two 32-bit FNV-style hashes; the lowest bit names the column), which keeps the
 * dictionary a sorted Float64Array; a collision needs ~10^8 distinct terms to become likely.
 */

export const FOLDED = 0;
export const EXACT = 1;
export type Column = typeof FOLDED | typeof EXACT;

export interface Segment {
  /** Passage keys, ascending; a passage's local ordinal is its position here. */
  readonly keys: Uint32Array;
  /** Tokens per passage, both columns together (BM25 length normalisation, as SQLite FTS5 computes it). */
  readonly lengths: Uint16Array;
  /** Term hashes, ascending. */
  readonly terms: Float64Array;
  /** Postings of term i are at [starts[i], starts[i+1]). */
  readonly starts: Uint32Array;
  readonly docs: Uint32Array;
  readonly freqs: Uint8Array;
  /** Largest frequency of each term, for its score's upper bound. */
  readonly maxFreqs: Uint8Array;
}

/** One passage's terms as the builder takes them. */
export interface PassageTerms {
  key: number;
  folded: string[];
  exact: string[];
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

const clamp16 = (n: number) => Math.min(n, 0xffff);

/** Builds a segment from passages (any key order). */
export function buildSegment(passages: PassageTerms[]): Segment {
  const sorted = [...passages].sort((a, b) => a.key - b.key);
  const keys = Uint32Array.from(sorted, (p) => p.key);
  const lengths = Uint16Array.from(sorted, (p) => clamp16(p.folded.length + p.exact.length));
  // Per passage: term → frequency; then the postings of each term in passage order.
  const perTerm = new Map<number, number[]>();
  sorted.forEach((p, local) => {
    const counts = new Map<number, number>();
    for (const t of p.folded) {
      const h = termHash(t, FOLDED);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    for (const t of p.exact) {
      const h = termHash(t, EXACT);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    for (const [h, f] of counts) {
      const list = perTerm.get(h);
      if (list) list.push(local, f);
      else perTerm.set(h, [local, f]);
    }
  });
  const terms = Float64Array.from(perTerm.keys()).sort();
  const starts = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((h, i) => {
    starts[i] = total;
    total += perTerm.get(h)!.length / 2;
  });
  starts[terms.length] = total;
  const docs = new Uint32Array(total);
  const freqs = new Uint8Array(total);
  const maxFreqs = new Uint8Array(terms.length);
  terms.forEach((h, i) => {
    const list = perTerm.get(h)!;
    let at = starts[i]!;
    let max = 0;
    for (let j = 0; j < list.length; j += 2) {
      const f = Math.min(list[j + 1]!, 255);
      docs[at] = list[j]!;
      freqs[at++] = f;
      if (f > max) max = f;
    }
    maxFreqs[i] = max;
  });
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
  live.sort((a, b) => a.key - b.key);
  const remap = parts.map(({ segment }) => new Int32Array(segment.keys.length).fill(-1));
  live.forEach((p, i) => {
    remap[p.part]![p.local] = i;
  });
  const keys = Uint32Array.from(live, (p) => p.key);
  const lengths = Uint16Array.from(live, (p) => parts[p.part]!.segment.lengths[p.local]!);

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
  const terms = new Float64Array(kept);
  const starts = new Uint32Array(kept + 1);
  const total = counts.reduce((n, c) => n + c, 0);
  const docs = new Uint32Array(total);
  const freqs = new Uint8Array(total);
  const maxFreqs = new Uint8Array(kept);
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
