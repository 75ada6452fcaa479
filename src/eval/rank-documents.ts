/** Documents in the order their best passage ranks: how document-level benchmarks read a passage ranking. */
import type { FusionSpec } from '../core/fuse.js';
import type { SearchMode } from '../core/types.js';
import type { Embedder } from '../embed/embedder.js';
import { searchEngine } from '../search/search.js';
import { embeddedEngine } from '../store/embedded-engine.js';
import type { EngineReader } from '../store/engine.js';
import type { IndexHandle } from '../store/open-index.js';

/** Passages fetched to fill ten distinct documents. */
const PASSAGE_DEPTH = 100;

export function rankDocuments(handle: IndexHandle, query: string, mode: SearchMode, k = 10, fusion?: FusionSpec): Promise<string[]> {
  return rankEngineDocuments(embeddedEngine(handle), handle.embedder, query, mode, k, fusion);
}

/** rankDocuments over any engine; `embedder` computes the query vector (null: lexical only). */
export async function rankEngineDocuments(engine: EngineReader, embedder: Embedder | null, query: string, mode: SearchMode, k = 10, fusion?: FusionSpec): Promise<string[]> {
  const { results } = await searchEngine(engine, embedder, query, { k: PASSAGE_DEPTH, mode, ...(fusion ? { fusion } : {}) });
  const ids: string[] = [];
  for (const r of results) {
    if (!ids.includes(r.document.id)) ids.push(r.document.id);
    if (ids.length === k) break;
  }
  return ids;
}
