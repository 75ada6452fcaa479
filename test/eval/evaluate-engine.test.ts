/**
 * The evaluation code with the engine as a parameter (src/eval/evaluate.ts): a benchmark built through any engine's
 * write verbs scores exactly as the default temporary index folder does, development queries score the same through
 * the engine port as through the index handle, and a malformed query file is refused with its line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/eval/benchmarks.js';
import { engineTarget, evaluateBenchmark, evaluateEngineQueries, evaluateQueries, readDevQueries } from '../../src/eval/evaluate.js';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { embeddedEngine } from '../../src/store/embedded-engine.js';
import { openIndex } from '../../src/store/open-index.js';

const work = mkdtempSync(join(tmpdir(), 'vn-docsearch-evaluate-engine-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The bundled articles as a corpus; each question is a sentence of one of them, relevant to that one. */
function bundledBenchmark(): Benchmark {
  const corpus = readdirSync('corpus')
    .sort()
    .map((f, i) => ({ id: `a${i}`, text: readFileSync(join('corpus', f), 'utf8') }));
  const questions = corpus.flatMap((c) =>
    c.text
      .split(/(?<=[.!?])\s+/u)
      .filter((s) => s.length > 80 && s.length < 200)
      .slice(0, 3)
      .map((query) => ({ query, relevant: [c.id] })),
  );
  return { name: 'bundled', corpus, questions };
}

describe('evaluation over an engine', () => {
  it('scores a benchmark built through the engine write verbs as the default temporary index does', async () => {
    const bench = bundledBenchmark();
    expect(bench.questions.length).toBeGreaterThanOrEqual(10);
    const byDefault = await evaluateBenchmark(bench, ['lexical'], null);
    const dir = join(work, 'target');
    const handle = openIndex(dir, { embedder: null });
    let closed = false;
    const byEngine = await evaluateBenchmark(bench, ['lexical'], null, undefined, undefined, async () =>
      engineTarget(embeddedEngine(handle), null, async () => {
        closed = true;
      }),
    );
    handle.close();
    expect(closed).toBe(true);
    expect(byEngine).toEqual(byDefault);
    expect(byDefault.lexical!['ndcg@10']).toBeGreaterThan(0.8);
  });

  it('scores development queries through the engine port as through the index handle', async () => {
    const dir = join(work, 'dev');
    const handle = openIndex(dir, { embedder: null });
    await ingestPaths(handle, ['corpus']);
    const queries = readDevQueries('test/eval/dev-queries.jsonl');
    const viaHandle = await evaluateQueries(handle, queries, 'lexical');
    const viaEngine = await evaluateEngineQueries(embeddedEngine(handle), null, queries, 'lexical');
    handle.close();
    expect(viaEngine).toEqual(viaHandle);
    expect(viaHandle.all.queries).toBe(queries.filter((q) => q.relevant.length > 0).length);
  });

  it('refuses a query file line without "relevant", naming the line', () => {
    const file = join(work, 'bad.jsonl');
    writeFileSync(file, '// a comment\n{"query": "a", "relevant": []}\n{"query": "b"}\n');
    expect(() => readDevQueries(file)).toThrow(/bad\.jsonl:3: each line needs "query" and "relevant"/);
  });
});
