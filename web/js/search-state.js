/** A search as the page's URL holds it: the query, the filters and how many results are shown. */

/** The API's filters the form offers, in form order. */
export const FILTERS = /** @type {const} */ (['kind', 'issuer', 'term', 'from', 'to', 'status']);
export const PAGE_SIZE = 10;
/** The API's largest `k`. */
export const MAX_RESULTS = 100;

/** Session storage key of the last search shown, for the document page's link back to it. */
export const LAST_SEARCH_KEY = 'last-search';

/**
 * `exact`: search exactly as typed, without the Telex/VNI reading or the restored diacritics (`exact=1`).
 * @typedef {{ q: string, filters: Record<typeof FILTERS[number], string>, k: number, exact?: boolean }} SearchState
 */

/** Every filter empty. @returns {SearchState['filters']} */
export const noFilters = () => ({ kind: '', issuer: '', term: '', from: '', to: '', status: '' });

/** @param {string} search a URL's query string */
export function readState(search) {
  const params = new URLSearchParams(search);
  const k = Number(params.get('k'));
  /** @type {SearchState} */
  const state = {
    q: (params.get('q') ?? '').trim(),
    filters: noFilters(),
    k: Number.isInteger(k) && k >= PAGE_SIZE && k <= MAX_RESULTS ? k : PAGE_SIZE,
    exact: params.get('exact') === '1',
  };
  for (const name of FILTERS) state.filters[name] = (params.get(name) ?? '').trim();
  return state;
}

/** Query string of the state; empty filters and the default page size are left out so links stay short. */
function params(/** @type {SearchState} */ state, includeDefaultK = false) {
  const out = new URLSearchParams({ q: state.q });
  for (const name of FILTERS) if (state.filters[name]) out.set(name, state.filters[name]);
  if (includeDefaultK || state.k !== PAGE_SIZE) out.set('k', String(state.k));
  if (state.exact) out.set('exact', '1');
  return out;
}

/** The page URL that shows this state. @param {SearchState} state */
export const pageUrl = (state) => (state.q ? `/?${params(state)}` : '/');

/** The API request for this state. @param {SearchState} state */
export const searchPath = (state) => `/api/search?${params(state, true)}`;
