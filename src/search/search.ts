/**
 * Hybrid retrieval as a pipeline of small stages (src/search/stages/), each testable alone:
 * read the query → the passages the filters allow → retrieve (BM25 over folded syllables, bigrams and tone keys;
 * HNSW over model vectors) → fuse (as the model's spec says) → pin the documents the query names → put replacements
 * above what they replaced → diversify (reading the ranking deeper when that leaves fewer than k) → present (results with exact offsets into the stored text) → answer (an
 * extractive answer citing them, or none for a question not covered) → mark what is no longer in force. A new step
 * is a new stage here, not a branch inside another.
 */
import type { FacetField } from '../core/facets.js';
import type { SearchFilters } from '../core/filters.js';
import type { FusionSpec } from '../core/fuse.js';
import { coverageNotice, vectorCoverage } from '../core/vector-coverage.js';
import { fusionForModel } from '../embed/model-spec.js';
import type { SearchMode, SearchResponse } from '../core/types.js';
import type { Embedder } from '../embed/embedder.js';
import { embeddedEngine } from '../store/embedded-engine.js';
import type { EngineReader } from '../store/engine.js';
import type { IndexHandle } from '../store/open-index.js';
import { allowedPassages } from './stages/allowed.js';
import { searchFacets } from './stages/count-facets.js';
import { answerQuery } from './stages/answer.js';
import { fuseRankings } from './stages/fuse.js';
import { applySyntax, narrowToPhrases, passageCheck } from './stages/match-syntax.js';
import { pinNamedDocuments } from './stages/pin-named.js';
import { present } from './stages/present.js';
import { chooseReadingDeeper } from './stages/read-deeper.js';
import { readQuery } from './stages/read-query.js';
import { relaxedNotice, relaxedQuery } from './stages/relax-phrases.js';
import { effectiveMode, retrieve } from './stages/retrieve.js';
import { markValidity, preferInForce, readStatusChanges } from './stages/validity.js';

export { readQuery } from './stages/read-query.js';

export interface SearchOptions {
  k: number;
  filters?: SearchFilters;
  /** Defaults to the index's mode; dense and hybrid fall back to lexical when no model is loaded. */
  mode?: SearchMode;
  /** Other clients are being served: score the lexical part on a search thread, if the index has one, meanwhile. */
  parallel?: boolean;
  /** Search exactly as typed: no Telex/VNI reading, no restored diacritics. */
  exact?: boolean;
  /** Facets to count over every matching document, returned as `facets`; none when absent or empty. */
  facets?: readonly FacetField[];
  /** How hybrid mode fuses; defaults to the loaded model's spec (src/embed/model-spec.ts). For measuring variants. */
  fusion?: FusionSpec;
}

/** Alone, the lexical ranking is first read this many times k deep; results rarely need more. */
const SHALLOW_FACTOR = 2;

/** Searches an open index folder through its embedded engine (src/store/embedded-engine.ts). */
export function search(handle: IndexHandle, rawQuery: string, options: SearchOptions): Promise<SearchResponse> {
  return searchEngine(embeddedEngine(handle, { parallel: options.parallel ?? false }), handle.embedder, rawQuery, options);
}

/**
 * Searches any engine (src/store/engine.ts); `embedder` computes the query vector (null: lexical only).
 * Errors: UserError from the engine (e.g. `engine_unavailable`); an embedding server that is down is not an error.
 */
export async function searchEngine(engine: EngineReader, embedder: Embedder | null, rawQuery: string, options: SearchOptions): Promise<SearchResponse> {
  const response = await searchOnce(engine, embedder, rawQuery, options);
  if (response.results.length > 0 || options.exact) return response;
  // Stage: an exact phrase nothing holds is searched again for its words, with a notice (relax-phrases.ts).
  const read = applySyntax(readQuery(rawQuery, { exact: true }));
  const relaxed = relaxedQuery(read.typed, read.parsed);
  if (relaxed === null) return response;
  const again = await searchOnce(engine, embedder, relaxed, options);
  if (again.results.length === 0) return response;
  const phrases = read.parsed.alternatives.flatMap((a) => a.phrases.map((p) => p.text));
  return { ...again, query: response.query, notice: [relaxedNotice(phrases), again.notice].filter(Boolean).join('; ') };
}

