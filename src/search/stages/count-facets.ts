/**
 * Search stage (after the results, when asked): facet counts over every document the query and filters match, not
 * only the top k. A document matches when one of its passages, within the filters, matches an alternative of the
 * query: it is indexed under every word of the alternative other than function words (src/core/query-match.ts
 * matchWords; the index holds a passage's text with its title and section), holds the alternative's phrases, and
 * holds no excluded word or phrase.
 *
 * Candidates come from the lexical index's postings; a passage's text is read only when it must be checked: for an
 * alternative with phrases, or when the passage is indexed under every bigram of an excluded phrase.
 */
import { countFacets } from '../../core/facets.js';
import { matchesQuery, matchWords, phraseIndexTerms } from '../../core/query-match.js';
import type { ParsedQuery } from '../../core/query-syntax.js';
import type { FacetField, Facets } from '../../core/types.js';
import type { IndexHandle } from '../../store/open-index.js';

export function searchFacets(handle: IndexHandle, q: ParsedQuery, allowed: ReadonlySet<number> | null, fields: readonly FacetField[]): Facets {
  if (fields.length === 0) return {};
  const { lexical, store } = handle;
  // Passages that may hold an excluded word or phrase; any other passage certainly holds none.
  const suspects = new Set<number>();
  for (const e of q.excluded) for (const key of lexical.passagesWithAll(phraseIndexTerms(e))) suspects.add(key);
  const matching = new Set<number>();
  for (const alternative of q.alternatives) {
    const terms = [...matchWords(alternative.text), ...alternative.phrases.flatMap(phraseIndexTerms)];
    const candidates = [...lexical.passagesWithAll(terms)].filter((key) => !matching.has(key) && (allowed === null || allowed.has(key)));
    const toCheck = alternative.phrases.length > 0 ? candidates : candidates.filter((key) => suspects.has(key));
    const unchecked = alternative.phrases.length > 0 ? [] : candidates.filter((key) => !suspects.has(key));
    for (const key of unchecked) matching.add(key);
    const one = { ...q, alternatives: [alternative] };
    for (const p of store.passageTexts(toCheck)) if (matchesQuery(one, p.text)) matching.add(p.key);
  }
  return countFacets(store.documentSummaries(store.documentsOfPassages(matching)).values(), fields);
}
