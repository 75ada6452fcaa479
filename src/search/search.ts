/**
 * Hybrid retrieval as a pipeline of small stages (src/search/stages/), each testable alone:
 * read the query → the passages the filters allow → retrieve (BM25 over folded syllables, bigrams and tone keys;
 * HNSW over model vectors) → fuse → pin the documents the query names → diversify → present (results with exact
 * offsets into the stored text) → answer (an extractive answer citing them, or none for a question not covered).
 * A new step is a new stage here, not a branch inside another.
 */
import type { SearchFilters } from '../core/filters.js';
import type { FusionSpec } from '../core/fuse.js';
import { fusionForModel } from '../embed/model-spec.js';
import type { SearchMode, SearchResponse } from '../core/types.js';
import type { IndexHandle } from '../store/open-index.js';
import { allowedPassages } from './stages/allowed.js';
import { answerQuery } from './stages/answer.js';
import { chooseResults } from './stages/diversify.js';
import { fuseRankings } from './stages/fuse.js';
import { pinNamedDocuments } from './stages/pin-named.js';
import { present } from './stages/present.js';
import { readQuery } from './stages/read-query.js';
import { effectiveMode, retrieve } from './stages/retrieve.js';

export { readQuery } from './stages/read-query.js';

export interface SearchOptions {
  k: number;
  filters?: SearchFilters;
  /** Defaults to the index's mode; dense and hybrid fall back to lexical when no model is loaded. */
  mode?: SearchMode;
  /** Other clients are being served: score the lexical part on a search thread, if the index has one, meanwhile. */
  parallel?: boolean;
  /** How hybrid mode fuses; defaults to the loaded model's spec (src/embed/model-spec.ts). For measuring variants. */
  fusion?: FusionSpec;
}

/** Alone, the lexical ranking is first read this many times k deep; results rarely need more. */
const SHALLOW_FACTOR = 2;

export async function search(handle: IndexHandle, rawQuery: string, options: SearchOptions): Promise<SearchResponse> {
  const read = readQuery(rawQuery);
  const requestedMode = effectiveMode(handle, options.mode);
  // Each retriever contributes the fusion's depth of candidates, or 3k when more results are asked for.
  const fusion = options.fusion ?? fusionForModel(handle.embedder?.modelId ?? null);
  const depth = Math.max(fusion.depth, options.k * 3);
  const allowed = allowedPassages(handle, options.filters);
  // A lexical search alone reads its ranking 2k deep first, and the full depth only if diversifying uses that up: the
  // top n is exact, so the results are those of the full depth. (A named document reorders by rank position, which
  // needs the full list.)
  const shallow = requestedMode === 'lexical' && read.pattern === null ? Math.min(depth, SHALLOW_FACTOR * options.k) : depth;
  const retrieved = await retrieve(handle, {
    query: read.query,
    terms: read.terms,
    mode: requestedMode,
    allowed,
    depth,
    lexicalDepth: shallow,
    parallel: options.parallel ?? false,
  });
  const { mode } = retrieved;
  const ranked = fuseRankings(mode, retrieved.lexical, retrieved.dense, fusion);
  const { ordered, named } = pinNamedDocuments(handle, read.pattern, ranked, allowed.keys);
  // Only a lexical list read shallow (and so exactly `shallow` long when cut) may need its deeper read.
  const cut = mode === 'lexical' && shallow < depth && ordered.length === shallow;
  const { top, passages } = chooseResults(handle, ordered, {
    k: options.k,
    depth,
    deeper: cut ? () => handle.lexical.search(read.terms, depth, allowed.keys) : null,
    exempt: new Set([...named, ...(options.filters?.document ? [options.filters.document] : [])]),
  });
  const { results } = present(handle, read.query, top, passages);
  const answer = answerQuery(handle, read.query, read.pattern, named, results);
  // Said when the search did not run as asked: the embedding server was down, or no model is loaded here.
  const notice =
    retrieved.notice ??
    (options.mode !== undefined && options.mode !== mode
      ? `mode ${options.mode} needs the embedding model, which is not loaded on this server: these results are lexical`
      : undefined);
  return { query: read.typed, correctedQuery: read.correctedQuery, mode, ...(notice ? { notice } : {}), answer, results };
}
