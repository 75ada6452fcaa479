/**
 * Errors the product reports to people: a stable code and a message that says what to do. The codes form one
 * closed table with the HTTP status each answers with when it reaches the API (the HTTP layer's own request errors,
 * `HttpError`, carry their status at the throw site).
 */
export const ERROR_STATUS = {
  // A file that cannot be ingested (src/ingest): the client's input.
  binary_file: 415,
  unsupported_format: 415,
  too_large: 413,
  broken_pdf: 422,
  empty_document: 422,
  empty_file: 422,
  encrypted_pdf: 422,
  no_content: 422,
  no_text_layer: 422,
  not_a_file: 422,
  pdf_timeout: 422,
  unknown_encoding: 422,
  unreadable_doc: 422,
  unreadable_docx: 422,
  /** HTML nested deeper than the reader takes (src/ingest/html-depth.ts). */
  too_deep: 422,
  /** A line of extracted text longer than any real paragraph (src/core/prepare-document.ts). */
  line_too_long: 422,
  /** More passages than one document may hold (src/core/prepare-document.ts). */
  too_many_passages: 422,
  /** Reading the file took longer than the parse process's time limit (src/ingest/parse-process.ts). */
  parse_timeout: 422,
  /** Reading the file needed more memory than the parse process's heap limit. */
  parse_memory: 422,
  /** A scan or an image needs OCR, and tesseract-ocr (with -vie) or poppler-utils is not installed (src/ingest/ocr/). */
  ocr_unavailable: 422,
  /** The OCR engine failed on a page, or went over its memory limit. */
  ocr_failed: 422,
  /** One page took the OCR engine longer than its time limit. */
  ocr_timeout: 422,
  // A search request that cannot be answered as asked (src/core/search-request.ts): the client's input.
  missing_query: 400,
  /** A query of punctuation or symbols only: nothing to search for. */
  query_without_words: 400,
  query_too_long: 400,
  invalid_k: 400,
  invalid_mode: 400,
  invalid_date: 400,
  invalid_filter: 400,
  invalid_kind: 400,
  invalid_term: 400,
  invalid_status: 400,
  invalid_parameter: 400,
  /** The relations command named no stored document, by id or by number (src/cli/relations-command.ts). */
  document_not_found: 404,
  /** A query whose syntax cannot be read (src/core/query-syntax.ts): an unclosed quote, only exclusions. */
  query_syntax: 400,
  /** A `facets` value naming a field that has no facet. */
  invalid_facets: 400,
  // The index folder and the machine: the operator's to fix.
  /** A reading command (search, eval --queries, check) or rebuild named a folder without an index; only writers create one. */
  no_index: 404,
  index_outdated: 500,
  model_changed: 500,
  /** No space left on the device holding the index folder (ENOSPC, EDQUOT, SQLITE_FULL, a file written short). */
  disk_full: 507,
  /** store.sqlite itself is damaged (derived files are repaired from it; it can only be restored or rebuilt). */
  store_damaged: 500,
  /** Another process holds the index folder's writer lock. */
  index_locked: 409,
  /** The embedding server (EMBEDDINGS_URL) did not answer, or answered with an error, after its retries. */
  embedder_unavailable: 503,
  /** An upload job stopped by a crash or a restart before it finished. */
  interrupted: 500,
  /** The search engine (ENGINE=solr: SolrCloud at SOLR_URL) did not answer, or had no live replica, after retries. */
  engine_unavailable: 503,
  /** The search engine refused a request (a configset or schema that is not ours, a collection in a bad state). */
  engine_rejected: 500,
  /** An endpoint or command that ENGINE=solr does not offer yet (document pages, uploads, jobs, check): 501. */
  engine_unsupported: 501,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
