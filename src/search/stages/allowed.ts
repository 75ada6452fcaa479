/**
 * Stage 2 of search: what the filters allow, as the engine evaluates it (null: no filters, everything is allowed).
 */
import { UserError } from '../../core/errors.js';
import type { SearchFilters } from '../../core/filters.js';
import type { EngineReader, Restriction } from '../../store/engine.js';

/**
 * The restriction the filters make. Errors: UserError `document_not_found` (404) when the `document` filter names an
 * id no stored document has (a mistyped or deleted id, told apart from a filter that matches nothing); those of the
 * engine.
 */
export async function allowedPassages(engine: EngineReader, filters: SearchFilters | undefined): Promise<Restriction | null> {
  const id = filters?.document;
  if (id && !(await engine.documentSummaries([id])).has(id)) throw new UserError('document_not_found', `no document with id "${id}"`);
  return engine.restrict(filters);
}

/** True when filters allow nothing: no retriever needs to run. */
export const allowsNothing = (restriction: Restriction | null): boolean => restriction?.documents.length === 0;
