/**
 * The search engine behind the service, as one interface with two implementations: the embedded engine (SQLite
 * store + our BM25 index + hnswlib, src/store/embedded-engine.ts) and SolrCloud (src/store/solr/). Every Vietnamese
 * analysis step (folding, syllables, bigrams, tone keys, document numbers) stays in our code: an engine receives
 * index terms and vectors, never raw text to analyse, so both engines rank the same terms.
 *
 * Reads are asynchronous (a remote engine answers over the network); writes are whole-document-or-nothing.
 * test/store/engine-contract.ts is the one contract suite every implementation passes.
 *
 * Passage keys are integers, unique within one engine's collection and stable while the passage lives: the embedded
 * engine's are the store's row keys (also the HNSW labels); the Solr engine stores a `passage_key` on each passage,
 * claimed at write time from a counter record with optimistic concurrency (src/store/solr/solr-keys.ts), unique for
 * every writer and process; a rewritten document gets new keys.
 */
import type { TermStats } from '../core/distinctive-terms.js';
import type { DocumentIdentity } from '../core/document-identity.js';
import type { SearchFilters } from '../core/filters.js';
import type { QueryTerms } from '../core/lexical-terms.js';
import type { Reference, ReferencePattern } from '../core/references.js';
import type { SyllableCounts } from '../core/restore-diacritics.js';
import type { DocumentFields, PreparedDocument, StoredDocument, StoredPassage } from '../core/types.js';
import type { StatusChange } from '../core/validity.js';
import type { Suggestion } from './document-catalog.js';
import type { StoredRelation } from './document-store.js';

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

/** Where a document cites a number: the citing document and the words, offsets in its stored text. */
export interface Citation {
  documentId: string;
  text: string;
  start: number;
  end: number;
}

/** Which stored relations (src/core/relations.ts) to read: stated in a document, or naming a number as target or subject. */
export type RelationsWhere = { in: string } | { target: string } | { source: string };

/**
 * The document reads of the document pages (src/serve/document-routes.ts) and of the citation and relation graphs
 * (src/store/citation-graph.ts, relation-graph.ts), which both engines answer alike (test/store/engine-contract.ts).
 */
export interface DocumentReader {
  /** Metadata and first source of each document, by id; unknown ids absent. */
  documentSummaries(ids: string[]): Promise<Map<string, DocumentSummary>>;
  /** Documents whose own canonical number is one of these (src/core/references.ts). */
  documentsNumbered(numbers: string[]): Promise<string[]>;
  /** A stored document with its whole text and sources (sorted), or null. */
  document(id: string): Promise<(StoredDocument & { text: string }) | null>;
  /** Every stored document without its text, newest first (date descending, undated last), then by title. */
  listDocuments(): Promise<StoredDocument[]>;
  /** A document's passages in reading order, with their page, OCR mark and confidence when the source is paged. */
  documentPassages(documentId: string): Promise<StoredPassage[]>;
  /** What a document cites, in text order. */
  references(documentId: string): Promise<Reference[]>;
  /** Where documents cite this key (a document number), by citing document id, then position. */
  citationsOf(key: string): Promise<Citation[]>;
  /** Relations as stored (subject numbers as the store keeps them), by stating document id, start, target start. */
  relations(where: RelationsWhere): Promise<StoredRelation[]>;
  /**
   * Replacements, repeals and amendments of indexed documents by indexed documents, by the changed document's id
   * (src/core/validity.ts): what validity marking and the status filter read.
   */
  statusChanges(): Promise<ReadonlyMap<string, StatusChange[]>>;
}

/** The read port: what search and the document pages need from an engine. */
export interface EngineReader extends DocumentReader {
  /** The model whose vectors the engine holds and searches, or null when it holds none (lexical only). */
  readonly vectorModel: string | null;
  /** Documents and passages the filters allow; null for no filters (everything allowed). */
  restrict(filters: SearchFilters | undefined): Promise<Restriction | null>;
  /** The top k passages by BM25 over our index terms, within the restriction. */
  lexicalSearch(terms: QueryTerms, k: number, restriction: Restriction | null): Promise<EngineHit[]>;
  /** The top k passages by cosine similarity to a (normalised) query vector, within the restriction. */
  vectorSearch(vector: Float32Array, k: number, restriction: Restriction | null): Promise<EngineHit[]>;
  /**
   * The normalised mean of a document's passage vectors of the engine's model (src/core/mean-vector.ts), what
   * similar documents search the vectors with; null without a model, an unknown document, or none stored for it
   * (the Solr engine keeps it on the document's record from write time, src/store/solr/solr-vectors.ts).
   */
  documentVector(documentId: string): Promise<Float32Array | null>;
  /** Stored passages by key; keys deleted meanwhile are simply absent. */
  passages(keys: number[]): Promise<Map<number, StoredPassage>>;
  /** For each identity (src/core/document-identity.ts: any spelling of a number), the stored documents it names, newest first. */
  documentsNamed(identities: DocumentIdentity[]): Promise<string[][]>;
  /** Numbers cited that start with a sequence number (`72` → `72-NQ/TW`, `72/2025/QH15`), with how many documents cite each. */
  citedNumbers(sequence: string): Promise<{ number: string; documents: number }[]>;
  /** A document's passage keys in reading order. */
  passageKeys(documentId: string): Promise<number[]>;
  /** Passages holding a citation that matches the pattern, within the restriction. */
  citingPassages(pattern: ReferencePattern, restriction: Restriction | null): Promise<number[]>;
  counts(): Promise<EngineCounts>;
  /**
   * Keys of the passages indexed under every one of these folded terms (syllables, `a_b` bigrams), within the
   * restriction: the candidates of a phrase (src/core/query-syntax.ts), however low they would rank, and the passages
   * counted for facets. Optional: an engine without it searches phrases among the ranked candidates only, and counts
   * no facets.
   */
  passagesWithAll?(foldedTerms: string[], restriction: Restriction | null): Promise<number[]>;
  /** The restriction narrowed to these passages (and their documents); with passagesWithAll. */
  restrictToPassages?(keys: number[], restriction: Restriction | null): Promise<Restriction>;
  /**
   * How many passages hold each accented syllable and adjacent pair (src/core/restore-diacritics.ts), for restoring
   * a query typed without diacritics; null when the engine cannot say (then queries are searched as typed). The
   * Solr engine's are loaded at open and after each flush (src/store/solr/solr-vocabulary.ts).
   */
  vocabulary(): SyllableCounts | null;
  /**
   * BM25 idf of single index terms (folded syllables, or tone keys when `exact`) over the live passages, read from
   * local statistics without I/O (src/store/lexical-index.ts inverseFrequencies); engines without them omit it.
   */
  inverseFrequencies?(terms: string[], exact: boolean): number[];
  /**
   * Live passages, and how many hold each folded index term (syllables, `a_b` bigrams): the statistics similar
   * documents weigh a document's terms by (src/search/similar.ts).
   */
  foldedFrequencies(terms: string[]): Promise<TermStats>;
  /** Autocomplete (GET /api/suggest): documents whose number or title starts with the typed text (src/store/document-catalog.ts). */
  suggest(typed: string, limit: number): Promise<Suggestion[]>;
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
