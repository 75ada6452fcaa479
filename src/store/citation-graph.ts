/**
 * The citation graph of one stored document: the documents it cites and the indexed documents that cite it, read
 * through the engine's document reads (src/store/engine.ts DocumentReader), so both engines answer alike.
 */
import { groupReferences, sentenceAround, type CitedDocument, type CitingDocument, type LinkedDocument } from '../core/citation-graph.js';
import type { DocumentReader } from './engine.js';

export async function linkedDocuments(reader: DocumentReader, ids: string[]): Promise<Map<string, LinkedDocument>> {
  return new Map([...(await reader.documentSummaries(ids))].map(([id, { source: _source, ...fields }]) => [id, { id, ...fields }]));
}

/** What a document cites, each cited document once, linked when the index holds a document with that number. */
export async function referencesOf(reader: DocumentReader, documentId: string): Promise<CitedDocument[]> {
  const references = await reader.references(documentId);
  const numbered = (await reader.documentsNumbered([...new Set(references.map((r) => r.key))])).filter((id) => id !== documentId).sort();
  const byNumber = new Map<string, LinkedDocument>();
  // Several stored documents may carry one number (two editions); the first by id stands for it.
  const linked = await linkedDocuments(reader, numbered);
  for (const id of numbered) {
    const d = linked.get(id);
    if (d?.number && !byNumber.has(d.number)) byNumber.set(d.number, d);
  }
  return groupReferences(references, byNumber);
}

/** The indexed documents that cite this one by its number, each with the sentences that do. */
export async function citingDocuments(reader: DocumentReader, documentId: string, number: string | null): Promise<CitingDocument[]> {
  if (number === null) return [];
  const citations = (await reader.citationsOf(number)).filter((c) => c.documentId !== documentId);
  const documents = await linkedDocuments(reader, [...new Set(citations.map((c) => c.documentId))]);
  const out: CitingDocument[] = [];
  for (const [id, document] of documents) {
    const text = (await reader.document(id))?.text;
    if (text === undefined) continue;
    const mentions = citations.filter((c) => c.documentId === id).map(({ text: words, start, end }) => ({ text: words, start, end, sentence: sentenceAround(text, start, end) }));
    out.push({ document, mentions });
  }
  // Newest citing documents first, as a reader following a document's reception would want.
  return out.sort((a, b) => (b.document.date ?? '').localeCompare(a.document.date ?? '') || a.document.id.localeCompare(b.document.id));
}
