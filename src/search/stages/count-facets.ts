/**
 * Search stage (after the results, when asked): facet counts over every document the query and filters match, not only the top k. A document
 * matches when one of its passages is indexed under a match word of the query (src/core/query-match.ts matchWords:
 * its words other than function words, folded; the index holds a passage's text with its heading), lies within the
 * filters, and passes the phrase and exclusion check.
 */
import { countFacets, type FacetField, type Facets } from '../../core/facets.js';
import { matchWords } from '../../core/query-match.js';
import type { ParsedQuery } from '../../core/query-syntax.js';
import type { IndexHandle } from '../../store/open-index.js';
import { passageCheck, phraseCandidates } from './match-syntax.js';

export function searchFacets(handle: IndexHandle, q: ParsedQuery, allowed: ReadonlySet<number> | null, fields: readonly FacetField[]): Facets {
  if (fields.length === 0) return {};
  const within = phraseCandidates(handle.lexical, q, allowed) ?? allowed;
  const keys = [...handle.lexical.passagesWithAny(matchWords(q))].filter((key) => within === null || within.has(key));
  const check = passageCheck(q);
  // Texts are read only when there is something to check in them.
  const documentIds = check
    ? [...new Set(handle.store.passageTexts(keys).flatMap((p) => (check(p.text) ? [p.documentId] : [])))]
    : handle.store.documentsOfPassages(keys);
  return countFacets(handle.store.documentSummaries(documentIds).values(), fields);
}
