/**
 * Validates a search request as people give it (the API's query string, the search command's options): the query,
 * `k`, the mode and the filters. Pure; a bad value throws a UserError whose code the API answers with a 400.
 */
import { UserError } from './errors.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, FILTER_NAMES, parseKind, parseStatus, parseTerm, type SearchFilters } from './filters.js';
import type { SearchMode } from './types.js';

export const MAX_QUERY_CHARS = 2000;
export const MAX_K = 100;
export const DEFAULT_K = 10;
const MODES: SearchMode[] = ['hybrid', 'lexical', 'dense'];

export interface SearchRequest {
  q: string;
  k: number;
  mode: SearchMode | undefined;
  filters: SearchFilters;
  /** Search exactly as typed: no Telex/VNI reading and no restored diacritics (`exact=1`). */
  exact: boolean;
}

const MAX_FILTER_CHARS = 200;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD date that exists in the proleptic Gregorian calendar (`2025-02-30` does not). */
export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function readFilters(query: Record<string, unknown>): SearchFilters {
  const filters: SearchFilters = {};
  for (const name of FILTER_NAMES) {
    const value = single(query[name], name)?.trim();
    if (!value) continue;
    if (value.length > MAX_FILTER_CHARS) throw new UserError('invalid_filter', `"${name}" is over ${MAX_FILTER_CHARS} characters`);
    if ((name === 'from' || name === 'to') && !isRealDate(value)) {
      throw new UserError(
        'invalid_date',
        ISO_DATE.test(value) ? `"${name}" is ${value}, a day that does not exist` : `"${name}" must be a date written YYYY-MM-DD`,
      );
    }
    if (name === 'kind') {
      const kind = parseKind(value);
      if (!kind) throw new UserError('invalid_kind', `"kind" must be one of: ${DOCUMENT_KINDS.join(', ')}`);
      filters.kind = kind;
    } else if (name === 'term') {
      const term = parseTerm(value);
      if (!term) throw new UserError('invalid_term', '"term" must be a term (khóa) such as XII, 12 or "khóa XII"');
      filters.term = term;
    } else if (name === 'status') {
      const status = parseStatus(value);
      if (!status) throw new UserError('invalid_status', `"status" must be one of ${DOCUMENT_STATUSES.join(', ')}`);
      filters.status = status;
    } else {
      filters[name] = value;
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new UserError('invalid_date', `"from" (${filters.from}) is after "to" (${filters.to}): no date can be in between; swap them`);
  }
  return filters;
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UserError('invalid_parameter', `"${name}" must be given once, as text`);
  return value;
}

/** `exact`: `1`/`true` (or the command line's bare flag), `0`/`false`/empty or absent for no. */
function readExact(value: unknown): boolean {
  if (value === true) return true;
  const text = single(value, 'exact')?.trim().toLowerCase();
  if (text === undefined || text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  throw new UserError('invalid_parameter', '"exact" must be 1 (search exactly as typed) or 0');
}

/** Reads `q`, `k`, `mode`, `exact` and the filters of FILTER_NAMES from a record of strings; throws UserError on a bad value. */
export function parseSearchRequest(query: Record<string, unknown>): SearchRequest {
  const q = single(query.q, 'q')?.trim();
  if (!q) throw new UserError('missing_query', 'the "q" parameter is required');
  if (q.length > MAX_QUERY_CHARS) throw new UserError('query_too_long', `the query is over ${MAX_QUERY_CHARS} characters`);
  if (!/[\p{L}\p{N}]/u.test(q)) throw new UserError('query_without_words', 'the query has no letters or digits to search for');
  const kText = single(query.k, 'k');
  const k = kText === undefined ? DEFAULT_K : Number(kText);
  if (!/^\d+$/.test(kText ?? String(DEFAULT_K)) || k < 1 || k > MAX_K) {
    throw new UserError('invalid_k', `"k" must be a whole number from 1 to ${MAX_K}`);
  }
  const modeText = single(query.mode, 'mode');
  if (modeText !== undefined && !MODES.includes(modeText as SearchMode)) {
    throw new UserError('invalid_mode', `"mode" must be one of ${MODES.join(', ')}`);
  }
  return { q, k, mode: modeText as SearchMode | undefined, filters: readFilters(query), exact: readExact(query.exact) };
}
