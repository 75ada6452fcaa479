/**
 * Search stage (after the results, when asked): facet counts over every document the query and filters match, not
 * only the top k. A document matches when one of its passages, within the filters, matches an alternative of the
 * query: it is indexed under every word of the alternative other than function words (src/core/query-match.ts
 * matchWords; the index holds a passage's text with its title and section), holds the alternative's phrases, and
 * holds no excluded word or phrase (in its text or heading).
 *
 * Candidates come from the engine's postings (EngineReader.passagesWithAll); a passage's text is checked only for an
 * alternative with phrases, or when the passage is indexed under every bigram of an excluded phrase. An engine
 * without postings look-ups counts nothing (empty lists).
 */
import { countFacets } from '../../core/facets.js';
import { passageHeading } from '../../core/passage-context.js';
import { matchesQuery, matchWords, phraseIndexTerms } from '../../core/query-match.js';
import type { ParsedQuery } from '../../core/query-syntax.js';
import type { FacetField, Facets } from '../../core/types.js';
import { effectiveValidity, type StatusChange } from '../../core/validity.js';
import type { EngineReader, Restriction } from '../../store/engine.js';

/** `changes`: what indexed documents change in others (src/search/stages/validity.ts), so `status` counts effective validity. */
export async function searchFacets(
  engine: EngineReader,
  q: ParsedQuery,
  restriction: Restriction | null,
  fields: readonly FacetField[],
  changes: ReadonlyMap<string, StatusChange[]> = new Map(),
): Promise<Facets> {
  if (fields.length === 0) return {};
  if (!engine.passagesWithAll) return countFacets([], fields);
  // Passages that may hold an excluded word or phrase; any other passage certainly holds none.
  const suspects = new Set<number>();
  for (const e of q.excluded) for (const key of await engine.passagesWithAll(phraseIndexTerms(e), restriction)) suspects.add(key);
  const matching = new Set<number>();
  const documents = new Set<string>();
  for (const alternative of q.alternatives) {
    const terms = [...matchWords(alternative.text), ...alternative.phrases.flatMap(phraseIndexTerms)];
    const candidates = (await engine.passagesWithAll(terms, restriction)).filter((key) => !matching.has(key));
    const checked = alternative.phrases.length > 0;
    const one = { ...q, alternatives: [alternative] };
    // Passages are read for their document; their text only when it must be checked.
    const read = await engine.passages(candidates);
    const toCheck = [...read].filter(([key]) => checked || suspects.has(key));
    // An exclusion applies to the heading a passage is indexed with (title, section) as well as to its text.
    const titles = toCheck.length > 0 && q.excluded.length > 0 ? await engine.documentSummaries([...new Set(toCheck.map(([, p]) => p.documentId))]) : new Map();
    for (const [key, p] of read) {
      const heading = passageHeading(titles.get(p.documentId)?.title ?? null, p.section);
      if ((checked || suspects.has(key)) && !matchesQuery(one, p.text, heading)) continue;
      matching.add(key);
      documents.add(p.documentId);
    }
  }
  const summaries = await engine.documentSummaries([...documents]);
  // The status a reader is shown (and filters by) is the effective one: replaced or repealed by an indexed document.
  const effective = [...summaries].map(([id, d]) => ({ ...d, status: effectiveValidity(d.status, changes.get(id) ?? []).status }));
  return countFacets(effective, fields);
}
