/** Finds the configured model on disk: MODEL_DIR if set, else the project's `models/` folder. */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ONNX_FILE, type ModelSpec } from './model-spec.js';

export interface ModelLocation {
  /** Folder transformers.js resolves model ids against (`env.localModelPath`). */
  root: string;
  /** Model id relative to root. */
  id: string;
  /** The model's own folder. */
  dir: string;
}

export const DEFAULT_MODELS_ROOT = resolve('models');

export type ModelLookup = { found: true; location: ModelLocation } | { found: false; reason: string };

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/**
 * MODEL_DIR may be a models root (holding `<org>/<name>/`) or a model folder itself (holding `config.json`).
 */
export function locateModel(spec: ModelSpec, modelDir: string | undefined = process.env.MODEL_DIR): ModelLookup {
  const given = modelDir ? resolve(modelDir) : DEFAULT_MODELS_ROOT;
  const asModelFolder = existsSync(join(given, 'config.json'));
  const location: ModelLocation = asModelFolder
    ? { root: dirname(given), id: basename(given), dir: given }
    : { root: given, id: spec.id, dir: join(given, spec.id) };
  const missing = [...REQUIRED, ONNX_FILE[spec.dtype]].filter((f) => !existsSync(join(location.dir, f)));
  if (missing.length > 0) return { found: false, reason: `no model at ${location.dir} (missing ${missing.join(', ')})` };
  return { found: true, location };
}
