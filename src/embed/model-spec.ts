/**
 * The embedding model, in one place: which model, which revision and file set, its vector size and the
 * prefixes it was trained with, and how its dense ranking is fused with the lexical one. Any transformers.js
 * feature-extraction model can be configured instead.
 */
import { DEFAULT_FUSION, type FusionSpec } from '../core/fuse.js';

export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';

export interface PinnedFile {
  path: string;
  bytes: number | null;
  sha256: string;
}

export interface ModelSpec {
  /** Hub id, also the sub-folder of the model root it is loaded from. */
  id: string;
  revision: string | null;
  dtype: ModelDtype;
  /** Known vector size; null means "read it off the model at load". */
  dimension: number | null;
  queryPrefix: string;
  passagePrefix: string;
  /** Files `model:fetch` downloads and verifies; empty for models that are copied in by hand. */
  files: PinnedFile[];
  /** How hybrid search fuses this model's ranking with the lexical one (src/core/fuse.ts). */
  fusion: FusionSpec;
}

/**
 * Fusion measured for multilingual-e5-small (q8) on the development sets (docs/EVALUATION.md, "Fusion"): min-max
 * normalised BM25 and cosine over the first 100 candidates of each, lexical weight 0.7. Swept on both full
 * development sets with queries read as search reads them (diacritics restored first): mean nDCG@10 over the
 * bundled-corpus queries (96.8) and the web-extract queries over all 881 extracts (91.2) 94.00, against 91.05
 * lexical alone, 85.00 dense alone, 91.20 equal-weight RRF and 92.85 for the earlier choice (z-score, 0.8, 50
 * candidates, chosen on an 83-file subset). Its neighbours (min-max or z-score, weight 0.6–0.7, depth 50–200) are
 * within 0.9 points: the choice does not hang on one query.
 */
export const E5_SMALL_FUSION: FusionSpec = { method: 'minmax', lexicalWeight: 0.7, k: 60, depth: 100 };

export const DEFAULT_MODEL: ModelSpec = {
  id: 'Xenova/multilingual-e5-small',
  revision: '761b726dd34fb83930e26aab4e9ac3899aa1fa78',
  dtype: 'q8',
  dimension: 384,
  // E5 models were trained with these markers; without them retrieval quality drops.
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  files: [
    { path: 'onnx/model_quantized.onnx', bytes: 118_308_185, sha256: 'f80102d3f2a1229f387d3c81909990d8945513e347b0eab049f7de3c6f98c193' },
    { path: 'tokenizer.json', bytes: 17_082_730, sha256: '0b44a9d7b51c3c62626640cda0e2c2f70fdacdc25bbbd68038369d14ebdf4c39' },
    { path: 'config.json', bytes: 658, sha256: 'cb99455288675345e1a4f411438d5d0adbba5fbd3a67ea4fb03c015433b996c1' },
    { path: 'tokenizer_config.json', bytes: 443, sha256: 'a1d6bc8734a6f635dc158508bef000f8e2e5a759c7d92f984b2c86e5ff53425b' },
    { path: 'special_tokens_map.json', bytes: null, sha256: 'd05497f1da52c5e09554c0cd874037a083e1dc1b9cfd48034d1c717f1afc07a7' },
  ],
  fusion: E5_SMALL_FUSION,
};

/** The same weights under the names an embedding server may give the model (EMBEDDINGS_MODEL). */
const E5_SMALL_IDS = new Set([DEFAULT_MODEL.id, 'intfloat/multilingual-e5-small', 'multilingual-e5-small']);

/**
 * The fusion for vectors of model `modelId` (as stored beside them): the measured one for multilingual-e5-small,
 * whether loaded here or served, and equal-weight RRF (DEFAULT_FUSION, robust to any score scale) for a model nobody
 * has measured; null (no model) also gets DEFAULT_FUSION, whose depth lexical search uses.
 */
export function fusionForModel(modelId: string | null): FusionSpec {
  return modelId !== null && E5_SMALL_IDS.has(modelId) ? E5_SMALL_FUSION : DEFAULT_FUSION;
}

/** File name transformers.js loads for each dtype. */
export const ONNX_FILE: Record<ModelDtype, string> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
  int8: 'onnx/model_int8.onnx',
  uint8: 'onnx/model_uint8.onnx',
  q4: 'onnx/model_q4.onnx',
};

const DTYPES = Object.keys(ONNX_FILE) as ModelDtype[];

/**
 * The configured model: the default unless MODEL_ID names another, whose dtype and prefixes then come from
 * MODEL_DTYPE, MODEL_QUERY_PREFIX and MODEL_PASSAGE_PREFIX.
 */
export function modelSpecFromEnv(env: NodeJS.ProcessEnv = process.env): ModelSpec {
  const id = env.MODEL_ID?.trim();
  if (!id || id === DEFAULT_MODEL.id) return DEFAULT_MODEL;
  const dtype = (env.MODEL_DTYPE ?? 'fp32') as ModelDtype;
  if (!DTYPES.includes(dtype)) throw new Error(`MODEL_DTYPE must be one of ${DTYPES.join(', ')}; got "${dtype}"`);
  return {
    id,
    revision: null,
    dtype,
    dimension: null,
    queryPrefix: env.MODEL_QUERY_PREFIX ?? '',
    passagePrefix: env.MODEL_PASSAGE_PREFIX ?? '',
    files: [],
    fusion: fusionForModel(id),
  };
}
