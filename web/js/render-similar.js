/** "Văn bản tương tự": documents like the one shown, each linked at the passage that matched best. */
import { el } from './dom.js';
import { documentName, metadataLine } from './labels.js';
import { citedUrl } from './links.js';

/** @typedef {import('./api.js').SimilarDocument} SimilarDocument */

/** Longest passage excerpt shown, in characters. */
const EXCERPT = 220;

/** @param {SimilarDocument[]} similar */
export function renderSimilar(similar) {
  if (similar.length === 0) return el('p', { class: 'muted' }, 'Chưa có văn bản tương tự trong kho.');
  return el(
    'ol',
    { class: 'similar-list' },
    ...similar.map(({ document: doc, passage }) =>
      el(
        'li',
        {},
        el('a', { href: citedUrl(doc.id, passage.start, passage.end) }, documentName(doc)),
        el('span', { class: 'meta' }, metadataLine(doc)),
        el('p', { class: 'similar-passage' }, passage.text.length > EXCERPT ? `${passage.text.slice(0, EXCERPT).trimEnd()}…` : passage.text),
      ),
    ),
  );
}
