/**
 * The SolrCloud engine: the SearchEngine interface (src/store/engine.ts) over a collection of our passages
 * (src/store/solr/: documents, writes, searches, filters). What it keeps in Solr (engines/solr/configset):
 * - passages with an integer `passage_key` from the collection's key counter (src/store/solr/solr-keys.ts);
 * - each document's `!doc` record with its sources (multi-valued `source`, changed by atomic updates), its own
 *   number exactly (`number_exact`), and on each passage the canonical keys of the citations inside it (`cites`);
 * - with a model, each passage's vector and the model's id (`vector_model`); the collection's vector dimension is
 *   fixed at its creation (core property `vndocsearch.vectorDimension`); on each document's record the normalised
 *   mean of its passage vectors (`vector_mean`, for similar documents; none in a collection whose configset predates
 *   the field: src/store/solr/solr-vectors.ts).
 * - the syllable vocabulary for diacritic restoration, as facet counts over the accent-exact terms, loaded at open
 *   and after each flush (src/store/solr/solr-vocabulary.ts); postings look-ups for phrases and facets as filter
 *   queries on the term field (src/store/solr/solr-postings.ts).
 * - the status changes among indexed documents (two requests, read by every search and status filter) are kept in
 *   memory for STATUS_CHANGES_TTL_MS (5 s), forgotten on every write through this engine: its own writes show at
 *   once, another writer's (another process or engine) within 5 s.
 * Limits: the sources' file hashes are not kept; a passage's own `source` field keeps the sources it was written with (the
 * `!doc` record has them all); removeSource is not atomic against a concurrent linkSource of the same document.
 */
import { identityMatches, identityOfDocument } from '../../core/document-identity.js';
import { UserError } from '../../core/errors.js';
import { meanVector } from '../../core/mean-vector.js';
import type { StoredPassage } from '../../core/types.js';
import type { EngineHit, Restriction, SearchEngine } from '../engine.js';
import { createCollection } from './solr-collection.js';
import type { SolrConfig } from './solr-config.js';
import { solrSuggester } from './solr-catalog.js';
import { solrDocumentReads } from './solr-document-reads.js';
import { documentRecordId } from './solr-documents.js';
import { escapeQueryText, filterQueries, type SolrFilters } from './solr-filters.js';
import { SolrHttp, type SolrHttpOptions } from './solr-http.js';
import { cachedRead, forgettingOnWrites } from './solr-cached-read.js';
import { allocateKeys } from './solr-keys.js';
import { passagesWithAll, restrictToPassages } from './solr-postings.js';
import { vocabularyIdf } from './solr-idf.js';
import { SolrVocabulary } from './solr-vocabulary.js';
import { solrRestrict, type SolrRestriction } from './solr-restrict.js';
import { solrFoldedFrequencies } from './solr-term-stats.js';
import { PASSAGE_FIELDS, passageOf } from './solr-records.js';
import { knnSearch, lexicalSearch, select } from './solr-search.js';
import { documentMeanVector, hasMeanField } from './solr-vectors.js';
import { deleteDocument, writeDocument } from './solr-writes.js';

export interface SolrEngineOptions {
  /** The model whose vectors the engine stores and searches (its id and dimension), or null for lexical only. */
  model: { id: string; dimension: number } | null;
  http?: SolrHttpOptions;
  /** Create the collection when it does not exist (default true). */
  create?: boolean;
  /** Load the syllable vocabulary for diacritic restoration (default true; src/store/solr/solr-vocabulary.ts). */
  vocabulary?: boolean;
}

/** More rows than any collection of ours holds for one question (a document's passages, filter matches). */
const MANY = 1_000_000;
/** A sequence number as numbers print it: as given and with a leading zero (`5`, `05`). */
const sequenceForms = (n: string): string[] => [...new Set([n, n.padStart(2, '0')])];
const PASSAGE = '{!term f=type}passage';
const DOCUMENT = '{!term f=type}document';

const terms = (field: string, values: (string | number)[]): string => `{!terms f=${field}}${values.join(',')}`;
/** A quoted term of the standard parser: exact, whatever the characters. */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;
const filtersOf = (restriction: Restriction | null): SolrFilters => (restriction ? (restriction as SolrRestriction).filters : {});
/**
 * How long, in milliseconds, the engine answers status changes (validity marking, the status filter) from memory
 * when nothing was written through it meanwhile: the longest another writer's replacement or repeal goes unseen.
 */
export const STATUS_CHANGES_TTL_MS = 5_000;

/**
 * Opens the engine on `config.collection`, creating it (config's shards × replicas, the model's vector dimension)
 * when missing. Throws `engine_unavailable` when no node answers, `model_changed` when the collection holds vectors
 * of another model. Status changes are answered from memory for up to STATUS_CHANGES_TTL_MS (5 s) unless this
 * engine wrote meanwhile: another writer's replacement or repeal may go unseen that long.
 */
