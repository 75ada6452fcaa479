/**
 * Retrieval from a SolrCloud collection; fusion, answers and highlights stay in our code.
 * - lexical: our query terms (src/core/lexical-terms.ts `queryTerms`) OR-ed over the pre-analysed term field, scored
 *   by BM25 with our k1 and b and collection-wide statistics (ExactStatsCache). Lucene's idf is
 *   ln(1 + (N − n + 0.5) / (n + 0.5)) where ours (FTS5's) is ln((N − n + 0.5) / (n + 0.5)) floored at 1e-6, and it
 *   stores lengths in one byte: scores differ from the embedded index, rankings mostly agree.
 * - dense: Solr's kNN (Lucene HNSW, cosine) with the filters as pre-filter; Lucene reports (1 + cos) / 2, returned
 *   here as the cosine itself, as our vector index does.
 * Hits are `{ key, score }` with the passage id (`<documentId>!<ordinal>`) as key, best first, ties by key.
 */
import type { QueryTerms } from '../../core/lexical-terms.js';
import { documentRecordId, EXACT_PREFIX } from './solr-documents.js';
import { escapeQueryText, filterQueries, type SolrFilters } from './solr-filters.js';
import type { SolrHttp } from './solr-http.js';

export interface SolrHit {
  key: string;
  score: number;
  /** The passage's integer key (`passage_key`), when the engine that wrote it allocated one. */
  passageKey?: number;
}

const toHit = (d: Record<string, unknown>, score: number): SolrHit =>
  typeof d.passage_key === 'number' ? { key: d.id as string, score, passageKey: d.passage_key } : { key: d.id as string, score };

export interface SolrPassage {
  key: string;
  documentId: string;
  ordinal: number;
  text: string;
  section: string | null;
  start: number;
  end: number;
}

interface SelectDocs {
  response?: { docs?: Record<string, unknown>[] };
}

export async function select(http: SolrHttp, collection: string, params: [string, string][]): Promise<Record<string, unknown>[]> {
  const res = (await http.postForm(`/${encodeURIComponent(collection)}/select`, new URLSearchParams(params))) as SelectDocs;
  return res.response?.docs ?? [];
}

const filterParams = (filters: SolrFilters): [string, string][] => filterQueries(filters).map((fq) => ['fq', fq]);

/** The standard-parser query of our terms: each an OR-ed clause on the term field. */
export function lexicalQuery(terms: QueryTerms): string {
  return [...terms.folded, ...terms.exact.map((t) => EXACT_PREFIX + t)].map(escapeQueryText).join(' ');
}

/** The k best passages for the query terms among those the filters allow. */
export async function lexicalSearch(http: SolrHttp, collection: string, terms: QueryTerms, k: number, filters: SolrFilters = {}): Promise<SolrHit[]> {
  const q = lexicalQuery(terms);
  if (q === '' || k <= 0) return [];
  const docs = await select(http, collection, [
    ['q', q],
    ['defType', 'lucene'],
    ['df', 'index_terms'],
    ['q.op', 'OR'],
    ['sow', 'true'],
    ...filterParams(filters),
    ['fl', 'id,passage_key,score'],
    ['sort', 'score desc,id asc'],
    ['rows', String(k)],
  ]);
  return docs.map((d) => toHit(d, d.score as number));
}

/**
 * The k nearest passages to `vector` (cosine) among those the filters allow. `candidates` (≥ k) is how many each
 * shard's HNSW search collects (Lucene's k, its beam width at search time): more is slower and nearer exact.
 */
export async function knnSearch(http: SolrHttp, collection: string, vector: ArrayLike<number>, k: number, filters: SolrFilters = {}, candidates = Math.max(k, 100)): Promise<SolrHit[]> {
  if (k <= 0) return [];
  const values = Array.from(vector, (v) => (Number.isFinite(v) ? v : 0));
  const docs = await select(http, collection, [
    ['q', `{!knn f=vector topK=${Math.max(k, candidates)}}[${values.join(',')}]`],
    ...filterParams(filters),
    ['fl', 'id,passage_key,score'],
    ['sort', 'score desc,id asc'],
    ['rows', String(k)],
  ]);
  return docs.map((d) => toHit(d, 2 * (d.score as number) - 1));
}

/** Passages by key, in the order of `keys`; keys of no passage are left out. */
export async function getPassages(http: SolrHttp, collection: string, keys: string[]): Promise<SolrPassage[]> {
  if (keys.length === 0) return [];
  const docs = await select(http, collection, [
    // Ids (`<hex>!<ordinal>`) hold no comma, the terms parser's separator.
    ['q', `{!terms f=id}${keys.join(',')}`],
    ['fq', '{!term f=type}passage'],
    ['fl', 'id,document_id,ordinal,text,section,start,end'],
    ['rows', String(keys.length)],
  ]);
  const byKey = new Map(
    docs.map((d) => [
      d.id as string,
      {
        key: d.id as string,
        documentId: d.document_id as string,
        ordinal: d.ordinal as number,
        text: d.text as string,
        section: (d.section as string | undefined) ?? null,
        start: d.start as number,
        end: d.end as number,
      },
    ]),
  );
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

/** A document's whole stored text, or null when the collection has no such document. */
export async function getDocumentText(http: SolrHttp, collection: string, documentId: string): Promise<string | null> {
  const docs = await select(http, collection, [
    ['q', `{!term f=id}${documentRecordId(documentId)}`],
    ['fl', 'document_text'],
    ['rows', '1'],
  ]);
  return (docs[0]?.document_text as string | undefined) ?? null;
}
