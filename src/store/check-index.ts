/**
 * Verifies an index folder without loading any model: the SQLite file, that the lexical index holds exactly the
 * stored passages, that every passage slices its document's text, that vectors belong to one model and cover the
 * passages, and that the HNSW file matches its manifest and holds every stored vector.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, type ErrorCode } from '../core/errors.js';
import hnswlib from 'hnswlib-node';
import { DocumentStore } from './document-store.js';
import { requireIndex, STORE_FILE } from './open-index.js';
import { sha256File } from './durable-file.js';
import { blockProblem } from './file-checksums.js';
import { hnswFileProblem } from './hnsw-file.js';
import { readLexicalSnapshot } from './lexical-snapshot.js';
import { INDEX_FILE, readManifest } from './vector-index.js';

export interface CheckReport {
  ok: boolean;
  documents: number;
  passages: number;
  vectors: number;
  problems: string[];
  /** What stopped the check before it could look at the contents: `no_index`. */
  error?: { code: ErrorCode; message: string };
}

function checkVectorFile(dir: string, store: DocumentStore, vectors: number, problems: string[]): void {
  const models = store.vectorModels();
  if (models.length > 1) problems.push(`vectors of several models are mixed: ${models.join(', ')}; run \`npm run reindex\``);
  if (vectors === 0) return;
  const manifest = readManifest(dir);
  const file = join(dir, INDEX_FILE);
  if (!manifest || !existsSync(file)) {
    problems.push('the vector index file or its manifest is missing; run `npm run rebuild`');
    return;
  }
  if (manifest.model !== models[0]) problems.push(`the vector index is of ${manifest.model}, the stored vectors of ${models[0]}`);
  if (manifest.count !== vectors) problems.push(`the vector index holds ${manifest.count} vectors, the store ${vectors}`);
  const layout = hnswFileProblem(file);
  const damage = layout ?? (manifest.blocks ? blockProblem(file, manifest.blocks) : sha256File(file) === manifest.sha256 ? null : 'its SHA-256 differs');
  if (damage !== null) {
    problems.push(`the vector index file is damaged (${damage}); the next open rebuilds it from the stored vectors (or run \`npm run rebuild\`)`);
    return;
  }
  const index = new hnswlib.HierarchicalNSW('cosine', manifest.dimension);
  index.readIndexSync(file, true);
  const labels = new Set(index.getIdsList());
  let missing = 0;
  for (const { key } of store.vectors(models[0]!)) if (!labels.has(key)) missing++;
  if (missing > 0) problems.push(`${missing} stored vectors are not in the vector index; run \`npm run rebuild\``);
}

function checkLexicalIndex(dir: string, store: DocumentStore, problems: string[]): void {
  const stored = store.allPassageKeys();
  const { index, problem } = readLexicalSnapshot(dir);
  if (!index) {
    if (stored.length > 0) problems.push(`the lexical index: ${problem}; the next open rebuilds it from the store (or run \`npm run rebuild\`)`);
    return;
  }
  const indexed = index.keys();
  const missing = stored.filter((key) => !indexed.has(key)).length;
  const extra = indexed.size - (stored.length - missing);
  if (missing > 0 || extra > 0) problems.push(`the lexical index lacks ${missing} passages and has ${extra} removed ones; run \`npm run rebuild\``);
}

export function checkIndex(dir: string): CheckReport {
  try {
    requireIndex(dir);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return { ok: false, documents: 0, passages: 0, vectors: 0, problems: [err.message], error: { code: err.code, message: err.message } };
  }
  let store: DocumentStore;
  try {
    store = new DocumentStore(join(dir, STORE_FILE));
  } catch (err) {
    return { ok: false, documents: 0, passages: 0, vectors: 0, problems: [(err as Error).message] };
  }
  try {
    const counts = store.counts();
    const problems = store.integrityProblems();
    checkLexicalIndex(dir, store, problems);
    let badSlices = 0;
    for (const id of store.documentIds()) {
      const text = store.documentText(id)!;
      for (const p of store.documentPassages(id)) if (text.slice(p.start, p.end) !== p.text) badSlices++;
    }
    if (badSlices > 0) problems.push(`${badSlices} passages do not slice their document's text`);
    if (counts.vectors > 0 && counts.vectors < counts.passages) {
      problems.push(`${counts.passages - counts.vectors} passages have no vector; run \`npm run reindex\``);
    }
    checkVectorFile(dir, store, counts.vectors, problems);
    return { ok: problems.length === 0, ...counts, problems };
  } finally {
    store.close();
  }
}
