/** SyllableCounts of a list of passages, counted as the lexical index's accent-exact column counts them (passages holding each term). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexTerms } from '../../src/core/lexical-terms.js';
import { toStoredText } from '../../src/core/normalize.js';
import type { SyllableCounts } from '../../src/core/restore-diacritics.js';

export function countSyllables(passages: Iterable<string>): SyllableCounts {
  const df = new Map<string, number>();
  let total = 0;
  for (const passage of passages) {
    total++;
    for (const term of new Set(indexTerms(passage).exact.split(' '))) if (term) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return {
    syllable: (key) => df.get(key) ?? 0,
    pair: (first, second) => df.get(`${first}_${second}`) ?? 0,
    total,
  };
}

/** Paragraphs of the text files in folders (blank-line separated), standing in for passages. */
export function* folderParagraphs(...dirs: string[]): Generator<string> {
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(md|txt)$/u.test(name) || name === 'README.md') continue;
      for (const p of toStoredText(readFileSync(join(dir, name), 'utf8')).split(/\n\s*\n/u)) if (p.trim()) yield p;
    }
  }
}
