/**
 * Extractive answer: the one to three sentences of the top passages that cover the query best, verbatim, each
 * followed by the citation marker of its passage. No sentence covering enough of the query means no answer.
 */
import { abbreviationMatcher, curatedMatcher } from './abbreviations.js';
import { canAnswer, expectedAnswerType, isQuestionSentence } from './answer-type.js';
import { queryWords, syllableKeys } from './highlight.js';
import { hasDiacritics } from './normalize.js';
import { mentionsPlace, namedPlaces } from './places.js';
import { splitSentences } from './sentences.js';
import type { Answer } from './types.js';

export interface AnswerSource {
  documentId: string;
  passageId: string;
  text: string;
  /** Where the passage starts in its document's stored text. */
  start: number;
  /** The document's title, read with the passage when the question names a province. */
  title?: string | null;
}

/** Share of the query's content syllables a sentence must hold to be quoted. */
export const MIN_COVERAGE = 0.5;

export interface AnswerOptions {
  /**
   * Weights of query words given as matching keys (tone keys when `exact`, else folded syllables), e.g. the index's
   * inverse document frequencies (LexicalIndex.inverseFrequencies). Without it every word weighs the same.
   */
  weigh?: (keys: string[], exact: boolean) => number[];
  /** Share of the query's word weight a sentence must hold to be quoted (with `weigh`); default 0. */
  minWeightedCoverage?: number;
}
const MAX_SENTENCES = 3;
const PASSAGES_CONSIDERED = 3;

interface Candidate {
  source: number;
  text: string;
  /** Offsets in the document's stored text. */
  start: number;
  end: number;
  score: number;
}

function bigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/**
 * The answer to `query` from the first passages of `sources` (in rank order), or null when no sentence holds at least
 * MIN_COVERAGE of the query's content words and, when weights are given, `minWeightedCoverage` of their weight: a
 * sentence that matches only a question's common words (`bị phạt bao nhiêu`) and none of its rare ones (`rọ mõm`)
 * does not answer it. Nor does a sentence that is itself a question, a sentence without a number for a `bao nhiêu`
 * or `khi nào` question (src/core/answer-type.ts), or a passage about another province than the one the question
 * names (src/core/places.ts: neither the passage nor its document's title names it).
 */
export function extractAnswer(query: string, sources: AnswerSource[], options: AnswerOptions = {}): Answer | null {
  // A query typed with accents is judged on accent-exact words: `bò` must not count as `bộ`, nor `Nam` as `năm`.
  const exact = hasDiacritics(query);
  const terms = [...queryWords(query, exact)];
  if (terms.length === 0) return null;
  const weights = options.weigh ? options.weigh(terms, exact) : terms.map(() => 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  const minWeighted = options.weigh ? (options.minWeightedCoverage ?? 0) : 0;
  const queryBigrams = bigrams(syllableKeys(query, exact));
  // Only abbreviations the query holds, in either form, can add to a sentence's coverage.
  const inQuery = curatedMatcher(syllableKeys(query, false), query);
  const abbreviations = inQuery.length > 0 ? abbreviationMatcher(inQuery) : null;
  const answerType = expectedAnswerType(query);
  const places = namedPlaces(query, exact);
  const candidates: Candidate[] = [];
  sources.slice(0, PASSAGES_CONSIDERED).forEach((src, sourceIndex) => {
    const context = `${src.title ?? ''}\n${src.text}`;
    if (!places.every((place) => mentionsPlace(context, place, exact))) return;
    const spans = splitSentences(src.text);
    spans.forEach((first, i) => {
      // A lead-in ending with a colon (`Mức phạt … đối với xe máy:`) is quoted with the line it introduces.
      const span = /:\s*$/.test(src.text.slice(first.start, first.end)) && i + 1 < spans.length ? { start: first.start, end: spans[i + 1]!.end } : first;
      const sentence = src.text.slice(span.start, span.end);
      if (isQuestionSentence(sentence) || !canAnswer(sentence, answerType)) return;
      const words = syllableKeys(sentence, exact);
      const present = new Set(words);
      // `UBND` in the sentence covers `ủy ban nhân dân` in the query, and the other way round.
      for (const a of abbreviations?.(syllableKeys(sentence, false), sentence) ?? []) {
        for (const form of [a.short, a.long]) for (const key of syllableKeys(form, exact)) present.add(key);
      }
      const coverage = terms.filter((t) => present.has(t)).length / terms.length;
      if (coverage < MIN_COVERAGE) return;
      const weighted = terms.reduce((sum, t, j) => sum + (present.has(t) ? weights[j]! : 0), 0) / totalWeight;
      if (weighted < minWeighted) return;
      const sentenceBigrams = bigrams(words);
      const phrase = queryBigrams.size ? [...queryBigrams].filter((b) => sentenceBigrams.has(b)).length / queryBigrams.size : 0;
      // Prefer full coverage, then adjacent-word matches, then higher-ranked passages, then concise sentences.
      const score = coverage + 0.5 * phrase - 0.05 * sourceIndex - 0.001 * Math.max(0, words.length - 40);
      candidates.push({ source: sourceIndex, text: sentence, start: src.start + span.start, end: src.start + span.end, score });
    });
  });
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!.score;
  const chosen = candidates.filter((c) => c.score >= best * 0.75).slice(0, MAX_SENTENCES);
  const numberOf = new Map<number, number>();
  const parts = chosen.map((c) => {
    if (!numberOf.has(c.source)) numberOf.set(c.source, numberOf.size + 1);
    return `${c.text} [${numberOf.get(c.source)}]`;
  });
  return {
    text: parts.join(' '),
    citations: [...numberOf.entries()].map(([source, n]) => ({ n, documentId: sources[source]!.documentId, passageId: sources[source]!.passageId })),
    sentences: chosen.map((c) => ({ n: numberOf.get(c.source)!, text: c.text, start: c.start, end: c.end })),
  };
}

