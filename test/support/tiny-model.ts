/**
 * Writes a tiny, deterministic feature-extraction model in transformers.js layout, for tests only: a WordLevel
 * tokenizer over folded syllables and one ONNX Gather node over a seeded embedding table. Mean pooling of random
 * per-syllable vectors makes texts that share words close, so dense search behaves like a (weak) real model, and it
 * loads through the same transformers.js + onnxruntime-node path as the real one. Never the product's default.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { fold } from '../../src/core/normalize.js';
import { gaussian, prng } from './random.js';

const { onnx } = onnxProto;

export const TINY_MODEL_ID = 'test/tiny-vi-embedder';
export const TINY_MODEL_DIMENSION = 64;

export interface Vocabulary {
  words: string[];
  /** Inverse paragraph frequency of each word, the length of its vector. */
  weights: number[];
}

/** The model's vocabulary: the folded syllables of the given texts, most frequent first, with IDF weights. */
export function buildVocabulary(texts: string[], maxSize = 8000): Vocabulary {
  const df = new Map<string, number>();
  let paragraphs = 0;
  for (const text of texts) {
    for (const paragraph of text.split(/\n+/)) {
      const words = new Set(fold(paragraph.normalize('NFC')).match(/\w+/g) ?? []);
      if (words.size === 0) continue;
      paragraphs++;
      for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  const entries = [...df.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxSize);
  return { words: entries.map(([w]) => w), weights: entries.map(([, n]) => Math.log((paragraphs + 1) / n)) };
}

function encodeGraph(weights: number[], dim: number, seed: number): Uint8Array {
  const rand = prng(seed);
  const vocabSize = weights.length;
  const table = new Float32Array(vocabSize * dim);
  // Each row is a random direction scaled by the word's IDF, so mean pooling is dominated by rare, topical
  // words as in a real model, not by function words. Row 0 (padding) stays zero.
  for (let row = 1; row < vocabSize; row++) {
    const v = Array.from({ length: dim }, () => gaussian(rand));
    const norm = Math.hypot(...v);
    for (let j = 0; j < dim; j++) table[row * dim + j] = (v[j]! / norm) * weights[row]!;
  }
  const { TensorProto } = onnx;
  const dims = (names: (string | number)[]) =>
    names.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  const valueInfo = (name: string, elemType: number, shape: (string | number)[]) => ({
    name,
    type: { tensorType: { elemType, shape: { dim: dims(shape) } } },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'vn-docsearch-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny_embedder',
      node: [{ opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['last_hidden_state'], attribute: [{ name: 'axis', i: 0, type: onnx.AttributeProto.AttributeType.INT }] }],
      initializer: [
        {
          name: 'embeddings',
          dataType: TensorProto.DataType.FLOAT,
          dims: [vocabSize, dim],
          rawData: new Uint8Array(table.buffer),
        },
      ],
      input: [
        valueInfo('input_ids', TensorProto.DataType.INT64, ['batch', 'sequence']),
        valueInfo('attention_mask', TensorProto.DataType.INT64, ['batch', 'sequence']),
      ],
      output: [valueInfo('last_hidden_state', TensorProto.DataType.FLOAT, ['batch', 'sequence', dim])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * Writes the model under `root/<TINY_MODEL_ID>/` and returns that folder. `root` is what MODEL_DIR points at.
 */
export function writeTinyModel(root: string, corpusTexts: string[], seed = 20151023): string {
  const dir = join(root, TINY_MODEL_ID);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const { words, weights } = buildVocabulary(corpusTexts);
  const vocab: Record<string, number> = { '[PAD]': 0, '[UNK]': 1 };
  words.forEach((w, i) => (vocab[w] = i + 2));
  // Padding is zero; unknown words get a small vector of their own.
  const rowWeights = [0, 0.1, ...weights];
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0, '[PAD]'), special(1, '[UNK]')],
    // Folding inside the tokenizer: a query without diacritics meets the same vectors as the accented text.
    normalizer: {
      type: 'Sequence',
      normalizers: [{ type: 'NFD' }, { type: 'StripAccents' }, { type: 'Lowercase' }, { type: 'Replace', pattern: { String: 'đ' }, content: 'd' }],
    },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab, unk_token: '[UNK]' },
  };
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'PreTrainedTokenizer', pad_token: '[PAD]', unk_token: '[UNK]', model_max_length: 512 }),
  );
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: TINY_MODEL_DIMENSION, architectures: ['BertModel'] }));
  writeFileSync(join(dir, 'onnx', 'model.onnx'), encodeGraph(rowWeights, TINY_MODEL_DIMENSION, seed));
  return dir;
}
