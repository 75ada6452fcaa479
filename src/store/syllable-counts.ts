/**
 * The corpus vocabulary diacritic restoration reads (src/core/restore-diacritics.ts): how many passages hold each
 * accented syllable and each adjacent pair, read off the lexical index's accent-exact column, which indexes every
 * passage's tone keys (`đươngf`) and their bigrams (`đươngf_lôis`) already. So it costs no memory beyond the index,
 * needs no build at open, and follows every write and deletion as the index does. A look-up is a binary search per
 * segment (a restored query of n words makes at most 8 per word and 64 per adjacent pair).
 */
import type { SyllableCounts } from '../core/restore-diacritics.js';
import type { LexicalIndex } from './lexical-index.js';
import { EXACT } from './lexical-segment.js';

export function syllableCounts(lexical: LexicalIndex): SyllableCounts {
  return {
    syllable: (key) => lexical.frequency(key, EXACT),
    pair: (first, second) => lexical.frequency(`${first}_${second}`, EXACT),
    get total() {
      return lexical.size;
    },
  };
}
