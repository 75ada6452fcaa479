/**
 * The embedded engine: the SQLite document store, our BM25 lexical index and the hnswlib vector index of one index
 * folder (src/store/open-index.ts), behind the SearchEngine interface (src/store/engine.ts).
 */
import { hasFilters } from '../core/filters.js';
import { meanVector } from '../core/mean-vector.js';
import type { StoredPassage } from '../core/types.js';
import type { EngineHit, Restriction, SearchEngine } from './engine.js';
import type { IndexHandle } from './open-index.js';
import { syllableCounts } from './syllable-counts.js';
import { storeDocumentReads } from './store-reads.js';
import { documentsMatching } from './validity.js';

/** The embedded engine's restriction carries the allowed passages' keys. */
export interface EmbeddedRestriction extends Restriction {
  keys: Set<number>;
}

const keysOf = (restriction: Restriction | null): Set<number> | null => (restriction ? (restriction as EmbeddedRestriction).keys : null);

/**
 * The engine over an open index handle. `parallel` scores lexical searches on the handle's search threads (when it
 * was opened with some), as a server does while serving other clients.
 */
export function embeddedEngine(handle: IndexHandle, options: { parallel?: boolean } = {}): SearchEngine {
  const { store } = handle;
  return {
    ...storeDocumentReads(store),
    name: 'embedded',
    get vectorModel() {
      return handle.embedder && handle.vectors ? handle.embedder.modelId : null;
    },
    async restrict(filters) {
      if (!filters || !hasFilters(filters)) return null;
      // The status filter reads the effective status, as search's own stage does (src/store/validity.ts).
      const documents = documentsMatching(store, filters);
      const restriction: EmbeddedRestriction = { documents, keys: store.passageKeysOf(documents) };
      return restriction;
    },
    lexicalSearch: (terms, k, restriction) => handle.searchLexical(terms, k, keysOf(restriction), options.parallel ?? false),
    async vectorSearch(vector, k, restriction): Promise<EngineHit[]> {
      if (!handle.vectors) return [];
      return handle.vectors.search(vector, k, keysOf(restriction)).map((n) => ({ key: n.key, score: n.similarity }));
    },
    documentVector: async (documentId) => (handle.embedder && handle.vectors ? meanVector(store.documentVectors(documentId, handle.embedder.modelId)) : null),
    async passages(keys) {
      const out = new Map<number, StoredPassage>();
      for (const key of keys) {
        const p = store.getPassage(key);
        if (p) out.set(key, p);
      }
      return out;
    },
    documentsNamed: async (identities) => handle.catalog.named(identities),
    citedNumbers: async (sequence) => store.citedNumbers(sequence),
    passageKeys: async (documentId) => store.passageKeys(documentId),
    async citingPassages(pattern, restriction) {
      const keys = keysOf(restriction);
      return store.citingPassages(pattern).filter((key) => keys === null || keys.has(key));
    },
    counts: async () => store.counts(),
    async passagesWithAll(foldedTerms, restriction) {
      const keys = keysOf(restriction);
      return [...handle.lexical.passagesWithAll(foldedTerms)].filter((key) => keys === null || keys.has(key));
    },
    async restrictToPassages(keys, restriction) {
      const allowed = keysOf(restriction);
      const narrowed = new Set(keys.filter((key) => allowed === null || allowed.has(key)));
      const narrowedRestriction: EmbeddedRestriction = { documents: store.documentsOfPassages(narrowed), keys: narrowed };
      return narrowedRestriction;
    },
    vocabulary: () => syllableCounts(handle.lexical),
    inverseFrequencies: (terms, exact) => handle.lexical.inverseFrequencies(terms, exact),
    suggest: async (typed, limit) => handle.catalog.suggest(typed, limit),
    foldedFrequencies: async (terms) => handle.lexical.foldedFrequencies(terms),
    addDocument: async (doc, source, fileHash, vectors) => handle.addDocument(doc, source, fileHash, vectors),
    linkSource: async (source, documentId, fileHash) => handle.linkSource(source, documentId, fileHash),
    removeSource: async (source) => handle.removeSource(source),
    removeDocument: async (documentId) => handle.removeDocument(documentId),
    flush: async () => handle.save(),
    close: async () => handle.close(),
  };
}
