/**
 * Errors the product reports to people: one closed table of codes, each with the HTTP status it answers with when
 * it reaches the API and a message saying what it means. A thrower adds the particulars (the file, the value, what
 * to do) as the error's own message; without one, the table's message is used. Every code the API or the CLI can
 * report is a key here: the type `ErrorCode` makes a code outside the table a compile error, and
 * test/core/errors.test.ts checks the table's shape and that the OpenAPI description lists it.
 */

export interface ErrorEntry {
  /** The HTTP status of a response carrying this code. */
  status: number;
  /** What the code means, in one sentence: the default message and the API description's. */
  message: string;
}

export const ERRORS = {
  // A file that cannot be ingested (src/ingest): the client's input.
  binary_file: { status: 415, message: 'the file is binary data, not a document' },
  unsupported_format: { status: 415, message: 'the file format is not one the service reads (TXT, MD, HTML, PDF, DOCX, DOC, PNG, JPEG, TIFF)' },
  too_large: { status: 413, message: 'the file or request is larger than the service accepts' },
  broken_pdf: { status: 422, message: 'the PDF is damaged and cannot be read' },
  empty_document: { status: 422, message: 'the document holds no text once its page furniture is removed' },
  empty_file: { status: 422, message: 'the file is empty' },
  encrypted_pdf: { status: 422, message: 'the PDF is encrypted' },
  no_content: { status: 422, message: 'the file holds no readable content' },
  no_text_layer: { status: 422, message: 'the PDF has no text layer and OCR is not available for it' },
  not_a_file: { status: 422, message: 'the path is not a regular file' },
  pdf_timeout: { status: 422, message: 'reading the PDF took longer than its time limit' },
  unknown_encoding: { status: 422, message: 'the text encoding could not be recognised' },
  unreadable_doc: { status: 422, message: 'the Word 97–2003 (.doc) file cannot be read' },
  unreadable_docx: { status: 422, message: 'the Word (.docx) file cannot be read' },
  /** HTML nested deeper than the reader takes (src/ingest/html-depth.ts). */
  too_deep: { status: 422, message: 'the HTML is nested deeper than the reader takes' },
  /** A line of extracted text longer than any real paragraph (src/core/prepare-document.ts). */
  line_too_long: { status: 422, message: 'a line of the text is longer than any real paragraph' },
  /** More passages than one document may hold (src/core/prepare-document.ts). */
  too_many_passages: { status: 422, message: 'the document would make more passages than one document may hold' },
  /** Reading the file took longer than the parse process's time limit (src/ingest/parse-process.ts). */
  parse_timeout: { status: 422, message: 'reading the file took longer than its time limit' },
  /** Reading the file needed more memory than the parse process's heap limit. */
  parse_memory: { status: 422, message: 'reading the file needed more memory than its limit' },
  /** A scan or an image needs OCR, and tesseract-ocr (with -vie) or poppler-utils is not installed (src/ingest/ocr/). */
  ocr_unavailable: { status: 422, message: 'the file needs OCR and the OCR engine is not installed' },
  /** The OCR engine failed on a page, or went over its memory limit. */
  ocr_failed: { status: 422, message: 'the OCR engine failed on a page' },
  /** One page took the OCR engine longer than its time limit. */
  ocr_timeout: { status: 422, message: 'a page took the OCR engine longer than its time limit' },
  // An upload request (src/serve/upload.ts): the client's input.
  not_multipart: { status: 415, message: 'uploads are sent as multipart/form-data in the field "file"' },
  no_files: { status: 400, message: 'the upload holds no file in the field "file"' },
  too_many_files: { status: 400, message: 'the upload holds more files than one request may' },
  unexpected_field: { status: 400, message: 'the upload holds a part other than the field "file"' },
  bad_upload: { status: 400, message: 'the upload could not be read' },
  invalid_filename: { status: 400, message: 'a file name is not a plain file name' },
  duplicate_filename: { status: 400, message: 'the same file name is uploaded twice' },
  // Access (src/serve/api-keys.ts, src/serve/search-rate-limit.ts).
  writes_disabled: { status: 403, message: 'writing is disabled: no API keys are configured' },
  unauthorized: { status: 401, message: 'the endpoint needs a valid "Authorization: Bearer <API key>"' },
  too_many_requests: { status: 429, message: 'too many searches from this address; wait a minute' },
  // A search request that cannot be answered as asked (src/core/search-request.ts): the client's input.
  missing_query: { status: 400, message: 'the query is missing' },
  /** A query of punctuation or symbols only: nothing to search for. */
  query_without_words: { status: 400, message: 'the query holds no words to search for' },
  query_too_long: { status: 400, message: 'the query is longer than the service accepts' },
  invalid_k: { status: 400, message: 'k is not a whole number in the allowed range' },
  invalid_mode: { status: 400, message: 'the mode is not lexical, dense or hybrid, or needs a model the service has not loaded' },
  invalid_date: { status: 400, message: 'a date filter is not a date (YYYY, YYYY-MM or YYYY-MM-DD)' },
  invalid_filter: { status: 400, message: 'a filter value cannot be read' },
  invalid_kind: { status: 400, message: 'the kind filter is not a known kind of document' },
  invalid_term: { status: 400, message: 'the term (khóa) filter is not a roman numeral' },
  invalid_status: { status: 400, message: 'the status filter is not a known validity status' },
  invalid_parameter: { status: 400, message: 'a parameter is unknown or has a value that cannot be read' },
  /** A query whose syntax cannot be read (src/core/query-syntax.ts): an unclosed quote, only exclusions. */
  query_syntax: { status: 400, message: 'the query syntax cannot be read (an unclosed quote, or only exclusions)' },
  /** A `facets` value naming a field that has no facet. */
  invalid_facets: { status: 400, message: 'facets names a field that has no facet' },
  // Things asked for that do not exist.
  /** No stored document with that id (API), or named by that id or number (the relations command). */
  document_not_found: { status: 404, message: 'no stored document has that id' },
  job_not_found: { status: 404, message: 'no ingest job has that id' },
  not_found: { status: 404, message: 'no such endpoint' },
  uri_too_long: { status: 414, message: 'the request line is too long' },
  bad_request: { status: 400, message: 'the request cannot be read' },
  /** Headers (with the URL) past the server's limit, refused by Node's parser before the app (src/serve/http-server.ts). */
  headers_too_large: { status: 431, message: 'the request headers (with the URL) are larger than the server reads' },
  /** The request did not arrive within the server's time limit. */
  request_timeout: { status: 408, message: 'the request did not arrive in time' },
  // The index folder and the machine: the operator's to fix.
  /** A reading command (search, eval --queries, check) or rebuild named a folder without an index; only writers create one. */
  no_index: { status: 404, message: 'the folder holds no index' },
  index_outdated: { status: 500, message: 'the index was written by another version and must be rebuilt' },
  model_changed: { status: 500, message: "the index's vectors were made by another model than the one loaded" },
  /** INDEX_DIR or --index names a folder holding other files than an index's (src/store/index-folder.ts). */
  not_an_index: { status: 500, message: 'the index folder holds other files and is not an index' },
  /** The index folder cannot be written: a read-only mount, no permission, a file in its place. */
  index_not_writable: { status: 500, message: 'the index folder cannot be written' },
  /** No space left on the device holding the index folder (ENOSPC, EDQUOT, SQLITE_FULL, a file written short). */
  disk_full: { status: 507, message: 'no space is left on the device holding the index' },
  /** store.sqlite itself is damaged (derived files are repaired from it; it can only be restored or rebuilt). */
  store_damaged: { status: 500, message: 'the document store is damaged; the operator must restore it (npm run check says more)' },
  /** Another process holds the index folder's writer lock. */
  index_locked: { status: 409, message: 'another process is writing to the index' },
  /** The embedding server (EMBEDDINGS_URL) did not answer, or answered with an error, after its retries. */
  embedder_unavailable: { status: 503, message: 'the embedding server did not answer' },
  /** An upload job stopped by a crash or a restart before it finished. */
  interrupted: { status: 500, message: 'the job was stopped by a crash or a restart before it finished' },
  /** The search engine (ENGINE=solr: SolrCloud at SOLR_URL) did not answer, or had no live replica, after retries. */
  engine_unavailable: { status: 503, message: 'the search engine did not answer' },
  /** The search engine refused a request (a configset or schema that is not ours, a collection in a bad state). */
  engine_rejected: { status: 500, message: 'the search engine refused the request' },
  /** An endpoint or command that the configured engine (ENGINE=solr) does not offer. */
  engine_unsupported: { status: 501, message: 'the configured search engine does not offer this' },
  /** A fault of the service itself; the server's log holds the details. */
  internal: { status: 500, message: 'internal error' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** Each code's HTTP status (the table's `status` column). */
export const ERROR_STATUS = Object.fromEntries(Object.entries(ERRORS).map(([code, e]) => [code, e.status])) as { readonly [C in ErrorCode]: (typeof ERRORS)[C]['status'] };

/** True for a string that is a code of the table (e.g. a code read back from a job file or a child process). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}

/** An error to report to a person: a code of the table and a message with the particulars (default: the table's). */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
  ) {
    super(message);
    this.name = 'UserError';
  }

  /** The HTTP status this error answers with. */
  get status(): number {
    return ERRORS[this.code].status;
  }
}
