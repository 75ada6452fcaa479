/**
 * The direction of a document as a whole: the mean of its passage vectors, scaled to unit length, which similar
 * documents search the vector index with (src/search/similar.ts). Both engines compute it alike (the embedded engine
 * from its stored vectors when asked, the Solr engine once at write time, src/store/solr/solr-vectors.ts).
 */

/**
 * The normalised mean of `vectors` (all of one dimension), in float32; null for no vectors or a zero mean.
 * Components are summed in float32, as the embedded engine always did, so both engines get the very same vector.
 */
export function meanVector(vectors: readonly ArrayLike<number>[]): Float32Array | null {
  const first = vectors[0];
  if (first === undefined) return null;
  const mean = new Float32Array(first.length);
  for (const v of vectors) for (let i = 0; i < mean.length; i++) mean[i] = (mean[i] ?? 0) + (v[i] ?? 0);
  let norm = 0;
  for (const x of mean) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let i = 0; i < mean.length; i++) mean[i] = (mean[i] ?? 0) / norm;
  return mean;
}
