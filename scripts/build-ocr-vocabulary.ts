/**
 * Builds data/ocr-vocabulary.tsv.gz, the bundled vocabulary for OCR repair (src/core/ocr-repair.ts): syllable and
 * syllable-pair counts of public-domain legal texts (Vietnamese legal normative documents are not protected by
 * copyright, Law on Intellectual Property art. 15). Default source: Nghị định 123/2021/NĐ-CP (invoices), a decree on
 * another subject than the scanned test decree, whose own texts are never used. Usage:
 *   node --import tsx scripts/build-ocr-vocabulary.ts [FILE…]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { countVocabulary, vocabularyToTsv } from '../src/core/ocr-vocabulary.js';
import { extractText } from '../src/ingest/read-document.js';

const files = process.argv.slice(2);
if (files.length === 0) files.push('../shared/corpus/decrees/ND123-2021.docx');
const vocabulary = countVocabulary('');
for (const file of files) {
  const { text } = await extractText(readFileSync(file), file);
  countVocabulary(text, vocabulary);
}
const tsv = vocabularyToTsv(vocabulary, 1, 2);
writeFileSync('data/ocr-vocabulary.tsv.gz', gzipSync(tsv, { level: 9 }));
console.log(`${vocabulary.unigrams.size} words, ${vocabulary.bigrams.size} pairs; ${tsv.split('\n').length - 1} lines written`);
