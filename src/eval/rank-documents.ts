/** Documents in the order their best passage ranks: how document-level benchmarks read a passage ranking. */
import type { FusionSpec } from '../core/fuse.js';
import type { SearchMode } from '../core/types.js';
import { search } from '../search/search.js';
import type { IndexHandle } from '../store/open-index.js';

/** Passages fetched to fill ten distinct documents. */
const PASSAGE_DEPTH = 100;

export async function rankDocuments(handle: IndexHandle, query: string, mode: SearchMode, k = 10, fusion?: FusionSpec): Promise<string[]> {
  const { results } = await search(handle, query, { k: PASSAGE_DEPTH, mode, ...(fusion ? { fusion } : {}) });
  const ids: string[] = [];
  for (const r of results) {
    if (!ids.includes(r.document.id)) ids.push(r.document.id);
    if (ids.length === k) break;
  }
  return ids;
}
