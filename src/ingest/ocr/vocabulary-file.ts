/** The bundled OCR repair vocabulary, data/ocr-vocabulary.tsv.gz (scripts/build-ocr-vocabulary.ts says its source). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type Vocabulary, vocabularyFromTsv } from '../../core/ocr-vocabulary.js';

const FILE = new URL('../../../data/ocr-vocabulary.tsv.gz', import.meta.url);

/** A fresh copy of the bundled vocabulary (callers add the document's own words to it). */
export function bundledVocabulary(): Vocabulary {
  return vocabularyFromTsv(gunzipSync(readFileSync(FILE)).toString('utf8'));
}
