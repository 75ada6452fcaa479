/** What the pipeline needs from an embedding model. */
export interface Embedder {
  /** Model id as stored beside every vector, so vector spaces are never mixed. */
  readonly modelId: string;
  readonly dimension: number;
  /** Unit-length vectors for search queries. */
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  /** Unit-length vectors for passages, batched internally. */
  embedPassages(texts: string[], onProgress?: (done: number) => void): Promise<Float32Array[]>;
}
