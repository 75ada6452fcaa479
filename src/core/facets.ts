/**
 * Facets: how many of the documents a search matches have each kind, issuer, signer, year, term and status, so a
 * person sees where the matches are and narrows by one click (each value is also a filter value). Pure.
 */
import { UserError } from './errors.js';
import type { DocumentFields, FacetField, Facets } from './types.js';

export type { FacetCount, FacetField, Facets } from './types.js';

/** Every facet, in the order they are offered: a Record so the compiler checks the list is whole. */
const FIELDS: Record<FacetField, true> = { kind: true, issuer: true, signer: true, year: true, term: true, status: true };
export const FACET_FIELDS = Object.keys(FIELDS) as FacetField[];

/**
 * The facet values of one document: its kind, issuer, signer and status as stored; the year of its date; each term
 * of a document of several (`XI, XII`). A field the document does not state gives none.
 */
export function facetValues(d: DocumentFields, field: FacetField): string[] {
  if (field === 'year') return d.date ? [d.date.slice(0, 4)] : [];
  if (field === 'term') return d.term ? [...new Set(d.term.split(/\s*,\s*/).filter(Boolean))] : [];
  const value = d[field];
  return value ? [value] : [];
}

/** Counts each field's values over the documents (each document once). */
export function countFacets(documents: Iterable<DocumentFields>, fields: readonly FacetField[]): Facets {
  const counts = new Map<FacetField, Map<string, number>>(fields.map((f) => [f, new Map()]));
  for (const d of documents) {
    for (const [field, values] of counts) for (const v of facetValues(d, field)) values.set(v, (values.get(v) ?? 0) + 1);
  }
  const out: Facets = {};
  for (const [field, values] of counts) {
    out[field] = [...values]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return out;
}

/** The fields of a `facets` parameter (`kind,issuer,year`; spaces and repeats ignored); throws `invalid_facets`. */
export function parseFacetFields(value: string): FacetField[] {
  const names = [...new Set(value.split(',').map((n) => n.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !(FACET_FIELDS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new UserError('invalid_facets', `"facets" may name ${FACET_FIELDS.join(', ')}; not ${unknown.join(', ')}`);
  return names as FacetField[];
}
