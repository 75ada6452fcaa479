/**
 * Diacritics put back into a query typed without them (`duong loi doi ngoai` → `đường lối đối ngoại`), from the
 * corpus's own usage: each plain word may stand for several syllables (`duong` for dương, đương, đường, dưỡng, …);
 * the most likely sequence is found by Viterbi over a bigram model whose counts are how many passages hold each
 * accented syllable and each adjacent pair. A word is restored only when its best form beats every rival by a clear
 * margin in the max-marginal (the best whole sequence through the rival), so distinct words are never merged on a
 * guess: `Binh Duong` is Bình Dương and `con duong` con đường because the corpus says so, and a word the context cannot
 * settle is reported as uncertain.
 *
 * Pure: the counts come from the caller (src/search/stages reads them off the lexical index's accent-exact column).
 */
import { hasDiacritics, toneKey } from './normalize.js';
import { accentedForms } from './syllables.js';

/** Passage counts of accented syllables and adjacent pairs, by tone key (`đươngf`, see normalize.ts toneKey). */
export interface SyllableCounts {
  /** Passages holding the syllable; 0 when the corpus never has it. */
  syllable(key: string): number;
  /** Passages holding `first` directly followed by `second` in one sentence. */
  pair(first: string, second: string): number;
  /** Passages in the corpus. */
  readonly total: number;
}

export interface RestoredWord {
  /** The word as typed. */
  typed: string;
  /** Its most likely form, the typed case kept. */
  best: string;
  /** The runner-up form, or null when the corpus knows only one. */
  rival: string | null;
  /** Natural log of how much more likely the best whole reading is than the best one through the rival (Infinity without one). */
  margin: number;
}

export interface Restoration {
  /** The query with every confident word restored; an uncertain word keeps its best form here too. */
  text: string;
  /** Words that could take marks, in order. */
  words: RestoredWord[];
  /** Every word that could take marks is restored with at least the required margin. */
  confident: boolean;
}

/** Passages' worth of the syllable's own frequency mixed into each pair estimate (Dirichlet smoothing). */
const PRIOR_WEIGHT = 5;
/** Forms kept per word, most frequent first: rarer ones only cost pair look-ups. */
const MAX_FORMS = 8;
/**
 * Default required margin: the best reading at least e² ≈ 7.4 times as likely as the best one with another form of
 * any word. On 400 phrases of 3–7 words drawn from the bundled and party-web-articles corpora and stripped of their
 * marks, 70% of phrases are then restored, 97.5% of them exactly (counts from the other half of the paragraphs:
 * 60%, 95%); with no margin every phrase is restored and 87% exactly (scripts/restore-sample.ts measures it).
 */
export const DEFAULT_MARGIN = 2;

interface Node {
  typed: string;
  /** Candidate forms (lower case) and their tone keys; one entry for a word that cannot change. */
  forms: string[];
  keys: string[];
  /** Whether the word could take marks (some accented form is in the corpus). */
  open: boolean;
}

/** Longer queries are pasted text rather than typed words: left as they are (each word costs up to 72 look-ups). */
const MAX_WORDS = 40;
/** Sentence-like stretches, as the index cuts them for pairs (lexical-terms.ts). */
const STRETCH = /[^.!?;:\n]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

function nodeOf(typed: string, counts: SyllableCounts): Node {
  const lower = typed.toLowerCase();
  const fixed = { typed, forms: [lower], keys: [toneKey(lower)], open: false };
  if (!/^[a-z]+$/u.test(lower)) return fixed;
  const seen = new Map<string, number>();
  for (const form of [lower, ...accentedForms(lower)]) {
    const key = toneKey(form);
    if (seen.has(key)) continue;
    const n = counts.syllable(key);
    if (n > 0) seen.set(key, n);
  }
  const ranked = [...seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_FORMS);
  if (ranked.length === 0 || (ranked.length === 1 && ranked[0]![0] === toneKey(lower))) return fixed;
  const forms = ranked.map(([key]) => [lower, ...accentedForms(lower)].find((f) => toneKey(f) === key)!);
  return { typed, forms, keys: ranked.map(([key]) => key), open: true };
}

