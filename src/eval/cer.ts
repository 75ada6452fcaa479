/**
 * Character error rate of a recognised text against a reference: Levenshtein distance (insertions, deletions,
 * substitutions of Unicode code points) over the reference length, both NFC with every run of whitespace one space.
 * Long texts are aligned first on anchors, word trigrams that occur once in each text, in order (the longest
 * increasing run, as patience diff does); the distance is summed over the stretches between anchors, exact within
 * each. With `clip`, the reference is cut to the stretch the hypothesis covers (a scan of part of a document).
 */

export interface CerResult {
  /** Edit operations. */
  edits: number;
  /** Reference characters compared (after clipping). */
  referenceChars: number;
  cer: number;
  /** Reference characters left out by clipping. */
  clippedChars: number;
}

/** NFC, whitespace runs to one space, trimmed. */
export function normaliseForCer(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Exact Levenshtein distance over code points, two rows. */
export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Uint32Array(y.length + 1);
  let cur = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1]! + (xi === y[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

interface Word {
  text: string;
  start: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index }));
}

/** Pairs (i in a, j in b) of word indexes starting a trigram unique to both, longest increasing in both. */
function anchors(a: Word[], b: Word[]): [number, number][] {
  const key = (w: Word[], i: number) => `${w[i]!.text} ${w[i + 1]!.text} ${w[i + 2]!.text}`;
  const count = (w: Word[]) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 2 < w.length; i++) {
      const k = key(w, i);
      m.set(k, m.has(k) ? -1 : i);
    }
    return m;
  };
  const ia = count(a);
  const ib = count(b);
  const pairs: [number, number][] = [];
  for (const [k, i] of ia) {
    const j = ib.get(k);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  pairs.sort((p, q) => p[0] - q[0]);
  // Longest increasing subsequence on j (patience sorting), O(n log n).
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  for (const [n, [, j]] of pairs.entries()) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[n] = tails[lo - 1]!;
    tails[lo] = n;
  }
  const out: [number, number][] = [];
  for (let n = tails.length ? tails[tails.length - 1]! : -1; n >= 0; n = back[n]!) out.push(pairs[n]!);
  // Overlapping trigrams: keep anchors three words apart so stretches do not overlap.
  const kept: [number, number][] = [];
  for (const p of out.reverse()) {
    const last = kept[kept.length - 1];
    if (!last || (p[0] >= last[0] + 3 && p[1] >= last[1] + 3)) kept.push(p);
  }
  return kept;
}

/** Character error rate of `hypothesis` against `reference` (see the module comment). */
export function characterErrorRate(hypothesis: string, reference: string, options: { clip?: boolean } = {}): CerResult {
  const hyp = normaliseForCer(hypothesis);
  let ref = normaliseForCer(reference);
  const full = [...ref].length;
  let hw = words(hyp);
  let rw = words(ref);
  let found = anchors(hw, rw);
  if (options.clip && found.length > 0) {
    const first = found[0]!;
    const last = found[found.length - 1]!;
    // Extend the covered stretch by the hypothesis words before the first and after the last anchor.
    const from = Math.max(0, first[1] - first[0]);
    const to = Math.min(rw.length, last[1] + (hw.length - last[0]));
    const end = to >= rw.length ? ref.length : rw[to]!.start;
    ref = ref.slice(rw[from]!.start, end).trim();
    rw = words(ref);
    hw = words(hyp);
    found = anchors(hw, rw);
  }
  let edits = 0;
  let ha = 0;
  let ra = 0;
  const textOf = (w: Word[], from: number, to: number, s: string) =>
    from >= to ? '' : s.slice(w[from]!.start, w[to - 1]!.start + w[to - 1]!.text.length);
  for (const [i, j] of [...found, [hw.length, rw.length] as [number, number]]) {
    const h = textOf(hw, ha, i, hyp);
    const r = textOf(rw, ra, j, ref);
    // The space joining a stretch to the anchor after it is counted when one side has words and the other none.
    edits += levenshtein(h, r) + (h === '' && r !== '' && j < rw.length ? 1 : 0) + (r === '' && h !== '' && i < hw.length ? 1 : 0);
    ha = i;
    ra = j;
    if (i < hw.length && j < rw.length) {
      // The anchor's three words are equal; go past them.
      ha = i + 3;
      ra = j + 3;
    }
  }
  const referenceChars = [...ref].length;
  return { edits, referenceChars, cer: referenceChars === 0 ? 0 : edits / referenceChars, clippedChars: full - referenceChars };
}

/** The differing stretches between anchors (for reading what an OCR got wrong): [hypothesis, reference] pairs. */
export function differences(hypothesis: string, reference: string, limit = 200): [string, string][] {
  const hyp = normaliseForCer(hypothesis);
  const ref = normaliseForCer(reference);
  const hw = words(hyp);
  const rw = words(ref);
  const out: [string, string][] = [];
  let ha = 0;
  let ra = 0;
  const textOf = (w: Word[], from: number, to: number, s: string) =>
    from >= to ? '' : s.slice(w[from]!.start, w[to - 1]!.start + w[to - 1]!.text.length);
  for (const [i, j] of anchors(hw, rw)) {
    const h = textOf(hw, ha, i, hyp);
    const r = textOf(rw, ra, j, ref);
    if (h !== r && out.length < limit) out.push([h, r]);
    ha = i + 3;
    ra = j + 3;
  }
  return out;
}
