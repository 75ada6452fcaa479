/**
 * SyllableCounts of a list of passages, counted as the lexical index's accent-exact column counts them: passages
 * holding each tone key and each adjacent pair within a sentence (src/core/lexical-terms.ts), without the index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toneKey, toStoredText } from '../../src/core/normalize.js';
import type { SyllableCounts } from '../../src/core/restore-diacritics.js';

export function countSyllables(passages: Iterable<string>): SyllableCounts {
  const df = new Map<string, number>();
  let total = 0;
  for (const passage of passages) {
    total++;
    const terms = new Set<string>();
    for (const sentence of passage.split(/[.!?;:\n]+/u)) {
      const keys = (sentence.match(/[\p{L}\p{N}]+/gu) ?? []).map(toneKey);
      keys.forEach((k, i) => {
        terms.add(k);
        if (i > 0) terms.add(`${keys[i - 1]}_${k}`);
      });
    }
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
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
