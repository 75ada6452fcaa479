/**
 * How well diacritics are restored: phrases of 3–7 words drawn (with a fixed seed) from paragraphs of the bundled
 * corpus and ../shared/corpus/party-web-articles, stripped of their marks and restored; prints the share of words
 * restored right and, for each required margin, how many phrases are restored (confident) and how many of those exactly.
 *
 *   npx tsx scripts/restore-sample.ts [--holdout]
 *
 * `--holdout` counts the vocabulary on every other paragraph and draws phrases from the rest.
 */
import { resolve } from 'node:path';
import { fold } from '../src/core/normalize.js';
import { restoreDiacritics } from '../src/core/restore-diacritics.js';
import { countSyllables, folderParagraphs } from '../test/support/syllable-counts.js';

const PHRASES = 400;
const MARGINS = [0, 0.5, 1, 1.5, 2, 3];

const holdout = process.argv.includes('--holdout');
const paragraphs = [...folderParagraphs(resolve('corpus'), resolve('..', 'shared', 'corpus', 'party-web-articles'))];
const counts = countSyllables(holdout ? paragraphs.filter((_, i) => i % 2 === 0) : paragraphs);

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const phrases: string[] = [];
while (phrases.length < PHRASES) {
  let at = Math.floor(random() * paragraphs.length);
  if (holdout && at % 2 === 0) at = (at + 1) % paragraphs.length;
  const words = (paragraphs[at] ?? '').split(/[\s,.;:!?()"“”]+/u).filter((w) => /^\p{L}+$/u.test(w));
  if (words.length < 10) continue;
  const n = 3 + Math.floor(random() * 5);
  const from = Math.floor(random() * (words.length - n));
  phrases.push(words.slice(from, from + n).join(' '));
}

let right = 0;
let all = 0;
const byMargin = MARGINS.map(() => ({ restored: 0, exact: 0 }));
for (const phrase of phrases) {
  const typed = fold(phrase);
  const r = restoreDiacritics(typed, counts, 0);
  const out = (r?.text ?? typed).toLowerCase().split(' ');
  const truth = phrase.toLowerCase().split(' ');
  out.forEach((w, i) => {
    all++;
    if (w === truth[i]) right++;
  });
  const exact = out.join(' ') === truth.join(' ');
  const margin = r ? Math.min(...r.words.map((w) => w.margin)) : Infinity;
  MARGINS.forEach((m, i) => {
    if (margin < m) return;
    byMargin[i]!.restored++;
    if (exact) byMargin[i]!.exact++;
  });
}
console.log(`${holdout ? 'held-out' : 'in-corpus'} phrases: ${PHRASES}; words restored right ${((100 * right) / all).toFixed(1)}%`);
for (const [i, m] of MARGINS.entries()) {
  const { restored, exact } = byMargin[i]!;
  console.log(`margin ≥ ${m}: ${restored} restored (${((100 * restored) / PHRASES).toFixed(0)}%), ${((100 * exact) / restored).toFixed(1)}% of them exactly`);
}
