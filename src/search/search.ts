/**
 * Hybrid retrieval: BM25 over folded syllables, bigrams and tone keys (in memory, top-k pruned), HNSW over model vectors, fused by reciprocal rank;
 * results carry exact offsets into the stored document text, and an extractive answer cites them.
 */
import { extractAnswer } from '../core/answer.js';
import { UserError } from '../core/errors.js';
import { diversify, type Candidate } from '../core/diversify.js';
import { hasFilters, matchesFilters, type SearchFilters } from '../core/filters.js';
import { reciprocalRankFusion } from '../core/fuse.js';
import { highlight, highlightTerms } from '../core/highlight.js';
import type { FacetField } from '../core/facets.js';
import { queryTerms, type QueryTerms } from '../core/lexical-terms.js';
import { removeInvisible } from '../core/normalize.js';
import { parseQuery, type ParsedQuery } from '../core/query-syntax.js';
import { correctTelexQuery } from '../core/telex.js';
import { referencePattern, type ReferencePattern } from '../core/references.js';
import type { SearchMode, SearchResponse, SearchResult, StoredPassage } from '../core/types.js';
import type { IndexHandle } from '../store/open-index.js';
import { QueryVectorCache } from './query-vector-cache.js';
import { searchFacets } from './stages/count-facets.js';
import { passageCheck, phraseCandidates } from './stages/match-syntax.js';

export interface SearchOptions {
  k: number;
  filters?: SearchFilters;
  /** Defaults to the index's mode; dense and hybrid fall back to lexical when no model is loaded. */
  mode?: SearchMode;
  /** Other clients are being served: score the lexical part on a search thread, if the index has one, meanwhile. */
  parallel?: boolean;
  /** Facets to count over every matching document, returned as `facets`; none when absent or empty. */
  facets?: readonly FacetField[];
}

/** Each retriever contributes at least this many candidates to fusion. */
const MIN_CANDIDATES = 50;
/** Alone, the lexical ranking is first read this many times k deep; results rarely need more. */
const SHALLOW_FACTOR = 2;

const queryVectors = new QueryVectorCache();

function effectiveMode(handle: IndexHandle, requested: SearchMode | undefined): SearchMode {
  if (!handle.embedder || !handle.vectors) return 'lexical';
  return requested ?? handle.mode;
}

/** Documents the filters allow, or null when there are no filters. */
function allowedDocuments(handle: IndexHandle, filters: SearchFilters | undefined): string[] | null {
  if (!filters || !hasFilters(filters)) return null;
  return handle.store.documentIdsWhere((id, fields) => matchesFilters(id, fields, filters));
}

async function denseCandidates(handle: IndexHandle, query: string, depth: number, allowedKeys: Set<number> | null): Promise<{ key: number; score: number }[]> {
  const { embedder, vectors } = handle;
  if (!embedder || !vectors) return [];
  const vector = await queryVectors.get(embedder, query);
  return vectors.search(vector, depth, allowedKeys).map((n) => ({ key: n.key, score: n.similarity }));
}

/**
 * A query that names a document by number gets that document first, then the passages that cite it, then the rest
 * in ranked order.
 */
function namedFirst(
  handle: IndexHandle,
  pattern: ReferencePattern | null,
  ranked: { key: number; score: number }[],
  allowedKeys: Set<number> | null,
): { ordered: { key: number; score: number }[]; named: string[] } {
  if (!pattern) return { ordered: ranked, named: [] };
  const namedDocuments = handle.store.documentsNumbered(pattern.numbers);
  const named = namedDocuments.flatMap((id) => handle.store.passageKeys(id).slice(0, 1));
  const citing = handle.store.citingPassages(pattern);
  const position = new Map(ranked.map((r, i) => [r.key, i]));
  const byRank = (a: number, b: number) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || a - b;
  const first = [...new Set([...named, ...citing.sort(byRank)])].filter((key) => allowedKeys === null || allowedKeys.has(key));
  const score = new Map(ranked.map((r) => [r.key, r.score]));
  const firstSet = new Set(first);
  return {
    ordered: [...first.map((key) => ({ key, score: score.get(key) ?? 0 })), ...ranked.filter((r) => !firstSet.has(r.key))],
    named: namedDocuments,
  };
}

/**
 * The query as typed (NFC, trimmed, invisible characters dropped as in stored text) and the query searched: the same,
 * or, when words were typed with the input method off (`sinh hoatj chi booj`), their Vietnamese (`sinh hoạt chi bộ`).
 */
export function readQuery(rawQuery: string): { typed: string; query: string; correctedQuery: string | null } {
  const typed = removeInvisible(rawQuery.normalize('NFC')).trim();
  const correctedQuery = correctTelexQuery(typed);
  return { typed, query: correctedQuery ?? typed, correctedQuery };
}

/** Lexical terms of a parsed query: the union of its alternatives' (no bigram joins the end of one to the next). */
function termsOf(parsed: ParsedQuery): QueryTerms {
  const each = parsed.alternatives.map((a) => queryTerms(a.text));
  return { folded: [...new Set(each.flatMap((t) => t.folded))], exact: [...new Set(each.flatMap((t) => t.exact))] };
}

