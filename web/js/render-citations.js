/** The citation graph of a document as DOM: the documents it cites and the indexed documents that cite it. */
import { el, markedText } from './dom.js';
import { capitalise, documentName, metadataLine } from './labels.js';
import { citedUrl, documentUrl } from './links.js';

/** @typedef {import('./api.js').CitedDocument} CitedDocument */
/** @typedef {import('./api.js').CitingDocument} CitingDocument */

/** `Chỉ thị 05-CT/TW`, or the key itself for a reference without a full number. @param {CitedDocument} r */
const referenceName = (r) => (r.number ? `${capitalise(r.kind ?? 'văn bản')} ${r.number}` : capitalise(r.key));

/**
 * Links to the places in this document where a cited document is mentioned.
 * @param {string} documentId
 * @param {CitedDocument['mentions']} mentions
 */
function mentionLinks(documentId, mentions) {
  return el(
    'span',
    { class: 'mentions' },
    mentions.length === 1 ? 'Nhắc đến tại ' : `Nhắc đến ${mentions.length} lần: `,
    ...mentions.flatMap((m, i) => [
      i > 0 ? ', ' : '',
      el('a', { href: citedUrl(documentId, m.start, m.end), 'aria-label': `lần ${i + 1}: “${m.text}”` }, mentions.length === 1 ? 'đoạn này' : `lần ${i + 1}`),
    ]),
  );
}

/**
 * @param {string} documentId the document shown
 * @param {CitedDocument[]} references
 */
export function renderReferences(documentId, references) {
  if (references.length === 0) return el('p', { class: 'muted' }, 'Văn bản này không dẫn chiếu văn bản nào khác.');
  return el(
    'ul',
    { class: 'graph-list' },
    ...references.map((r) =>
      el(
        'li',
        {},
        r.document
          ? el('a', { href: documentUrl(r.document.id) }, referenceName(r))
          : el('span', { class: 'reference-name' }, referenceName(r)),
        r.document ? el('span', { class: 'linked-title' }, documentName(r.document)) : el('span', { class: 'muted' }, ' (chưa có trong kho)'),
        el('br'),
        mentionLinks(documentId, r.mentions),
      ),
    ),
  );
}

/**
 * @param {string | null} number the shown document's number
 * @param {CitingDocument[]} citedBy
 */
export function renderCitedBy(number, citedBy) {
  if (number === null) return el('p', { class: 'muted' }, 'Văn bản này không có số hiệu nên không tra được văn bản dẫn chiếu đến nó.');
  if (citedBy.length === 0) return el('p', { class: 'muted' }, `Chưa có văn bản nào trong kho dẫn chiếu đến số ${number}.`);
  return el(
    'ul',
    { class: 'graph-list' },
    ...citedBy.map(({ document: doc, mentions }) => {
      const first = mentions[0];
      // One quote per sentence: a sentence mentioning the number twice is shown once, both mentions marked.
      const sentences = [...new Map(mentions.map((m) => [m.sentence.start, m.sentence])).values()];
      return el(
        'li',
        {},
        el('a', { href: first ? citedUrl(doc.id, first.sentence.start, first.sentence.end) : documentUrl(doc.id) }, documentName(doc)),
        el('span', { class: 'meta' }, metadataLine(doc)),
        ...sentences.map((s) =>
          el(
            'blockquote',
            { class: 'citing-sentence' },
            markedText(
              s.text,
              s.start,
              mentions.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => /** @type {[number, number]} */ ([m.start, m.end])),
            ),
          ),
        ),
      );
    }),
  );
}
