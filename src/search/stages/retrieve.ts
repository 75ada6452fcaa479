/**
 * Stage 3 of search: candidates from the lexical index (BM25) and the vector index (HNSW), each a ranked list of
 * passage keys with the retriever's own score. An embedding server that is down turns the search lexical, with a notice.
 */
import { UserError } from '../../core/errors.js';
import type { QueryTerms } from '../../core/lexical-terms.js';
import type { SearchMode } from '../../core/types.js';
import type { IndexHandle } from '../../store/open-index.js';
import { QueryVectorCache } from '../query-vector-cache.js';
import { allowsNothing, type Allowed } from './allowed.js';

export interface Hit {
  key: number;
  score: number;
}

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
  allowed: Allowed;
  /** How deep the vector ranking (and the lexical one, unless `lexicalDepth`) is read. */
  depth: number;
  /** How deep the lexical ranking is read first (a lexical search alone reads it shallow; see readCandidates). */
  lexicalDepth: number;
  /** Score the lexical part on a search thread, if the index has one, while this thread searches the vectors. */
  parallel: boolean;
}

const queryVectors = new QueryVectorCache();

/** The mode a search runs in: the index's default unless asked, and lexical whenever no model is loaded. */
export function effectiveMode(handle: IndexHandle, requested: SearchMode | undefined): SearchMode {
  if (!handle.embedder || !handle.vectors) return 'lexical';
  return requested ?? handle.mode;
}

async function denseHits(handle: IndexHandle, query: string, depth: number, allowedKeys: Set<number> | null): Promise<Hit[]> {
  const { embedder, vectors } = handle;
  if (!embedder || !vectors) return [];
  const vector = await queryVectors.get(embedder, query);
  return vectors.search(vector, depth, allowedKeys).map((n) => ({ key: n.key, score: n.similarity }));
}

export async function retrieve(handle: IndexHandle, request: RetrieveRequest): Promise<Retrieved> {
  const { allowed, terms } = request;
  if (allowsNothing(allowed)) return { lexical: [], dense: [], mode: request.mode };
  let mode = request.mode;
  const noLexical = mode === 'dense';
  const lexicalHits = noLexical ? Promise.resolve([]) : handle.searchLexical(terms, request.lexicalDepth, allowed.keys, request.parallel);
  let dense: Hit[] = [];
  let notice: string | undefined;
  if (mode !== 'lexical') {
    try {
      dense = await denseHits(handle, request.query, request.depth, allowed.keys);
    } catch (err) {
      if (!(err instanceof UserError && err.code === 'embedder_unavailable')) throw err;
      // The embedding server is down: answer from the words alone and say so, rather than fail the search.
      notice = `lexical results only: ${err.message}`;
      mode = 'lexical';
    }
  }
  let lexical = await lexicalHits;
  if (notice && noLexical) lexical = await handle.searchLexical(terms, request.depth, allowed.keys, false);
  return { lexical, dense, mode, ...(notice ? { notice } : {}) };
}
