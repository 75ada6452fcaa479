/** The facets of a search as DOM: per field, its values with how many matching documents have each, as links that add the filter. */
import { el } from './dom.js';
import { capitalise, FACET_LABELS, STATUS_LABELS } from './labels.js';
import { FACETS, filtersOn, pageUrl, withFacet } from './search-state.js';

/** @typedef {import('./search-state.js').SearchState} SearchState */
/** @typedef {import('../../src/core/facets.js').Facets} Facets */

/** Values shown per field; the rest are the long tail a filter box reaches. */
const SHOWN = 8;

/**
 * How a facet value reads: a kind capitalised, a status in the portals' words, a term as `Khóa XII`.
 * @param {typeof FACETS[number]} field
 * @param {string} value
 */
function valueLabel(field, value) {
  if (field === 'kind') return capitalise(value);
  if (field === 'status') return STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (value)] ?? value;
  if (field === 'term') return `Khóa ${value}`;
  return value;
}

/**
 * A panel of the fields not yet filtered on that have values; null when there is none.
 * @param {SearchState} state
 * @param {Facets} facets
 */
export function renderFacets(state, facets) {
  const groups = FACETS.flatMap((field) => {
    const counts = facets[field] ?? [];
    if (counts.length === 0 || filtersOn(state, field)) return [];
    return [
      el(
        'div',
        { class: 'facet' },
        el('h3', {}, FACET_LABELS[field]),
        el(
          'ul',
          {},
          ...counts.slice(0, SHOWN).map(({ value, count }) =>
            el(
              'li',
              {},
              el(
                'a',
                { href: pageUrl(withFacet(state, field, value)), 'data-facet': field, 'aria-label': `${valueLabel(field, value)}: ${count} văn bản` },
                valueLabel(field, value),
                ' ',
                el('span', { class: 'count', 'aria-hidden': 'true' }, `(${count})`),
              ),
            ),
          ),
        ),
      ),
    ];
  });
  if (groups.length === 0) return null;
  return el('div', {}, el('h2', { class: 'facets-heading' }, 'Thu hẹp kết quả'), el('p', { class: 'hint' }, 'Số văn bản phù hợp theo từng mục; bấm để lọc.'), ...groups);
}
