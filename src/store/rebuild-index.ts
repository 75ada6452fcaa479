/**
 * Rebuilds the derived indexes of a folder from its store, without a model: the lexical terms from the passages,
 * and the HNSW index from the stored vectors.
 */
import { join } from 'node:path';
import { definedAbbreviations, documentMatcher, type AbbreviationMatcher } from '../core/abbreviations.js';
import { indexTerms } from '../core/lexical-terms.js';
import { passageHeading } from '../core/passage-context.js';
import { DocumentStore } from './document-store.js';
import { STORE_FILE } from './open-index.js';
import { VectorIndex } from './vector-index.js';

export interface RebuildReport {
  passages: number;
  vectors: number;
}

export function rebuildIndex(dir: string): RebuildReport {
  const store = new DocumentStore(join(dir, STORE_FILE));
  try {
    // Abbreviation matchers are per document; cache the one of the document being rebuilt.
    let cached: { text: string; match: AbbreviationMatcher } | null = null;
    const passages = store.rebuildLexicalIndex((doc, passage) => {
      if (cached?.text !== doc.text) cached = { text: doc.text, match: documentMatcher(definedAbbreviations(doc.text)) };
      return indexTerms(passage.text, cached.match, passageHeading(doc.title, passage.section));
    });
    const [model, ...others] = store.vectorModels();
    if (others.length > 0) throw new Error(`vectors of several models are mixed (${[model, ...others].join(', ')}); run \`npm run reindex\``);
    let vectors = 0;
    if (model) {
      let index: VectorIndex | null = null;
      for (const { key, vector } of store.vectors(model)) {
        index ??= VectorIndex.create(model, vector.length);
        index.add(key, vector);
        vectors++;
      }
      index?.save(dir);
    }
    return { passages, vectors };
  } finally {
    store.close();
  }
}