export async function search(handle: IndexHandle, rawQuery: string, options: SearchOptions): Promise<SearchResponse> {
  const { typed, query: searched, correctedQuery } = readQuery(rawQuery);
  const parsed = parseQuery(searched);
  // What ranking reads: the query itself when it uses no syntax.
  const query = parsed.text;
  let mode = effectiveMode(handle, options.mode);
  const depth = Math.max(MIN_CANDIDATES, options.k * 3);
  const allowed = allowedDocuments(handle, options.filters);
  // The filter's passages, read once for both retrievers and the named-document step.
  const filterKeys = allowed === null ? null : handle.store.passageKeysOf(allowed);
  // With phrases, only passages indexed under all of a phrase's bigrams can match: retrieval reads only those.
  const allowedKeys = phraseCandidates(handle.lexical, parsed, filterKeys) ?? filterKeys;
  const check = passageCheck(parsed);
  const pattern = referencePattern(query);
  const terms = termsOf(parsed);
  const noLexical = mode === 'dense' || allowed?.length === 0 || allowedKeys?.size === 0;
  // A lexical search alone reads its ranking 2k deep first, and the full depth only if diversifying uses that up: the
  // top n is exact, so the deeper list begins with the same passages (ties broken by key alike) and the results are
  // those of the full depth. (A named document reorders by rank position, which needs the full list.)
  const shallow = mode === 'lexical' && pattern === null ? Math.min(depth, SHALLOW_FACTOR * options.k) : depth;
  // On a search thread the lexical search runs while this thread searches the vectors.
  const lexicalHits = noLexical ? Promise.resolve([]) : handle.searchLexical(terms, shallow, allowedKeys, options.parallel ?? false);
  let dense: { key: number; score: number }[] = [];
  let notice: string | undefined;
  if (mode !== 'lexical' && allowed?.length !== 0 && allowedKeys?.size !== 0) {
    try {
      dense = await denseCandidates(handle, query, depth, allowedKeys);
    } catch (err) {
      if (!(err instanceof UserError && err.code === 'embedder_unavailable')) throw err;
      // The embedding server is down: answer from the words alone and say so, rather than fail the search.
      notice = `lexical results only: ${err.message}`;
      mode = 'lexical';
    }
  }
  let lexical = await lexicalHits;
  if (notice && noLexical && allowed?.length !== 0 && allowedKeys?.size !== 0) lexical = await handle.searchLexical(terms, depth, allowedKeys, false);
  const ranked =
    mode === 'hybrid' ? reciprocalRankFusion([lexical.map((c) => c.key), dense.map((c) => c.key)]) : mode === 'dense' ? dense : lexical;
  const { ordered, named } = namedFirst(handle, pattern, ranked, allowedKeys);
  const passages = new Map<number, StoredPassage>();
  // Passages are read from the store only as far down the ranking as the result list needs.
  function* candidates(): Generator<Candidate> {
    let list = ordered;
    let deep = shallow === depth;
    // With a syntax check, passages it leaves out are made up for from ever deeper lexical rankings, to the last one.
    let reach = depth;
    let listed = check ? new Set(list.map((h) => h.key)) : null;
    for (let i = 0; ; i++) {
      if (i === list.length && !deep && list.length === shallow) {
        // Rare, and inside a synchronous walk: the deeper list is read on this thread.
        list = handle.lexical.search(terms, depth, allowedKeys);
        deep = true;
        if (listed) listed = new Set(list.map((h) => h.key));
      }
      if (listed && i === list.length && !noLexical && reach < handle.lexical.size) {
        reach *= 4;
        const more = handle.lexical.search(terms, reach, allowedKeys).filter((h) => !listed?.has(h.key));
        for (const h of more) listed.add(h.key);
        list = [...list, ...more];
      }
      if (i >= (listed ? list.length : Math.min(list.length, depth))) return;
      const { key, score } = list[i]!;
      const p = handle.store.getPassage(key);
      // A passage deleted between retrieval and lookup is simply left out, as is one the syntax check refuses.
      if (!p || (check && !check(p.text))) continue;
      passages.set(key, p);
      yield { key, score, documentId: p.documentId, text: p.text };
    }
  }
  // A document the query names, or the one document a filter asks for, may fill every place.
  const exempt = new Set([...named, ...(options.filters?.document ? [options.filters.document] : [])]);
  const top = diversify(candidates(), options.k, exempt);

  const documents = handle.store.documentSummaries([...new Set(top.map((c) => c.documentId))]);
  const words = highlightTerms(query);
  const results: SearchResult[] = [];
  for (const { key, score } of top) {
    const p = passages.get(key)!;
    const d = documents.get(p.documentId);
    if (!d) continue;
    results.push({
      rank: results.length + 1,
      score,
      document: { id: p.documentId, ...d },
      passage: { id: p.id, text: p.text, section: p.section, start: p.start, end: p.end },
      highlights: highlight(p.text, p.start, words),
    });
  }
  const answer = extractAnswer(
    query,
    results.map((r) => ({ documentId: r.document.id, passageId: r.passage.id, text: r.passage.text, start: r.passage.start })),
  );
  // Said when the search did not run as asked: the embedding server was down, or no model is loaded here.
  notice ??=
    options.mode !== undefined && options.mode !== mode
      ? `mode ${options.mode} needs the embedding model, which is not loaded on this server: these results are lexical`
      : undefined;
  const facets = options.facets?.length ? { facets: searchFacets(handle, parsed, filterKeys, options.facets) } : {};
  return { query: typed, correctedQuery, mode, ...(notice ? { notice } : {}), answer, results, ...facets };
}
