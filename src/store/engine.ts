/**
 * The search engine behind the service, as one interface with two implementations: the embedded engine (SQLite
 * store + our BM25 index + hnswlib, src/store/embedded-engine.ts) and SolrCloud (src/store/solr/). Every Vietnamese
 * analysis step (folding, syllables, bigrams, tone keys, document numbers) stays in our code: an engine receives
 * index terms and vectors, never raw text to analyse, so both engines rank the same terms.
 *
 * Reads are asynchronous (a remote engine answers over the network); writes are whole-document-or-nothing.
 * test/store/engine-contract.ts is the one contract suite every implementation passes.
 */
import type { SearchFilters } from '../core/filters.js';
import type { QueryTerms } from '../core/lexical-terms.js';
import type { ReferencePattern } from '../core/references.js';
import type { DocumentFields, PreparedDocument, StoredPassage } from '../core/types.js';

/** A retriever's hit: a passage key and the retriever's own score (BM25, or cosine similarity). */
export interface EngineHit {
  key: number;
  score: number;
}

/**
 * What a set of filters allows, as the engine evaluates it: the allowed documents' ids, and whatever the engine
 * needs to restrict its retrievers to them (passage keys for the embedded engine, filter queries for Solr).
 */
export interface Restriction {
  documents: string[];
}

export type DocumentSummary = DocumentFields & { source: string | null };

export interface EngineCounts {
  documents: number;
  passages: number;
  vectors: number;
}

/** The read port: what search needs from an engine. */
export interface EngineReader {
  /** The model whose vectors the engine holds and searches, or null when it holds none (lexical only). */
  readonly vectorModel: string | null;
  /** Documents and passages the filters allow; null for no filters (everything allowed). */
  restrict(filters: SearchFilters | undefined): Promise<Restriction | null>;
  /** The top k passages by BM25 over our index terms, within the restriction. */
  lexicalSearch(terms: QueryTerms, k: number, restriction: Restriction | null): Promise<EngineHit[]>;
  /** The top k passages by cosine similarity to a (normalised) query vector, within the restriction. */
  vectorSearch(vector: Float32Array, k: number, restriction: Restriction | null): Promise<EngineHit[]>;
  /** Stored passages by key; keys deleted meanwhile are simply absent. */
  passages(keys: number[]): Promise<Map<number, StoredPassage>>;
  /** Metadata and first source of each document, by id; unknown ids absent. */
  documentSummaries(ids: string[]): Promise<Map<string, DocumentSummary>>;
  /** Documents whose own canonical number is one of these (src/core/references.ts). */
  documentsNumbered(numbers: string[]): Promise<string[]>;
  /** A document's passage keys in reading order. */
  passageKeys(documentId: string): Promise<number[]>;
  /** Passages holding a citation that matches the pattern, within the restriction. */
  citingPassages(pattern: ReferencePattern, restriction: Restriction | null): Promise<number[]>;
  counts(): Promise<EngineCounts>;
}

/** The write verbs: the only way anything is written (test/architecture.test.ts). */
export interface EngineWriter {
  /** Stores a document and indexes its passages, all or nothing; returns the passage keys. */
  addDocument(doc: PreparedDocument, source: string, fileHash: string, vectors: { model: string; values: Float32Array[] } | null): Promise<number[]>;
  /** Records that `source` now holds the already stored document `documentId`. */
  linkSource(source: string, documentId: string, fileHash: string): Promise<void>;
  /** Forgets a source, and its document when no other source holds it; null for an unknown source. */
  removeSource(source: string): Promise<{ documentId: string; keys: number[] } | null>;
  /** Removes a document, its sources and passages everywhere; returns the passage keys removed. */
  removeDocument(documentId: string): Promise<number[]>;
  /** Makes every write so far durable. */
  flush(): Promise<void>;
}

export interface SearchEngine extends EngineReader, EngineWriter {
  /** `embedded` or `solr`. */
  readonly name: string;
  close(): Promise<void>;
}