/** The form with the typed word's capitals (`Ha` + hà → Hà); forms have one code unit per typed letter. */
function withCase(typed: string, form: string): string {
  if (form.length !== typed.length) return form;
  let out = '';
  for (let i = 0; i < form.length; i++) out += typed[i] !== typed[i]!.toLowerCase() ? form[i]!.toUpperCase() : form[i]!;
  return out;
}

/** Max-marginal log scores of each form of each node: the best whole reading that uses that form. */
function maxMarginals(nodes: Node[], counts: SyllableCounts): number[][] {
  const total = Math.max(1, counts.total);
  const known = new Map<string, number>();
  const syllable = (key: string) => {
    let n = known.get(key);
    if (n === undefined) known.set(key, (n = counts.syllable(key)));
    return n;
  };
  const prior = (key: string) => (syllable(key) + 0.1) / total;
  const logStep = (prev: string, next: string) =>
    Math.log((counts.pair(prev, next) + PRIOR_WEIGHT * prior(next)) / (syllable(prev) + PRIOR_WEIGHT));
  const n = nodes.length;
  const steps: number[][][] = [];
  for (let i = 1; i < n; i++) steps.push(nodes[i - 1]!.keys.map((p) => nodes[i]!.keys.map((c) => logStep(p, c))));
  const forward: number[][] = [nodes[0]!.keys.map((k) => Math.log(prior(k)))];
  for (let i = 1; i < n; i++) {
    forward.push(nodes[i]!.keys.map((_, c) => Math.max(...forward[i - 1]!.map((f, p) => f + steps[i - 1]![p]![c]!))));
  }
  const backward: number[][] = new Array(n);
  backward[n - 1] = nodes[n - 1]!.keys.map(() => 0);
  for (let i = n - 2; i >= 0; i--) {
    backward[i] = nodes[i]!.keys.map((_, p) => Math.max(...backward[i + 1]!.map((b, c) => steps[i]![p]![c]! + b)));
  }
  return forward.map((f, i) => f.map((v, c) => v + backward[i]![c]!));
}

/**
 * The query with diacritics restored, or null when it already has some (or đ), or no word of it can take marks in
 * this corpus, or it is over 40 words. `minMargin` is the natural-log margin a word's best form needs over its rivals for `confident`.
 */
export function restoreDiacritics(query: string, counts: SyllableCounts, minMargin = DEFAULT_MARGIN): Restoration | null {
  const nfc = query.normalize('NFC');
  if (hasDiacritics(nfc) || counts.total === 0 || (nfc.match(WORD)?.length ?? 0) > MAX_WORDS) return null;
  const words: RestoredWord[] = [];
  let text = '';
  let last = 0;
  for (const stretch of nfc.matchAll(STRETCH)) {
    const tokens = [...stretch[0].matchAll(WORD)];
    if (tokens.length === 0) continue;
    const nodes = tokens.map((t) => nodeOf(t[0], counts));
    const scores = maxMarginals(nodes, counts);
    nodes.forEach((node, i) => {
      const at = stretch.index + tokens[i]!.index;
      const order = scores[i]!.map((s, f) => ({ s, f })).sort((a, b) => b.s - a.s);
      const best = withCase(node.typed, node.forms[order[0]!.f]!);
      text += nfc.slice(last, at) + (node.open ? best : node.typed);
      last = at + node.typed.length;
      if (!node.open) return;
      const second = order[1];
      words.push({
        typed: node.typed,
        best,
        rival: second ? withCase(node.typed, node.forms[second.f]!) : null,
        margin: second ? order[0]!.s - second.s : Infinity,
      });
    });
  }
  text += nfc.slice(last);
  if (words.length === 0 || text === nfc) return null;
  return { text, words, confident: words.every((w) => w.margin >= minMargin) };
}
