/**
 * The document reads (src/store/engine.ts DocumentReader) over the SQLite document store: the embedded engine's, and
 * the read-only commands' (`npm run relations`), which open the store alone.
 */
import type { DocumentReader } from './engine.js';
import type { DocumentStore } from './document-store.js';
import { statusChangesByDocument } from './validity.js';

export function storeDocumentReads(store: DocumentStore): DocumentReader {
  return {
    documentSummaries: async (ids) => store.documentSummaries(ids),
    documentsNumbered: async (numbers) => store.documentsNumbered(numbers),
    document: async (id) => store.getDocument(id),
    listDocuments: async () => store.listDocuments(),
    documentPassages: async (documentId) => store.documentPassages(documentId),
    references: async (documentId) => store.references(documentId),
    citationsOf: async (key) => store.citationsOf(key),
    relations: async (where) => store.relations(where),
    statusChanges: async () => statusChangesByDocument(store),
  };
}
