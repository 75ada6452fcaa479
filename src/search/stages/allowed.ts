/**
 * Stage 2 of search: what the filters allow, as the engine evaluates it (null: no filters, everything is allowed).
 */
import type { SearchFilters } from '../../core/filters.js';
import type { EngineReader, Restriction } from '../../store/engine.js';

export function allowedPassages(engine: EngineReader, filters: SearchFilters | undefined): Promise<Restriction | null> {
  return engine.restrict(filters);
}

/** True when filters allow nothing: no retriever needs to run. */
export const allowsNothing = (restriction: Restriction | null): boolean => restriction?.documents.length === 0;