export async function solrEngine(config: SolrConfig, options: SolrEngineOptions): Promise<SearchEngine> {
  const http = new SolrHttp(config.urls, options.http);
  const collection = config.collection;
  const path = `/${encodeURIComponent(collection)}`;
  const model = options.model;
  if (options.create ?? true) {
    await createCollection(http, collection, config, model ? { 'vndocsearch.vectorDimension': String(model.dimension) } : {});
  }
  const query = (params: [string, string][]) => select(http, collection, params);
  const count = async (fq: string[]): Promise<number> => {
    const res = (await http.postForm(`${path}/select`, new URLSearchParams([['q', '*:*'], ...fq.map((f): [string, string] => ['fq', f]), ['rows', '0']]))) as {
      response?: { numFound?: number };
    };
    return res.response?.numFound ?? 0;
  };
  const other = await query([['q', PASSAGE], ['fq', 'vector_model:*'], ...(model ? [['fq', `-{!term f=vector_model}${model.id}`] as [string, string]] : []), ['fl', 'vector_model'], ['rows', '1']]);
  if (other.length > 0) {
    throw new UserError('model_changed', `the Solr collection ${collection} holds vectors of ${String(other[0]?.vector_model)}, not of ${model?.id ?? 'no model'}: use another SOLR_COLLECTION or rebuild it`);
  }

  // A collection from a configset before `vector_mean` takes no mean: its similar documents stay lexical.
  const keepsMeans = model !== null && (await hasMeanField(http, collection));
  const vocabulary = options.vocabulary === false ? null : new SolrVocabulary(http, collection);
  await vocabulary?.refresh();

  async function passageKeys(documentId: string): Promise<number[]> {
    const docs = await query([['q', `{!term f=document_id}${documentId}`], ['fq', PASSAGE], ['fl', 'passage_key'], ['sort', 'ordinal asc'], ['rows', String(MANY)]]);
    return docs.flatMap((d) => (typeof d.passage_key === 'number' ? [d.passage_key] : []));
  }
  async function record(q: string): Promise<Record<string, unknown> | null> {
    const [doc] = await query([['q', q], ['fq', DOCUMENT], ['fl', 'document_id,source'], ['rows', '1']]);
    return doc ?? null;
  }
  async function removeDocument(documentId: string): Promise<number[]> {
    const keys = await passageKeys(documentId);
    const exists = keys.length > 0 || (await record(`{!term f=document_id}${documentId}`)) !== null;
    if (exists) await deleteDocument(http, collection, documentId);
    return keys;
  }

  const reads = solrDocumentReads(http, collection);
  const statusChanges = cachedRead(reads.statusChanges, STATUS_CHANGES_TTL_MS);
  return forgettingOnWrites([statusChanges], {
    ...reads,
    statusChanges: statusChanges.read,
    name: 'solr',
    vectorModel: model?.id ?? null,
    restrict: (filters) => solrRestrict(http, collection, filters, statusChanges.read),
    async lexicalSearch(queryTerms, k, restriction): Promise<EngineHit[]> {
      const hits = await lexicalSearch(http, collection, queryTerms, k, filtersOf(restriction));
      return hits.flatMap((h) => (h.passageKey === undefined ? [] : [{ key: h.passageKey, score: h.score }]));
    },
    async vectorSearch(vector, k, restriction): Promise<EngineHit[]> {
      if (!model) return [];
      const hits = await knnSearch(http, collection, vector, k, filtersOf(restriction));
      return hits.flatMap((h) => (h.passageKey === undefined ? [] : [{ key: h.passageKey, score: h.score }]));
    },
    documentVector: async (documentId) => (model ? documentMeanVector(http, collection, documentId) : null),
    async passages(keys) {
      const out = new Map<number, StoredPassage>();
      if (keys.length === 0) return out;
      const docs = await query([['q', terms('passage_key', keys)], ['fq', PASSAGE], ['fl', PASSAGE_FIELDS], ['rows', String(keys.length)]]);
      for (const d of docs) out.set(d.passage_key as number, passageOf(d));
      return out;
    },
    async documentsNamed(identities) {
      // Candidates by the sequence number's printed forms (`5-`, `05-`, `5/`, `05/`), matched by our own rules.
      return Promise.all(
        identities.map(async (identity) => {
          const starts = sequenceForms(identity.number).flatMap((n) => [`${n}-`, `${n}/`]);
          const q = starts.map((p) => `number_exact:${escapeQueryText(p)}*`).join(' OR ');
          const docs = await query([['q', q], ['fq', DOCUMENT], ['fl', 'document_id,number,term,date'], ['rows', String(MANY)]]);
          return docs
            .map((d) => ({ id: d.document_id as string, number: d.number as string, term: (d.term as string | undefined) ?? null, date: typeof d.date === 'string' ? d.date.slice(0, 10) : null }))
            .filter((d) => {
              const other = identityOfDocument(d);
              return other !== null && identityMatches(identity, other);
            })
            .sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : a.id < b.id ? -1 : 1))
            .map((d) => d.id);
        }),
      );
    },
    async citedNumbers(sequence) {
      const starts = sequenceForms(sequence).flatMap((n) => [`${n}-`, `${n}/`]);
      const q = starts.map((p) => `cites:${escapeQueryText(p)}*`).join(' OR ');
      const docs = await query([['q', q], ['fq', PASSAGE], ['fl', 'document_id,cites'], ['rows', String(MANY)]]);
      const citing = new Map<string, Set<string>>();
      for (const d of docs) {
        const cites = Array.isArray(d.cites) ? (d.cites as string[]) : [];
        for (const key of cites) {
          if (!starts.some((p) => key.startsWith(p))) continue;
          const set = citing.get(key) ?? new Set<string>();
          set.add(d.document_id as string);
          citing.set(key, set);
        }
      }
      return [...citing].map(([number, documents]) => ({ number, documents: documents.size }));
    },
    passageKeys,
    async citingPassages(pattern, restriction) {
      const clauses = [...pattern.keys.map((k) => `cites:${quoted(k)}`), ...pattern.prefixes.map((p) => `cites:${escapeQueryText(p)}*`)];
      if (clauses.length === 0) return [];
      const fq = filterQueries(filtersOf(restriction));
      const docs = await query([['q', clauses.join(' OR ')], ...fq.map((f): [string, string] => ['fq', f]), ['fl', 'passage_key'], ['sort', 'passage_key asc'], ['rows', String(MANY)]]);
      return docs.map((d) => d.passage_key as number);
    },
    // Not cached: the write routes ask it whether the cluster answers before queueing an upload (engine-write-routes.ts).
    async counts() {
      const [documents, passages, vectors] = await Promise.all([count([DOCUMENT]), count([PASSAGE]), model ? count([PASSAGE, `{!term f=vector_model}${model.id}`]) : 0]);
      return { documents, passages, vectors };
    },
    passagesWithAll: (foldedTerms, restriction) => passagesWithAll(http, collection, foldedTerms, filtersOf(restriction)),
    restrictToPassages: async (keys, restriction): Promise<SolrRestriction> => restrictToPassages(http, collection, keys, filtersOf(restriction)),
    vocabulary: () => vocabulary?.counts() ?? null,
    ...(vocabulary ? { inverseFrequencies: (terms: string[], exact: boolean) => vocabularyIdf(vocabulary.counts(), terms, exact) } : {}),
    suggest: solrSuggester(http, collection),
    foldedFrequencies: (terms) => solrFoldedFrequencies(http, collection, terms),
    async addDocument(doc, source, _fileHash, vectors) {
      if (vectors !== null) {
        if (!model || vectors.model !== model.id) throw new UserError('model_changed', `vectors of ${vectors.model} given to a Solr collection of ${model?.id ?? 'no model'}`);
        if (vectors.values.length !== doc.passages.length) throw new Error(`${doc.passages.length} passages but ${vectors.values.length} vectors`);
      }
      const first = await allocateKeys(http, collection, doc.passages.length);
      const keys = doc.passages.map((_, i) => first + i);
      await writeDocument(http, collection, {
        document: doc,
        sources: [source],
        ingestedAt: new Date().toISOString(),
        vectors: vectors?.values ?? null,
        keys,
        ...(vectors ? { vectorModel: vectors.model, meanVector: keepsMeans ? meanVector(vectors.values) : null } : {}),
      });
      return keys;
    },
    async linkSource(source, documentId) {
      // An atomic update of the record alone: Solr rewrites it from its stored and docValues fields.
      await http.postJson(`${path}/update`, { commit: 'true', softCommit: 'true' }, [{ id: documentRecordId(documentId), source: { 'add-distinct': source } }]);
    },
    async removeSource(source) {
      const found = await record(`{!term f=source}${source}`);
      if (!found) return null;
      const documentId = found.document_id as string;
      const sources = (found.source as string[] | undefined) ?? [];
      if (sources.some((s) => s !== source)) {
        await http.postJson(`${path}/update`, { commit: 'true', softCommit: 'true' }, [{ id: documentRecordId(documentId), source: { remove: source } }]);
        return { documentId, keys: [] };
      }
      return { documentId, keys: await removeDocument(documentId) };
    },
    removeDocument,
    async flush() {
      await http.postJson(`${path}/update`, { commit: 'true' }, {});
      // The writes are durable now; counts that fail to load are loaded again at the next flush or look-up.
      await vocabulary?.refresh().catch(() => undefined);
    },
    async close() {},
  });
}
