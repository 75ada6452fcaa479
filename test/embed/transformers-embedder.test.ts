import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { locateModel } from '../../src/embed/locate-model.js';
import { DEFAULT_MODEL, modelSpecFromEnv } from '../../src/embed/model-spec.js';
import { openEmbedder } from '../../src/embed/open-embedder.js';
import { loadTinyEmbedder, tempDir, TINY_SPEC } from '../support/fixtures.js';
import { TINY_MODEL_DIMENSION, TINY_MODEL_ID } from '../support/tiny-model.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('TransformersEmbedder with the generated test model', () => {
  it('loads through transformers.js and reads the dimension off the model', async () => {
    const embedder = await loadTinyEmbedder();
    expect(embedder.modelId).toBe(TINY_MODEL_ID);
    expect(embedder.dimension).toBe(TINY_MODEL_DIMENSION);
  });

  it('returns unit vectors, the same batched or one by one', async () => {
    const embedder = await loadTinyEmbedder(2);
    const texts = ['sinh hoạt chi bộ', 'Ban Cán sự Đảng', 'công tác kiểm tra, giám sát của cấp ủy', 'Đảng bộ xã'];
    const batched = await embedder.embedPassages(texts);
    expect(batched).toHaveLength(4);
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embedPassages([text]);
      expect(dot(single!, single!)).toBeCloseTo(1, 5);
      expect(dot(single!, batched[i]!)).toBeCloseTo(1, 5);
    }
  });

  it('brings a query close to passages that share its words, with or without diacritics', async () => {
    const embedder = await loadTinyEmbedder();
    const [accented, plain, other] = await embedder.embedQueries(['sinh hoạt chi bộ', 'sinh hoat chi bo', 'kinh tế biển']);
    const [passage] = await embedder.embedPassages(['Nâng cao chất lượng sinh hoạt chi bộ hằng tháng']);
    expect(dot(accented!, plain!)).toBeGreaterThan(0.99);
    expect(dot(accented!, passage!)).toBeGreaterThan(dot(other!, passage!) + 0.2);
  });

  it('reports progress per batch', async () => {
    const embedder = await loadTinyEmbedder(3);
    const seen: number[] = [];
    await embedder.embedPassages(['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy'], (done) => seen.push(done));
    expect(seen).toEqual([3, 6, 7]);
  });
});

describe('model location', () => {
  it('defaults to the pinned multilingual-e5-small', () => {
    expect(modelSpecFromEnv({})).toBe(DEFAULT_MODEL);
    expect(DEFAULT_MODEL.dimension).toBe(384);
    expect(DEFAULT_MODEL.queryPrefix).toBe('query: ');
  });

  it('finds a model by root folder or by its own folder', () => {
    const root = inject('modelRoot');
    const byRoot = locateModel(TINY_SPEC, root);
    expect(byRoot.found).toBe(true);
    const byFolder = locateModel(TINY_SPEC, `${root}/${TINY_MODEL_ID}`);
    expect(byFolder).toMatchObject({ found: true, location: { id: 'tiny-vi-embedder' } });
  });

  it('runs lexical-only with an install hint when no model is there', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const status = await openEmbedder(DEFAULT_MODEL, dir);
      expect(status.embedder).toBeNull();
      expect(status.message).toMatch(/lexical-only mode/);
      expect(status.message).toMatch(/npm run model:fetch/);
    } finally {
      cleanup();
    }
  });

  it('refuses an unknown dtype', () => {
    expect(() => modelSpecFromEnv({ MODEL_ID: 'x/y', MODEL_DTYPE: 'fp64' })).toThrow(/MODEL_DTYPE/);
  });
});
