/** Validates the query string of GET /api/search. */
import { FILTER_NAMES, parseTerm, type SearchFilters } from '../core/filters.js';
import type { SearchMode } from '../core/types.js';
import { HttpError } from './http-error.js';

export const MAX_QUERY_CHARS = 2000;
export const MAX_K = 100;
export const DEFAULT_K = 10;
const MODES: SearchMode[] = ['hybrid', 'lexical', 'dense'];

export interface SearchParams {
  q: string;
  k: number;
  mode: SearchMode | undefined;
  filters: SearchFilters;
}

const MAX_FILTER_CHARS = 200;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(query: Record<string, unknown>): SearchFilters {
  const filters: SearchFilters = {};
  for (const name of FILTER_NAMES) {
    const value = single(query[name], name)?.trim();
    if (!value) continue;
    if (value.length > MAX_FILTER_CHARS) throw new HttpError(400, 'invalid_filter', `"${name}" is over ${MAX_FILTER_CHARS} characters`);
    if ((name === 'from' || name === 'to') && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new HttpError(400, 'invalid_date', `"${name}" must be a date written YYYY-MM-DD`);
    }
    if (name === 'term') {
      const term = parseTerm(value);
      if (!term) throw new HttpError(400, 'invalid_term', '"term" must be a term (khóa) such as XII, 12 or "khóa XII"');
      filters.term = term;
      continue;
    }
    filters[name] = value;
  }
  return filters;
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'invalid_parameter', `"${name}" must be given once, as text`);
  return value;
}

export function parseSearchParams(query: Record<string, unknown>): SearchParams {
  const q = single(query.q, 'q')?.trim();
  if (!q) throw new HttpError(400, 'missing_query', 'the "q" parameter is required');
  if (q.length > MAX_QUERY_CHARS) throw new HttpError(400, 'query_too_long', `the query is over ${MAX_QUERY_CHARS} characters`);
  const kText = single(query.k, 'k');
  const k = kText === undefined ? DEFAULT_K : Number(kText);
  if (!/^\d+$/.test(kText ?? String(DEFAULT_K)) || k < 1 || k > MAX_K) {
    throw new HttpError(400, 'invalid_k', `"k" must be a whole number from 1 to ${MAX_K}`);
  }
  const modeText = single(query.mode, 'mode');
  if (modeText !== undefined && !MODES.includes(modeText as SearchMode)) {
    throw new HttpError(400, 'invalid_mode', `"mode" must be one of ${MODES.join(', ')}`);
  }
  return { q, k, mode: modeText as SearchMode | undefined, filters: readFilters(query) };
}
