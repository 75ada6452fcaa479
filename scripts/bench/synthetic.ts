/**
 * Data at scale: clustered unit vectors (a seeded mixture of Gaussians on the sphere — real embeddings cluster by
 * topic; uniform noise would flatter nothing), and passages recombined from real sentences.
 */
import { splitSentences } from '../../src/core/sentences.js';
import { gaussian, prng } from '../../test/support/random.js';

/**
 * Topics are clusters; within a topic, texts vary along a few directions of their own (sub-topics) plus a little
 * noise. That low intrinsic dimension is what real sentence embeddings show, and what approximate search relies on;
 * isotropic noise in all 384 dimensions would make every neighbour equidistant and measure nothing real.
 */
export function clusteredVectors(count: number, dim: number, seed: number, clusters = Math.max(16, Math.round(Math.sqrt(count) / 4))): Float32Array[] {
  const rand = prng(seed);
  const unit = (v: Float32Array) => {
    const n = Math.hypot(...v);
    for (let i = 0; i < v.length; i++) v[i]! /= n;
    return v;
  };
  const randomUnit = () => unit(Float32Array.from({ length: dim }, () => gaussian(rand)));
  const SUBTOPICS = 12;
  const topics = Array.from({ length: clusters }, () => ({ centre: randomUnit(), directions: Array.from({ length: SUBTOPICS }, randomUnit) }));
  return Array.from({ length: count }, () => {
    const { centre, directions } = topics[Math.floor(rand() * clusters)]!;
    const v = Float32Array.from(centre);
    for (const d of directions) {
      const a = 0.35 * gaussian(rand);
      for (let i = 0; i < dim; i++) v[i]! += a * d[i]!;
    }
    for (let i = 0; i < dim; i++) v[i]! += 0.01 * gaussian(rand);
    return unit(v);
  });
}

/** Real sentences shuffled across documents into passages of 5–10 sentences (deterministic). */
export function recombinedPassages(texts: string[], count: number, seed: number): string[] {
  const sentences = texts.flatMap((t) => splitSentences(t).map((s) => t.slice(s.start, s.end))).filter((s) => s.length > 30);
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const n = 5 + Math.floor(rand() * 6);
    return Array.from({ length: n }, () => sentences[Math.floor(rand() * sentences.length)]!).join(' ');
  });
}
