/**
 * The configured embedder: the embedding server when EMBEDDINGS_URL is set, else the in-process model if it is
 * installed; otherwise says how to install it and returns none.
 */
import type { Embedder } from './embedder.js';
import { locateModel } from './locate-model.js';
import { modelSpecFromEnv, type ModelSpec } from './model-spec.js';
import { serverOptionsFromEnv } from './server-config.js';
import { ServerEmbedder } from './server-embedder.js';
import { ThreadedEmbedder } from './threaded-embedder.js';

export interface OpenEmbedderOptions {
  /**
   * Embed passages on a worker thread (src/embed/threaded-embedder.ts), queries in process: for the server, whose
   * uploads must not stop it answering. Costs a second copy of the model (~120 MB of weights, plus its inference buffers) from the first upload on.
   */
  passagesOnThread?: boolean;
}

export interface EmbedderStatus {
  embedder: Embedder | null;
  /** One line for the operator: which model runs, or why search is lexical-only and what to do about it. */
  message: string;
}

/** Throws `embedder_unavailable` when the server must be asked for its vector size (no EMBEDDINGS_DIMENSION) and does not answer. */
export async function openEmbedder(
  spec: ModelSpec = modelSpecFromEnv(),
  modelDir?: string,
  env: NodeJS.ProcessEnv = process.env,
  options: OpenEmbedderOptions = {},
): Promise<EmbedderStatus> {
  const server = serverOptionsFromEnv(env);
  if (server) {
    const embedder = await ServerEmbedder.open(server);
    const prefixes = server.prefixes === 'server' ? 'prefixes by the server (input_type)' : 'prefixes by the client';
    return { embedder, message: `model ${embedder.modelId} (${embedder.dimension} dimensions) from the embedding server ${embedder.endpoint}, ${prefixes}` };
  }
  const lookup = locateModel(spec, modelDir ?? process.env.MODEL_DIR);
  if (!lookup.found) {
    return {
      embedder: null,
      message: `lexical-only mode: ${lookup.reason}. Install the model with \`npm run model:fetch\` (or copy it there and set MODEL_DIR), then run \`npm run reindex\`.`,
    };
  }
  try {
    // transformers.js and onnxruntime load only when there is a model to run: lexical-only start-up stays quick.
    const { DEFAULT_BATCH_SIZE, TransformersEmbedder } = await import('./transformers-embedder.js');
    const loaded = await TransformersEmbedder.load(spec, lookup.location);
    const embedder = options.passagesOnThread ? new ThreadedEmbedder(loaded, { spec, location: lookup.location, batchSize: DEFAULT_BATCH_SIZE }) : loaded;
    const where = options.passagesOnThread ? ', passages embedded on a worker thread' : '';
    return { embedder, message: `model ${embedder.modelId} (${embedder.dimension} dimensions) from ${lookup.location.dir}${where}` };
  } catch (err) {
    throw new Error(
      `the model at ${lookup.location.dir} could not be loaded: ${(err as Error).message}. Fix: \`npm run model:fetch\` installs it again (or copy a good one there); to run lexical-only instead, set MODEL_DIR to a folder without this model`,
    );
  }
}
