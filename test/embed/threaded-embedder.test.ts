/**
 * The server's passage embedder on a worker thread (src/embed/threaded-embedder.ts): the same model id, dimension
 * and vectors as the in-process TransformersEmbedder (generated test model and the real multilingual-e5-small),
 * progress per batch, a model the thread cannot load reported as an error, and a closed thread refusing work with
 * `embedder_unavailable`.
 */
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { locateModel, type ModelLocation } from '../../src/embed/locate-model.js';
import { DEFAULT_MODEL, type ModelSpec } from '../../src/embed/model-spec.js';
import { ThreadedEmbedder } from '../../src/embed/threaded-embedder.js';
import { DEFAULT_BATCH_SIZE, TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { readCorpusFile, SEED, tempDir, TINY_SPEC } from '../support/fixtures.js';
import { TINY_MODEL_ID } from '../support/tiny-model.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

const opened: ThreadedEmbedder[] = [];
afterAll(async () => {
  for (const e of opened) await e.close();
});

function locate(spec: ModelSpec, root: string): ModelLocation {
  const lookup = locateModel(spec, root);
  if (!lookup.found) throw new Error(lookup.reason);
  return lookup.location;
}

async function both(spec: ModelSpec, location: ModelLocation, batchSize = DEFAULT_BATCH_SIZE) {
  const inProcess = await TransformersEmbedder.load(spec, location, batchSize);
  const threaded = new ThreadedEmbedder(inProcess, { spec, location, batchSize });
  opened.push(threaded);
  return { inProcess, threaded };
}

/** Real passages: the paragraphs of a bundled article. */
const PASSAGES = readCorpusFile(`${SEED.banCanSu}.txt`)
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter((p) => p.length > 40)
  .slice(0, 20);

describe('ThreadedEmbedder with the generated test model', () => {
  it('has the in-process model id and dimension, and gives its vectors with progress per batch', async () => {
    const { inProcess, threaded } = await both(TINY_SPEC, locate(TINY_SPEC, inject('modelRoot')), 3);
    expect(threaded.modelId).toBe(inProcess.modelId);
    expect(threaded.dimension).toBe(inProcess.dimension);
    const seen: number[] = [];
    const texts = PASSAGES.slice(0, 7);
    const [mine, theirs] = await Promise.all([threaded.embedPassages(texts, (done) => seen.push(done)), inProcess.embedPassages(texts)]);
    expect(seen).toEqual([3, 6, 7]);
    expect(mine).toHaveLength(7);
    for (const [i, v] of mine.entries()) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(inProcess.dimension);
      expect(cosine(v, theirs[i]!)).toBeGreaterThanOrEqual(0.9999);
    }
    // Queries are the in-process model's own.
    const [q] = await threaded.embedQueries(['sinh hoạt chi bộ']);
    const [r] = await inProcess.embedQueries(['sinh hoạt chi bộ']);
    expect(cosine(q!, r!)).toBeGreaterThanOrEqual(0.9999);
  });

  it('answers requests sent together, each with its own vectors', async () => {
    const { inProcess, threaded } = await both(TINY_SPEC, locate(TINY_SPEC, inject('modelRoot')));
    const [a, b] = await Promise.all([threaded.embedPassages(PASSAGES.slice(0, 2)), threaded.embedPassages(PASSAGES.slice(2, 5))]);
    const expected = await inProcess.embedPassages(PASSAGES.slice(0, 5));
    for (const [i, v] of [...a, ...b].entries()) expect(cosine(v, expected[i]!)).toBeGreaterThanOrEqual(0.9999);
  });

  it('refuses passages once closed, with embedder_unavailable, and fails the request it held', async () => {
    const { threaded } = await both(TINY_SPEC, locate(TINY_SPEC, inject('modelRoot')));
    const held = threaded.embedPassages(PASSAGES).then(
      () => null,
      (e: unknown) => e,
    );
    await threaded.close();
    expect(await held).toMatchObject({ code: 'embedder_unavailable' });
    const later = threaded.embedPassages(['Đảng bộ xã']);
    await expect(later).rejects.toBeInstanceOf(UserError);
    await expect(later).rejects.toMatchObject({ code: 'embedder_unavailable' });
    expect(await threaded.embedPassages([])).toEqual([]);
  });

  // Review of session 7: the start-up ingest of an empty index started the thread, which then held its model's memory
  // for the server's whole life.
  it('stops an idle thread and starts another for the next passages', async () => {
    const location = locate(TINY_SPEC, inject('modelRoot'));
    const inProcess = await TransformersEmbedder.load(TINY_SPEC, location, 4);
    const threaded = new ThreadedEmbedder(inProcess, { spec: TINY_SPEC, location, batchSize: 4 }, 200);
    opened.push(threaded);
    const first = await threaded.embedPassages(['Đảng bộ xã', 'chi bộ thôn']);
    expect(threaded.threadRunning).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(threaded.threadRunning).toBe(false);
    const again = await threaded.embedPassages(['Đảng bộ xã', 'chi bộ thôn']);
    expect(again.map((v) => [...v])).toEqual(first.map((v) => [...v]));
  });

  it('reports a model the thread cannot load as an error of the request', async () => {
    const work = tempDir();
    try {
      const { inProcess } = await both(TINY_SPEC, locate(TINY_SPEC, inject('modelRoot')));
      const models = join(work.dir, 'models');
      cpSync(inject('modelRoot'), models, { recursive: true });
      const onnx = join(models, TINY_MODEL_ID, 'onnx');
      for (const f of readdirSync(onnx)) writeFileSync(join(onnx, f), 'not an onnx model');
      const broken = new ThreadedEmbedder(inProcess, { spec: TINY_SPEC, location: locate(TINY_SPEC, models), batchSize: 4 });
      opened.push(broken);
      const err = await broken.embedPassages(['Đảng bộ xã']).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(Error);
      expect(err?.message).toMatch(/protobuf|onnx|model|parse|load/i);
    } finally {
      work.cleanup();
    }
  });
});

describe('ThreadedEmbedder with the real multilingual-e5-small', () => {
  it('gives the in-process vectors for real passages (cosine ≥ 0.9999)', async () => {
    const location = locate(DEFAULT_MODEL, resolve(process.env.REAL_MODEL_DIR ?? 'models'));
    const { inProcess, threaded } = await both(DEFAULT_MODEL, location);
    expect(threaded.modelId).toBe(DEFAULT_MODEL.id);
    expect(threaded.dimension).toBe(384);
    const [mine, theirs] = [await threaded.embedPassages(PASSAGES), await inProcess.embedPassages(PASSAGES)];
    expect(mine).toHaveLength(PASSAGES.length);
    for (const [i, v] of mine.entries()) expect(cosine(v, theirs[i]!)).toBeGreaterThanOrEqual(0.9999);
  }, 120_000);
});