async function searchOnce(engine: EngineReader, embedder: Embedder | null, rawQuery: string, options: SearchOptions): Promise<SearchResponse> {
  const read = applySyntax(readQuery(rawQuery, { counts: engine.vocabulary(), exact: options.exact ?? false }));
  const asked = effectiveMode(engine, embedder, options.mode);
  // Passages without the model's vectors (an index built before it was installed): none at all searches lexically.
  const coverage = asked !== 'lexical' && embedder ? vectorCoverage(await engine.counts()) : null;
  const requestedMode = coverage?.none ? 'lexical' : asked;
  // Each retriever contributes the fusion's depth of candidates, or 3k when more results are asked for.
  const fusion = options.fusion ?? fusionForModel(embedder?.modelId ?? null);
  const depth = Math.max(fusion.depth, options.k * 3);
  const filtered = await allowedPassages(engine, options.filters);
  const restriction = await narrowToPhrases(engine, read.parsed, filtered);
  const accepts = passageCheck(read.parsed);
  // What indexed documents replace, repeal or amend (empty for an engine that holds no relations).
  const changes = await readStatusChanges(engine);
  // A lexical search alone reads its ranking 2k deep first, and the full depth only if diversifying uses that up: the
  // top n is exact, so the results are those of the full depth. (A named document reorders by rank position, which
  // needs the full list.)
  const shallow = requestedMode === 'lexical' && read.pattern === null && read.names.identities.length === 0 ? Math.min(depth, SHALLOW_FACTOR * options.k) : depth;
  // Stages 3 to 5 at a given depth: retrieve, fuse, pin the named documents, put replacements first.
  const rankAt = async (mode: SearchMode, at: number, lexicalAt: number) => {
    const retrieved = await retrieve(engine, embedder, { query: read.query, terms: read.terms, mode, restriction, depth: at, lexicalDepth: lexicalAt });
    const ranked = fuseRankings(retrieved.mode, retrieved.lexical, retrieved.dense, fusion);
    const pinned = await pinNamedDocuments(engine, read.pattern, ranked, restriction, read.names);
    return { retrieved, named: pinned.named, ordered: await preferInForce(engine, pinned.ordered, pinned.named, changes) };
  };
  const { retrieved, named, ordered } = await rankAt(requestedMode, depth, shallow);
  const { mode } = retrieved;
  // Only a lexical list read shallow (and so exactly `shallow` long when cut) may need its deeper read.
  const cut = mode === 'lexical' && shallow < depth && ordered.length === shallow;
  const passageCount = async () => (await engine.counts()).passages;
  // Stage 6: choose k results, reading the ranking deeper when near-duplicates and per-document caps use it up.
  const { top, passages } = await chooseReadingDeeper(engine, ordered, {
    k: options.k,
    depth,
    deeper: cut ? () => engine.lexicalSearch(read.terms, depth, restriction) : null,
    exempt: new Set([...named, ...(options.filters?.document ? [options.filters.document] : [])]),
    ...(accepts && {
      check: {
        accepts,
        deeper: mode === 'dense' ? null : (reach: number) => engine.lexicalSearch(read.terms, reach, restriction),
        limit: await passageCount(),
      },
    }),
    rankAt: async (at) => (await rankAt(mode, at, at)).ordered,
    limit: passageCount,
  });
  const presented = await present(engine, read.query, top, passages);
  const answered = await answerQuery(engine, read.query, read.pattern, named, presented.results);
  const { results, answer } = markValidity(presented.results, answered, changes);
  // Said when the search did not run as asked: the embedding server was down, or no model is loaded here.
  const notice =
    retrieved.notice ??
    (coverage && embedder ? coverageNotice(coverage, embedder.modelId) : undefined) ??
    (options.mode !== undefined && options.mode !== mode
      ? `mode ${options.mode} needs the embedding model, which is not loaded on this server: these results are lexical`
      : undefined);
  const facets = options.facets?.length ? { facets: await searchFacets(engine, read.parsed, filtered, options.facets, changes) } : {};
  return { query: read.typed, correctedQuery: read.correctedQuery, suggestedQuery: read.suggestedQuery, mode, ...(notice ? { notice } : {}), answer, results, ...facets };
}
