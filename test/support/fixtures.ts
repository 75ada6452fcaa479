/** Paths and helpers shared by tests: the bundled corpus, ../shared material, temporary index folders. */
import { DEFAULT_FUSION } from '../../src/core/fuse.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import type { ModelSpec } from '../../src/embed/model-spec.js';
import { locateModel } from '../../src/embed/locate-model.js';
import { TINY_MODEL_ID } from './tiny-model.js';

export const CORPUS_DIR = resolve('corpus');
export const SHARED_DIR = resolve('..', 'shared');
/** An abridged directive numbered 05-CT/TW (khóa XII), which two bundled articles cite: the citation graph's test case. */
export const CITED_DIRECTIVE = resolve('test/fixtures/chi-thi-05-CT-TW.txt');

export const corpusFiles = (): string[] => readdirSync(CORPUS_DIR).sort().map((f) => join(CORPUS_DIR, f));
export const readCorpusFile = (name: string): string => readFileSync(join(CORPUS_DIR, name), 'utf8');

/** The seed article ids (file name stems) by topic, used across tests. */
export const SEED = {
  banCanSu: '000_59ac601c9452b538',
  phoiHop: '001_bbfe88c0dd411bae',
  tccsd: '002_da52e36772bf59d5',
  goCongTay: '003_e39fa545fb39dab1',
  banDanToc: '004_287080c1e1e11fd3',
} as const;

export const TINY_SPEC: ModelSpec = {
  id: TINY_MODEL_ID,
  revision: null,
  dtype: 'fp32',
  dimension: null,
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  files: [],
  fusion: DEFAULT_FUSION,
};

/** Environment that makes the product load the generated test model (for child processes). */
export function tinyModelEnv(): Record<string, string> {
  return { MODEL_DIR: inject('modelRoot'), MODEL_ID: TINY_MODEL_ID, MODEL_DTYPE: 'fp32', MODEL_QUERY_PREFIX: 'query: ', MODEL_PASSAGE_PREFIX: 'passage: ' };
}

export async function loadTinyEmbedder(batchSize?: number): Promise<TransformersEmbedder> {
  const lookup = locateModel(TINY_SPEC, inject('modelRoot'));
  if (!lookup.found) throw new Error(lookup.reason);
  return TransformersEmbedder.load(TINY_SPEC, lookup.location, batchSize);
}

export function tempDir(prefix = 'vn-docsearch-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
