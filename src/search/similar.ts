/**
 * Documents like a given one ("Văn bản tương tự"): lexically, its most distinctive index terms
 * (src/core/distinctive-terms.ts) searched as a query; with a model, also the mean of its passage vectors searched
 * in the vector index; the two document rankings fused by reciprocal rank. The document itself is never listed.
 * Read through the engine's read port (src/store/engine.ts), so both engines answer alike: the dense half searches
 * the engine's vectors with the document's mean vector (`documentVector`: the embedded engine computes it from the
 * stored passage vectors, Solr keeps it on the document's record since it is written), lexical only without.
 */
import { distinctiveTerms, isTopicTerm } from '../core/distinctive-terms.js';
import { reciprocalRankFusion } from '../core/fuse.js';
import { tokenize } from '../core/normalize.js';
import type { DocumentFields, StoredPassage } from '../core/types.js';
import { embeddedEngine } from '../store/embedded-engine.js';
import type { EngineHit, EngineReader } from '../store/engine.js';
import type { IndexHandle } from '../store/open-index.js';

export interface SimilarDocument {
  rank: number;
  score: number;
  document: DocumentFields & { id: string; source: string | null };
  /** The passage of that document that matched best. */
  passage: { id: string; text: string; section: string | null; start: number; end: number };
}

export interface SimilarResponse {
  documentId: string;
  /** hybrid when a model is loaded and the document has vectors, else lexical. */
  mode: 'lexical' | 'hybrid';
  /** The distinctive terms searched (folded syllables and `_`-joined bigrams). */
  terms: string[];
  similar: SimilarDocument[];
}

export const DEFAULT_SIMILAR = 5;
export const MAX_SIMILAR = 50;
/** Passages read from each ranking beyond the document's own. */
const DEPTH = 200;

/** Folded syllables and bigrams of a passage, as the lexical index holds them (bigrams stay inside a sentence). */
function* foldedTerms(text: string): Generator<string> {
  for (const part of text.split(/[.!?;:\n]+/u)) {
    let previous: string | null = null;
    for (const { text: syllable } of tokenize(part)) {
      yield syllable;
      if (previous !== null) yield `${previous}_${syllable}`;
      previous = syllable;
    }
  }
}

/** The first `limit` documents in order of their best passage in a passage ranking, each with that passage; `own` left out. */
async function byDocument(engine: EngineReader, ranked: EngineHit[], own: ReadonlySet<number>, limit: number): Promise<Map<string, StoredPassage>> {
  const stored = await engine.passages(ranked.map((h) => h.key).filter((key) => !own.has(key)));
  const best = new Map<string, StoredPassage>();
  for (const { key } of ranked) {
    if (best.size >= limit) break;
    const p = stored.get(key);
    if (p && !best.has(p.documentId)) best.set(p.documentId, p);
  }
  return best;
}

/** Passages nearest to the (normalised) mean of a document's passage vectors, `depth` of them; null without vectors. */
export type NearMean = (documentId: string, depth: number) => Promise<EngineHit[] | null>;

/** An engine's nearMean: the document's mean vector (EngineReader.documentVector) searched in the engine's vectors. */
export function engineNearMean(engine: EngineReader): NearMean {
  return async (documentId, depth) => {
    if (engine.vectorModel === null) return null;
    const mean = await engine.documentVector(documentId);
    return mean ? engine.vectorSearch(mean, depth, null) : null;
  };
}

/** The embedded index's nearMean: the document's stored vectors of the loaded model, searched in its HNSW index. */
export const embeddedNearMean = (handle: IndexHandle): NearMean => engineNearMean(embeddedEngine(handle));

/** The k documents most like `documentId` in an index folder, or null when there is no such document. */
export function similarDocuments(handle: IndexHandle, documentId: string, k: number = DEFAULT_SIMILAR): Promise<SimilarResponse | null> {
  return findSimilar(embeddedEngine(handle), embeddedNearMean(handle), documentId, k);
}

/**
 * The k documents most like `documentId` through an engine, or null when there is no such document; `nearMean`
 * null for lexical only.
 */
export async function findSimilar(engine: EngineReader, nearMean: NearMean | null, documentId: string, k: number = DEFAULT_SIMILAR): Promise<SimilarResponse | null> {
  if (!(await engine.documentSummaries([documentId])).has(documentId)) return null;
  const passages = await engine.documentPassages(documentId);
  const own = new Set(passages.map((p) => p.key));
  const counts = new Map<string, number>();
  const holding = new Map<string, number>();
  for (const p of passages) {
    const seen = new Set<string>();
    for (const term of foldedTerms(p.text)) {
      if (!isTopicTerm(term)) continue;
      counts.set(term, (counts.get(term) ?? 0) + 1);
      if (!seen.has(term)) holding.set(term, (holding.get(term) ?? 0) + 1);
      seen.add(term);
    }
  }
  const candidates = [...counts.keys()];
  const terms = distinctiveTerms(candidates, counts, holding, await engine.foldedFrequencies(candidates));
  // Each ranking is read until it has named a few times k documents: enough for fusion to order the first k.
  const enough = Math.max(3 * k, 20);
  const lexical = terms.length > 0 ? await byDocument(engine, await engine.lexicalSearch({ folded: terms, exact: [] }, DEPTH + own.size, null), own, enough) : new Map<string, StoredPassage>();
  const near = nearMean ? await nearMean(documentId, DEPTH + own.size) : null;
  const dense = near ? await byDocument(engine, near, own, enough) : new Map<string, StoredPassage>();

  const ids = [...new Set([...lexical.keys(), ...dense.keys()])];
  const slot = new Map(ids.map((id, i) => [id, i]));
  const lists = [[...lexical.keys()], ...(near ? [[...dense.keys()]] : [])].map((list) => list.map((id) => slot.get(id)!));
  const fused = reciprocalRankFusion(lists).slice(0, k);
  const top = fused.map(({ key, score }) => ({ id: ids[key]!, score }));
  const summaries = await engine.documentSummaries(top.map((t) => t.id));
  const similar: SimilarDocument[] = [];
  for (const { id, score } of top) {
    const d = summaries.get(id);
    const p = lexical.get(id) ?? dense.get(id);
    if (!d || !p) continue;
    similar.push({ rank: similar.length + 1, score, document: { id, ...d }, passage: { id: p.id, text: p.text, section: p.section, start: p.start, end: p.end } });
  }
  return { documentId, mode: near ? 'hybrid' : 'lexical', terms, similar };
}
