/**
 * Data at scale: clustered unit vectors (a seeded mixture of Gaussians on the sphere — real embeddings cluster by
 * topic; uniform noise would flatter nothing), and passages recombined from real sentences.
 */
import { splitSentences } from '../../src/core/sentences.js';
import { gaussian, prng } from '../../test/support/random.js';

/**
 * Topics are clusters; within a topic, texts vary along a few directions of their own (sub-topics) plus a little
 * noise. That low intrinsic dimension is what real sentence embeddings show, and what approximate search relies on;
 * isotropic noise in all 384 dimensions would make every neighbour equidistant and measure nothing real. Queries are
 * drawn from the same topics as the passages (with their own random stream), as real queries are about what the
 * corpus holds; queries from other topics would have no true neighbours, only ties.
 */
export class VectorMixture {
  private readonly topics: { centre: Float32Array; directions: Float32Array[] }[];

  constructor(
    readonly dim: number,
    seed: number,
    clusters: number,
  ) {
    const rand = prng(seed);
    const randomUnit = () => unit(Float32Array.from({ length: dim }, () => gaussian(rand)));
    this.topics = Array.from({ length: clusters }, () => ({ centre: randomUnit(), directions: Array.from({ length: SUBTOPICS }, randomUnit) }));
  }

  /** For `count` passages: one topic per ~1,250 of them, at least 16. */
  static forSize(dim: number, seed: number, count: number): VectorMixture {
    return new VectorMixture(dim, seed, Math.max(16, Math.round(Math.sqrt(count) / 4)));
  }

  sample(count: number, seed: number): Float32Array[] {
    const rand = prng(seed);
    return Array.from({ length: count }, () => {
      const { centre, directions } = this.topics[Math.floor(rand() * this.topics.length)]!;
      const v = Float32Array.from(centre);
      for (const d of directions) {
        const a = 0.35 * gaussian(rand);
        for (let i = 0; i < this.dim; i++) v[i]! += a * d[i]!;
      }
      for (let i = 0; i < this.dim; i++) v[i]! += 0.01 * gaussian(rand);
      return unit(v);
    });
  }
}

const SUBTOPICS = 12;

function unit(v: Float32Array): Float32Array {
  const n = Math.hypot(...v);
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

export interface Recombined {
  /** Real sentences of the corpus, each once. */
  sentences: string[];
  /** Each passage as the sentences it is made of. */
  passages: number[][];
}

/** Real sentences shuffled across documents into passages of 5–10 sentences (deterministic). */
export function recombine(texts: string[], count: number, seed: number): Recombined {
  const sentences = [...new Set(texts.flatMap((t) => splitSentences(t).map((s) => t.slice(s.start, s.end))).filter((s) => s.length > 30))];
  const rand = prng(seed);
  const passages = Array.from({ length: count }, () => Array.from({ length: 5 + Math.floor(rand() * 6) }, () => Math.floor(rand() * sentences.length)));
  return { sentences, passages };
}

export const passageText = (r: Recombined, i: number): string => r.passages[i]!.map((s) => r.sentences[s]).join(' ');
