/** Embedder backed by transformers.js feature extraction on onnxruntime-node, from local files only. */
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Embedder } from './embedder.js';
import type { ModelLocation } from './locate-model.js';
import type { ModelSpec } from './model-spec.js';

export const DEFAULT_BATCH_SIZE = 16;

export class TransformersEmbedder implements Embedder {
  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    private readonly spec: ModelSpec,
    readonly dimension: number,
    private readonly batchSize: number,
  ) {}

  get modelId(): string {
    return this.spec.id;
  }

  static async load(spec: ModelSpec, location: ModelLocation, batchSize = DEFAULT_BATCH_SIZE): Promise<TransformersEmbedder> {
    // Air-gapped by design: never reach for the hub at run time.
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = location.root.endsWith('/') ? location.root : `${location.root}/`;
    const extractor = await pipeline('feature-extraction', location.id, { dtype: spec.dtype });
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    const dimension = probe.dims[probe.dims.length - 1]!;
    if (spec.dimension !== null && spec.dimension !== dimension) {
      throw new Error(`model ${spec.id} gives ${dimension}-dimensional vectors, expected ${spec.dimension}`);
    }
    return new TransformersEmbedder(extractor, spec, dimension, batchSize);
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((t) => this.spec.queryPrefix + t));
  }

  embedPassages(texts: string[], onProgress?: (done: number) => void): Promise<Float32Array[]> {
    return this.embed(texts.map((t) => this.spec.passagePrefix + t), onProgress);
  }

  private async embed(texts: string[], onProgress?: (done: number) => void): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      const tensor = await this.extractor(batch, { pooling: 'mean', normalize: true });
      const data = tensor.data as Float32Array;
      for (let j = 0; j < batch.length; j++) out.push(data.slice(j * this.dimension, (j + 1) * this.dimension));
      onProgress?.(out.length);
    }
    return out;
  }
}
