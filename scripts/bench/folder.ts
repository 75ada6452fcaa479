/**
 * An index folder at scale, written through the product's own store, lexical index and vector index. Passages are
 * recombined real sentences; their lexical terms are those of their sentences put together (terms never cross a
 * sentence end, so this equals indexing the passage, and a million passages need not be tokenised one by one).
 * Cleaning and splitting are measured in section 1; here only the size of the folder matters.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { indexTerms } from '../../src/core/lexical-terms.js';
import type { PreparedDocument } from '../../src/core/types.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { LexicalIndex } from '../../src/store/lexical-index.js';
import { hashTerms, type HashedPassage, type PassageTerms } from '../../src/store/lexical-segment.js';
import { saveLexicalIndex } from '../../src/store/lexical-snapshot.js';
import { STORE_FILE } from '../../src/store/open-index.js';
import type { VectorIndex } from '../../src/store/vector-index.js';
import { passageText, type Recombined } from './synthetic.js';
import { BENCH_MODEL } from './vectors.js';

const PER_DOCUMENT = 200;

/** Terms of each sentence, computed once. */
export function sentenceTerms(r: Recombined): { folded: string[]; exact: string[] }[] {
  return r.sentences.map((s) => {
    const t = indexTerms(s);
    return { folded: t.folded.split(' '), exact: t.exact.split(' ') };
  });
}

export function passageTerms(r: Recombined, terms: { folded: string[]; exact: string[] }[], i: number, key: number): PassageTerms {
  const parts = r.passages[i]!.map((s) => terms[s]!);
  return { key, folded: parts.flatMap((p) => p.folded), exact: parts.flatMap((p) => p.exact) };
}

/**
 * Passages' term hashes: their sentences' hashes, each computed once, put together; one buffer for a run of
 * passages, so a million passages are not a million allocations.
 */
function passageHashes(r: Recombined, sentenceHashes: Float64Array[], from: number, keys: number[]): HashedPassage[] {
  const sentencesOf = (j: number) => r.passages[from + j]!.map((s) => sentenceHashes[s]!);
  const buffer = new Float64Array(keys.reduce((n, _, j) => n + sentencesOf(j).reduce((m, h) => m + h.length, 0), 0));
  let at = 0;
  return keys.map((key, j) => {
    const start = at;
    for (const h of sentencesOf(j)) {
      buffer.set(h, at);
      at += h.length;
    }
    return { key, hashes: buffer.subarray(start, at) };
  });
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function documentOf(r: Recombined, from: number, to: number): PreparedDocument {
  const passages: PreparedDocument['passages'] = [];
  let text = '';
  for (let i = from; i < to; i++) {
    const p = passageText(r, i);
    if (text) text += '\n\n';
    passages.push({ ordinal: i - from, text: p, section: null, start: text.length, end: text.length + p.length, hash: sha256(p) });
    text += p;
  }
  const hash = sha256(text);
  return { id: `bench-${from}`, contentHash: hash, format: 'txt', text, references: [], passages, abbreviations: [], title: null, date: null, kind: 'bài viết', number: null, issuer: null, term: null, author: null, signer: null, signerTitle: null, onBehalfOf: null, status: null };
}

/** Writes `dir` with the first `count` passages of `r`; `vectors` (keys = position + 1) is saved beside them. */
export function writeFolder(dir: string, r: Recombined, count: number, terms: { folded: string[]; exact: string[] }[], vectors: { index: VectorIndex; values: Float32Array[] }): number {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const store = new DocumentStore(join(dir, STORE_FILE));
  const lexical = new LexicalIndex();
  const sentenceHashes = terms.map((t) => hashTerms({ key: 0, ...t }).hashes);
  for (let from = 0; from < count; from += PER_DOCUMENT) {
    const to = Math.min(count, from + PER_DOCUMENT);
    const doc = documentOf(r, from, to);
    const keys = store.addDocument(doc, `bench/${from}`, doc.contentHash, { model: BENCH_MODEL, values: vectors.values.slice(from, to) });
    if (keys[0] !== from + 1) throw new Error('bench folders must be written into an empty store');
    lexical.addHashed(passageHashes(r, sentenceHashes, from, keys));
  }
  saveLexicalIndex(dir, lexical);
  vectors.index.save(dir);
  store.close();
  return (performance.now() - t0) / 1000;
}
