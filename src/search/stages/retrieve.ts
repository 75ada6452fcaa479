/**
 * Stage 3 of search: candidates from the lexical retriever (BM25) and the vector retriever (HNSW), each a ranked list
 * of passage keys with the retriever's own score. The query vector is computed here, by our embedder, never by the
 * engine. An embedding server that is down turns the search lexical, with a notice.
 */
import { UserError } from '../../core/errors.js';
import type { QueryTerms } from '../../core/lexical-terms.js';
import type { SearchMode } from '../../core/types.js';
import type { Embedder } from '../../embed/embedder.js';
import type { EngineHit, EngineReader, Restriction } from '../../store/engine.js';
import { QueryVectorCache } from '../query-vector-cache.js';
import { allowsNothing } from './allowed.js';

export type Hit = EngineHit;

export interface Retrieved {
  lexical: Hit[];
  dense: Hit[];
  /** The mode that ran (lexical when the embedding server was down). */
  mode: SearchMode;
  notice?: string;
}

export interface RetrieveRequest {
  query: string;
  terms: QueryTerms;
  mode: SearchMode;
  restriction: Restriction | null;
  /** How deep the vector ranking (and the lexical one, unless `lexicalDepth`) is read. */
  depth: number;
  /** How deep the lexical ranking is read first (a lexical search alone reads it shallow; see chooseResults). */
  lexicalDepth: number;
}

const queryVectors = new QueryVectorCache();

/** The mode a search runs in: the index's default unless asked, and lexical whenever no model is loaded. */
export function effectiveMode(engine: EngineReader, embedder: Embedder | null, requested: SearchMode | undefined): SearchMode {
  if (!embedder || engine.vectorModel !== embedder.modelId) return 'lexical';
  return requested ?? 'hybrid';
}

export async function retrieve(engine: EngineReader, embedder: Embedder | null, request: RetrieveRequest): Promise<Retrieved> {
  const { restriction, terms } = request;
  if (allowsNothing(restriction)) return { lexical: [], dense: [], mode: request.mode };
  let mode = request.mode;
  const noLexical = mode === 'dense';
  // A lexical search on a search thread runs while this thread embeds the query and searches the vectors.
  const lexicalHits = noLexical ? Promise.resolve([]) : engine.lexicalSearch(terms, request.lexicalDepth, restriction);
  let dense: Hit[] = [];
  let notice: string | undefined;
  if (mode !== 'lexical' && embedder) {
    try {
      dense = await engine.vectorSearch(await queryVectors.get(embedder, request.query), request.depth, restriction);
    } catch (err) {
      if (!(err instanceof UserError && err.code === 'embedder_unavailable')) throw err;
      // The embedding server is down: answer from the words alone and say so, rather than fail the search.
      notice = `lexical results only: ${err.message}`;
      mode = 'lexical';
    }
  }
  let lexical = await lexicalHits;
  if (notice && noLexical) lexical = await engine.lexicalSearch(terms, request.depth, restriction);
  return { lexical, dense, mode, ...(notice ? { notice } : {}) };
}
