/** Addresses of the document page, the one place that knows its URL scheme. */

/** @param {string} documentId */
export const documentUrl = (documentId) => `/documents/${encodeURIComponent(documentId)}`;

/**
 * The document page with exactly the characters [start, end) of its stored text highlighted.
 * @param {string} documentId
 * @param {number} start
 * @param {number} end
 */
export const citedUrl = (documentId, start, end) => `${documentUrl(documentId)}?start=${start}&end=${end}`;

/**
 * The cited range a document page URL asks for, if it is one the text has.
 * @param {string} search the URL's query string
 * @param {number} length the document text's length
 * @returns {{ start: number, end: number } | null | 'invalid'}
 */
export function citedRange(search, length) {
  const params = new URLSearchParams(search);
  if (!params.has('start') && !params.has('end')) return null;
  const [start, end] = [params.get('start'), params.get('end')].map((v) => (v !== null && /^\d+$/.test(v) ? Number(v) : NaN));
  if (start === undefined || end === undefined || !(start < end && end <= length)) return 'invalid';
  return { start, end };
}
