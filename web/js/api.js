/** The JSON API the pages read, with the shapes it answers in (the server's own types). */

/** @typedef {import('../../src/core/types.js').SearchResponse} SearchResponse */
/** @typedef {import('../../src/core/types.js').SearchResult} SearchResult */
/** @typedef {import('../../src/core/types.js').StoredDocument} StoredDocument */
/** @typedef {import('../../src/core/types.js').DocumentFields} DocumentFields */
/** @typedef {import('../../src/core/citation-graph.js').CitedDocument} CitedDocument */
/** @typedef {import('../../src/core/citation-graph.js').CitingDocument} CitingDocument */
/** @typedef {import('../../src/core/citation-graph.js').LinkedDocument} LinkedDocument */
/** @typedef {{ id: string, section: string | null, start: number, end: number, page?: number, ocr?: boolean, confidence?: number | null }} PassageOutline */
/** @typedef {StoredDocument & { text: string, passages: PassageOutline[] }} DocumentResponse */
/** @typedef {{ documentId: string, references: CitedDocument[] }} ReferencesResponse */
/** @typedef {{ documentId: string, number: string | null, citedBy: CitingDocument[] }} CitedByResponse */
/** @typedef {{ label: string, documentId: string, kind: 'number' | 'title', detail: string | null }} Suggestion */
/** @typedef {{ query: string, suggestions: Suggestion[] }} SuggestionsResponse */
/**
 * @typedef {{ rank: number, score: number, document: DocumentFields & { id: string, source: string | null },
 *   passage: { id: string, text: string, section: string | null, start: number, end: number } }} SimilarDocument
 */
/** @typedef {{ documentId: string, mode: 'lexical' | 'hybrid', terms: string[], similar: SimilarDocument[] }} SimilarResponse */

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {string} code the API's error code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * @template T
 * @param {string} path
 * @param {AbortSignal} [signal]
 * @returns {Promise<T>}
 */
export async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', String(err));
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? response.statusText);
  return body;
}

/** @param {string} id */
export const documentPath = (id) => `/api/documents/${encodeURIComponent(id)}`;
