/**
 * Stage 4 of search: one ranking from the retrievers' lists, by the mode that ran.
 */
import { reciprocalRankFusion } from '../../core/fuse.js';
import type { SearchMode } from '../../core/types.js';
import type { Hit } from './retrieve.js';

export function fuseRankings(mode: SearchMode, lexical: Hit[], dense: Hit[]): Hit[] {
  if (mode === 'hybrid') return reciprocalRankFusion([lexical.map((c) => c.key), dense.map((c) => c.key)]);
  return mode === 'dense' ? dense : lexical;
}
