/** The citation graph of one stored document: the documents it cites and the indexed documents that cite it. */
import { groupReferences, sentenceAround, type CitedDocument, type CitingDocument, type LinkedDocument } from '../core/citation-graph.js';
import type { DocumentStore } from './document-store.js';

export function linkedDocuments(store: DocumentStore, ids: string[]): Map<string, LinkedDocument> {
  return new Map([...store.documentSummaries(ids)].map(([id, { source: _source, ...fields }]) => [id, { id, ...fields }]));
}

/** What a document cites, each cited document once, linked when the index holds a document with that number. */
export function referencesOf(store: DocumentStore, documentId: string): CitedDocument[] {
  const references = store.references(documentId);
  const numbered = store.documentsNumbered([...new Set(references.map((r) => r.key))]).filter((id) => id !== documentId);
  const byNumber = new Map<string, LinkedDocument>();
  // Several stored documents may carry one number (two editions); the first listed stands for it.
  for (const d of linkedDocuments(store, numbered).values()) if (d.number && !byNumber.has(d.number)) byNumber.set(d.number, d);
  return groupReferences(references, byNumber);
}

/** The indexed documents that cite this one by its number, each with the sentences that do. */
export function citingDocuments(store: DocumentStore, documentId: string, number: string | null): CitingDocument[] {
  if (number === null) return [];
  const citations = store.citationsOf(number).filter((c) => c.documentId !== documentId);
  const documents = linkedDocuments(store, [...new Set(citations.map((c) => c.documentId))]);
  const out: CitingDocument[] = [];
  for (const [id, document] of documents) {
    const text = store.documentText(id);
    if (text === null) continue;
    const mentions = citations.filter((c) => c.documentId === id).map(({ text: words, start, end }) => ({ text: words, start, end, sentence: sentenceAround(text, start, end) }));
    out.push({ document, mentions });
  }
  // Newest citing documents first, as a reader following a document's reception would want.
  return out.sort((a, b) => (b.document.date ?? '').localeCompare(a.document.date ?? '') || a.document.id.localeCompare(b.document.id));
}
