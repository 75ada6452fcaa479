/**
 * Rebuilds the derived indexes of a folder from its store, without a model: the lexical terms from the passages,
 * and the HNSW index from the stored vectors.
 */
import { join } from 'node:path';
import { definedAbbreviations, documentMatcher, type AbbreviationMatcher } from '../core/abbreviations.js';
import { indexTerms } from '../core/lexical-terms.js';
import { passageHeading } from '../core/passage-context.js';
import { DocumentStore } from './document-store.js';
import { buildVectorIndex, STORE_FILE } from './open-index.js';

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
    // The stored vectors themselves tell the dimension; no model is needed.
    let dimension: number | undefined;
    if (model) {
      const stored = store.vectors(model);
      dimension = stored.next().value?.vector.length;
      // Close the read so the connection is free for the next one.
      stored.return(undefined);
    }
    if (!model || !dimension) return { passages, vectors: 0 };
    const index = buildVectorIndex(store, model, dimension);
    index.save(dir);
    return { passages, vectors: index.count };
  } finally {
    store.close();
  }
}
