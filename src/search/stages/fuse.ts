/**
 * Stage 4 of search: one ranking from the retrievers' lists, by the mode that ran; in hybrid mode fused as the
 * model's spec says (src/embed/model-spec.ts `fusion`, functions in src/core/fuse.ts).
 */
import { DEFAULT_FUSION, fuse, type FusionSpec } from '../../core/fuse.js';
import type { SearchMode } from '../../core/types.js';
import type { Hit } from './retrieve.js';

export function fuseRankings(mode: SearchMode, lexical: Hit[], dense: Hit[], spec: FusionSpec = DEFAULT_FUSION): Hit[] {
  // Both lists were read at least spec.depth deep (search.ts); all they hold takes part.
  if (mode === 'hybrid') return fuse(lexical, dense, spec, Math.max(lexical.length, dense.length));
  return mode === 'dense' ? dense : lexical;
}
