/**
 * An index built before the model was installed (issue: health said `hybrid` with 0 vectors, `mode=dense` answered
 * nothing without a word): with the generated test model loaded over a lexical-only index, health reports `lexical`
 * and `vectorsMissing`, searches asking for dense or hybrid run lexically with a notice naming `npm run reindex`;
 * with some vectors, dense search runs and says how many passages it cannot see; after embedding the rest, no notice.
 * The server's start-up says the same (a real process).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageLine, coverageNotice, vectorCoverage } from '../../src/core/vector-coverage.js';
import { embedMissingVectors } from '../../src/ingest/embed-missing.js';
import { ingestBytes, ingestPaths } from '../../src/ingest/ingest-files.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { call, startServer, type TestServer } from '../support/http.js';
import { CITED_DIRECTIVE, CORPUS_DIR, loadTinyEmbedder, tempDir, tinyModelEnv } from '../support/fixtures.js';
import { TINY_MODEL_ID } from '../support/tiny-model.js';
import { runCli, startServing } from '../support/processes.js';

const work = tempDir();
const dir = join(work.dir, 'index');
let handle: IndexHandle;
let server: TestServer;

beforeAll(async () => {
  const lexical = openIndex(dir, { embedder: null });
  await ingestPaths(lexical, [CORPUS_DIR]);
  lexical.close();
  handle = openIndex(dir, { embedder: await loadTinyEmbedder() });
  server = await startServer(handle);
}, 120_000);
afterAll(async () => {
  await server.close();
  handle.close();
  work.cleanup();
});

const ID = TINY_MODEL_ID.replace('/', '\\/');
const q = encodeURIComponent('sinh hoạt chi bộ');

describe('an index without vectors of the loaded model', () => {
  it('is reported lexical by health, with every passage missing its vector', async () => {
    const { body } = await call(server.base, '/api/health');
    expect(body.passages).toBeGreaterThan(0);
    expect(body).toMatchObject({ mode: 'lexical', vectors: 0, vectorsMissing: body.passages, model: { id: TINY_MODEL_ID } });
  });

  it('answers dense and hybrid lexically, with a notice naming npm run reindex', async () => {
    for (const mode of ['dense', 'hybrid', undefined]) {
      const { status, body } = await call(server.base, `/api/search?q=${q}${mode ? `&mode=${mode}` : ''}`);
      expect(status).toBe(200);
      expect(body.mode).toBe('lexical');
      expect(body.results.length).toBeGreaterThan(0);
      expect(body.notice).toMatch(new RegExp(`no vectors of ${ID} yet \\(0 of \\d+ passages\\).*npm run reindex`));
    }
    const lexical = await call(server.base, `/api/search?q=${q}&mode=lexical`);
    expect(lexical.body.notice).toBeUndefined();
  });

  it('with some vectors: dense runs and says how many passages it cannot find; after embedding the rest, no notice', async () => {
    // One file committed with its vectors (ingestPaths would also embed every passage missing one).
    await ingestBytes(handle, readFileSync(CITED_DIRECTIVE), 'chi-thi-05.txt', 'uploads/chi-thi-05.txt');
    const health = (await call(server.base, '/api/health')).body;
    expect(health.vectors).toBeGreaterThan(0);
    expect(health).toMatchObject({ mode: 'hybrid', vectorsMissing: health.passages - health.vectors });
    const dense = (await call(server.base, `/api/search?q=${q}&mode=dense`)).body;
    expect(dense.mode).toBe('dense');
    expect(dense.notice).toBe(`${health.vectorsMissing} of ${health.passages} passages have no vector of ${TINY_MODEL_ID} yet, so the dense ranking cannot find them; run \`npm run reindex\` to embed them`);
    expect(await embedMissingVectors(handle)).toBe(health.vectorsMissing);
    const after = (await call(server.base, '/api/health')).body;
    expect(after).toMatchObject({ mode: 'hybrid', vectorsMissing: 0 });
    const hybrid = (await call(server.base, `/api/search?q=${q}&mode=hybrid`)).body;
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.notice).toBeUndefined();
  }, 120_000);
});

describe('vector coverage wording', () => {
  it('says nothing when every passage has its vector, or when there are no passages', () => {
    expect(coverageNotice(vectorCoverage({ passages: 5, vectors: 5 }), 'm')).toBeUndefined();
    expect(coverageLine(vectorCoverage({ passages: 0, vectors: 0 }), 'm')).toBeUndefined();
    expect(vectorCoverage({ passages: 0, vectors: 0 }).none).toBe(false);
  });
});

describe('the server start-up over a lexical-only index with the model installed', () => {
  it('says lexical search and how many passages lack vectors, with the command to run', async () => {
    const index = join(work.dir, 'startup');
    const built = await runCli('ingest-command.ts', [CORPUS_DIR, '--index', index], { MODEL_DIR: join(work.dir, 'no-models') });
    expect(built.code).toBe(0);
    const started = await startServing(process.execPath, ['--import', 'tsx', 'src/cli/serve-command.ts'], {
      ...tinyModelEnv(),
      INDEX_DIR: index,
      PORT: '0',
      HOST: '127.0.0.1',
      LEXICAL_THREADS: '0',
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(started.stderr()).toMatch(/serving \d+ documents \(lexical search\)/);
      expect(started.stderr()).toMatch(new RegExp(`vectors: 0 of \\d+ passages have a vector of ${ID}; run \`npm run reindex\` to embed the other \\d+ \\(searches are lexical until then\\)`));
    } finally {
      started.child.kill('SIGTERM');
    }
    expect((await started.exited).code).toBe(0);
  }, 120_000);
});
