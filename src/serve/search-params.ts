/** The query string of GET /api/search, validated by core's search-request; a bad value is a 400 with its code. */
import { ERROR_STATUS, UserError } from '../core/errors.js';
import { parseSearchRequest, type SearchRequest } from '../core/search-request.js';
import { HttpError } from './http-error.js';

export function parseSearchParams(query: Record<string, unknown>): SearchRequest {
  try {
    return parseSearchRequest(query);
  } catch (err) {
    if (err instanceof UserError) throw new HttpError(ERROR_STATUS[err.code], err.code, err.message);
    throw err;
  }
}
