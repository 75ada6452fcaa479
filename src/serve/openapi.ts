/** The API's OpenAPI 3.1 description, served at GET /api/openapi.json; the tests check real responses against it. */
import { ERRORS } from '../core/errors.js';
import { FACET_FIELDS } from '../core/facets.js';
import { DOCUMENT_KINDS } from '../core/filters.js';
import { relationsSchema } from './openapi-relations.js';

const nullable = (type: string) => ({ type: [type, 'null'] });

/** Passages of paged sources (PDF, scan, image) only: where they sit and whether OCR read them. */
const passagePage = {
  page: { type: 'integer', minimum: 1, description: 'Page of the source file the passage starts on (paged sources only)' },
  ocr: { type: 'boolean', description: 'True when the passage was recognised from a scanned page (OCR)' },
  confidence: { ...nullable('number'), minimum: 0, maximum: 1, description: "OCR: mean word confidence of the passage's page, 0–1" },
};

/** The closed table of error codes (src/core/errors.ts), each with its status and meaning. */
const errorCode = {
  type: 'string',
  enum: Object.keys(ERRORS),
  description: Object.entries(ERRORS)
    .map(([code, e]) => `\`${code}\` (${e.status}): ${e.message}`)
    .join('; '),
};

const error = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: { type: 'object', required: ['code', 'message'], additionalProperties: false, properties: { code: errorCode, message: { type: 'string' } } },
  },
};

const documentFields = {
  title: nullable('string'),
  date: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  kind: { type: 'string' },
  number: nullable('string'),
  issuer: nullable('string'),
  term: nullable('string'),
  author: nullable('string'),
  signer: nullable('string'),
  signerTitle: nullable('string'),
  onBehalfOf: nullable('string'),
  status: { enum: ['in-force', 'not-yet-in-force', 'partly-in-force', 'no-longer-in-force', null] },
};
const fieldNames = Object.keys(documentFields);

const offsets = { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } };
const quote = { type: 'object', required: ['text', 'start', 'end'], additionalProperties: false, properties: { text: { type: 'string' }, ...offsets } };

/** What a citation says of the document it cites. */
const citedFields = {
  key: { type: 'string' },
  kind: nullable('string'),
  number: nullable('string'),
  issuer: nullable('string'),
  term: nullable('string'),
  date: nullable('string'),
};
const citedFieldNames = Object.keys(citedFields);

const reference = {
  type: 'object',
  required: [...citedFieldNames, 'text', 'start', 'end'],
  additionalProperties: false,
  properties: { ...citedFields, text: { type: 'string' }, ...offsets },
};

/** An indexed document a citation resolves to. */
const linkedDocument = {
  type: 'object',
  required: ['id', ...fieldNames],
  additionalProperties: false,
  properties: { id: { type: 'string' }, ...documentFields },
};

const references = {
  type: 'object',
  required: ['documentId', 'references'],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    references: {
      type: 'array',
      items: {
        type: 'object',
        description: 'One cited document, however often it is mentioned; `document` is the indexed document numbered `key`, or null',
        required: [...citedFieldNames, 'document', 'mentions'],
        additionalProperties: false,
        properties: {
          ...citedFields,
          document: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/LinkedDocument' }] },
          mentions: { type: 'array', items: quote },
        },
      },
    },
  },
};

const citedBy = {
  type: 'object',
  required: ['documentId', 'number', 'citedBy'],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    number: nullable('string'),
    citedBy: {
      type: 'array',
      items: {
        type: 'object',
        required: ['document', 'mentions'],
        additionalProperties: false,
        properties: {
          document: { $ref: '#/components/schemas/LinkedDocument' },
          mentions: {
            type: 'array',
            description: 'Offsets in the citing document\'s text, with the sentence around each mention',
            items: {
              type: 'object',
              required: ['text', 'start', 'end', 'sentence'],
              additionalProperties: false,
              properties: { text: { type: 'string' }, ...offsets, sentence: quote },
            },
          },
        },
      },
    },
  },
};

const storedDocument = {
  type: 'object',
  required: ['id', ...fieldNames, 'format', 'sources', 'passageCount', 'ingestedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    ...documentFields,
    format: { enum: ['txt', 'md', 'html', 'pdf', 'docx', 'doc', 'image'] },
    sources: { type: 'array', items: { type: 'string' } },
    passageCount: { type: 'integer', minimum: 0 },
    ingestedAt: { type: 'string' },
  },
};

const searchResponse = {
  type: 'object',
  required: ['query', 'correctedQuery', 'suggestedQuery', 'mode', 'answer', 'results'],
  additionalProperties: false,
  properties: {
    query: { type: 'string', description: 'The query as typed.' },
    correctedQuery: {
      type: ['string', 'null'],
      description: 'Did you mean: the query searched instead when its words were typed with the Vietnamese input method off (Telex `hoatj`, VNI `hoa5t`), else null.',
    },
    suggestedQuery: {
      type: ['string', 'null'],
      description:
        'Có phải bạn muốn tìm: the query typed without diacritics as the corpus writes it (`duong loi doi ngoai` → `đường lối đối ngoại`), ' +
        'restored from the counts of accented syllables and syllable pairs in the indexed passages, when every word is restored with a clear ' +
        'margin (distinct words such as dương, đương, đường are told apart by their neighbours, never merged); the results are those of this ' +
        'query. Null otherwise, and with `exact=1`.',
    },
    mode: { enum: ['hybrid', 'lexical', 'dense'], description: 'The mode searched: lexical when no model is loaded or the embedding server is down.' },
    notice: {
      type: 'string',
      description:
        'Present only when the search did not run as asked: `mode=dense` or `mode=hybrid` on a server without a loaded model, or an embedding server (EMBEDDINGS_URL) that did not answer; the results are then lexical. Also when passages have no vector of the model yet (an index built before it was installed): none at all searches lexically, some missing leaves them to the lexical ranking; `npm run reindex` embeds them.',
    },
    answer: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['text', 'citations', 'sentences'],
          additionalProperties: false,
          properties: {
            text: { type: 'string' },
            sentences: {
              type: 'array',
              items: {
                type: 'object',
                required: ['n', 'text', 'start', 'end'],
                additionalProperties: false,
                properties: { n: { type: 'integer', minimum: 1 }, text: { type: 'string' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
              },
            },
            citations: {
              type: 'array',
              items: {
                type: 'object',
                required: ['n', 'documentId', 'passageId'],
                additionalProperties: false,
                properties: {
                  n: { type: 'integer', minimum: 1 },
                  documentId: { type: 'string' },
                  passageId: { type: 'string' },
                  noLongerInForce: {
                    type: 'object',
                    description: 'Present when the cited document is no longer in force; the answer text then writes `[n, hết hiệu lực]`',
                    required: ['since', 'replacedBy'],
                    additionalProperties: false,
                    properties: {
                      since: { type: ['string', 'null'] },
                      replacedBy: {
                        oneOf: [
                          { type: 'null' },
                          { type: 'object', required: ['id', 'number', 'title'], additionalProperties: false, properties: { id: { type: 'string' }, number: { type: 'string' }, title: { type: ['string', 'null'] } } },
                        ],
                      },
                    },
                  },
                  page: { ...nullable('integer'), description: 'Page of a paged source (PDF, scan) the cited passage starts on' },
                },
              },
            },
          },
        },
      ],
    },
    facets: {
      type: 'object',
      description:
        'Present when `facets` was asked for: per field asked, each value over every document the query and filters match (not only the results listed), with its number of documents, most first. A document matches when one of its passages (within the filters) matches an alternative of the query: it holds every word of the alternative other than function words (`của`, `và`), in its text or heading (title, section), and its phrases, and no excluded word or phrase.',
      additionalProperties: false,
      properties: Object.fromEntries(
        FACET_FIELDS.map((f) => [
          f,
          {
            type: 'array',
            items: { type: 'object', required: ['value', 'count'], additionalProperties: false, properties: { value: { type: 'string' }, count: { type: 'integer', minimum: 1 } } },
          },
        ]),
      ),
    },
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rank', 'score', 'document', 'passage', 'highlights'],
        additionalProperties: false,
        properties: {
          highlights: {
            description: 'Offsets in the document text of the query words the passage contains',
            type: 'array',
            items: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2 },
          },
          rank: { type: 'integer', minimum: 1 },
          score: { type: 'number' },
          document: {
            type: 'object',
            required: ['id', 'source', ...fieldNames],
            additionalProperties: false,
            properties: { id: { type: 'string' }, source: nullable('string'), ...documentFields },
          },
          passage: {
            type: 'object',
            required: ['id', 'text', 'section', 'start', 'end'],
            additionalProperties: false,
            properties: {
              id: { type: 'string' },
              text: { type: 'string' },
              section: nullable('string'),
              start: { type: 'integer', minimum: 0 },
              end: { type: 'integer', minimum: 0 },
              ...passagePage,
            },
          },
        },
      },
    },
  },
};

const suggestions = {
  type: 'object',
  required: ['query', 'suggestions'],
  additionalProperties: false,
  properties: {
    query: { type: 'string', description: 'The text as typed.' },
    suggestions: {
      type: 'array',
      maxItems: 10,
      description: 'Numbers first (when the text has a digit), then titles; newest first within a key.',
      items: {
        type: 'object',
        required: ['label', 'documentId', 'kind', 'detail'],
        additionalProperties: false,
        properties: {
          label: { type: 'string', description: 'The document number (`22-NQ/TW`) or its title' },
          documentId: { type: 'string' },
          kind: { enum: ['number', 'title'], description: 'What the text matched: the number in any spelling, or the start of title words' },
          detail: { ...nullable('string'), description: 'The title of a number suggestion, the number of a title suggestion' },
        },
      },
    },
  },
};

const similar = {
  type: 'object',
  required: ['documentId', 'mode', 'terms', 'similar'],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    mode: { enum: ['lexical', 'hybrid'], description: 'hybrid: the lexical ranking fused with the mean of the passage vectors searched in the vector index' },
    terms: { type: 'array', items: { type: 'string' }, description: "The document's most distinctive index terms (folded; bigrams joined by `_`), searched as a query" },
    similar: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rank', 'score', 'document', 'passage'],
        additionalProperties: false,
        properties: {
          rank: { type: 'integer', minimum: 1 },
          score: { type: 'number' },
          document: { type: 'object', required: ['id', 'source', ...fieldNames], additionalProperties: false, properties: { id: { type: 'string' }, source: nullable('string'), ...documentFields } },
          passage: {
            type: 'object',
            required: ['id', 'text', 'section', 'start', 'end'],
            additionalProperties: false,
            properties: { id: { type: 'string' }, text: { type: 'string' }, section: nullable('string'), ...offsets },
          },
        },
      },
    },
  },
};

const jobStatus = { enum: ['queued', 'running', 'done', 'failed'] };
const job = {
  type: 'object',
  required: ['id', 'status', 'createdAt', 'finishedAt', 'progress', 'files'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    status: jobStatus,
    createdAt: { type: 'string' },
    finishedAt: nullable('string'),
    progress: { type: 'object', required: ['done', 'total'], properties: { done: { type: 'integer' }, total: { type: 'integer' } } },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'status', 'outcome', 'documentId', 'passages', 'error'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          status: jobStatus,
          outcome: { enum: ['added', 'updated', 'unchanged', 'linked', null] },
          documentId: nullable('string'),
          passages: { type: 'integer' },
          error: { oneOf: [{ type: 'null' }, error.properties.error] },
        },
      },
    },
    warning: { ...error.properties.error, description: 'The files were stored, but the index files could not be saved after them (e.g. disk_full); the next save or start writes them' },
    error: { ...error.properties.error, description: '`interrupted`: the server stopped (a crash, a restart) while the job was queued or running' },
  },
};

const health = {
  type: 'object',
  required: ['status', 'ready', 'engine', 'mode', 'model', 'documents', 'passages', 'vectors', 'jobs'],
  additionalProperties: false,
  properties: {
    status: { const: 'ok' },
    ready: { type: 'boolean' },
    engine: { enum: ['embedded', 'solr'], description: 'The search engine behind the service (ENGINE)' },
    mode: { enum: ['hybrid', 'lexical'] },
    model: {
      oneOf: [
        { type: 'null' },
        { type: 'object', required: ['id', 'dimension'], additionalProperties: false, properties: { id: { type: 'string' }, dimension: { type: 'integer' } } },
      ],
    },
    documents: { type: 'integer' },
    passages: { type: 'integer' },
    vectors: { type: 'integer' },
    vectorsMissing: {
      type: 'integer',
      description: 'With a model loaded: passages without its vector (an index built before the model was installed; `npm run reindex` embeds them). When no passage has one, `mode` is lexical.',
    },
    jobs: { type: 'object', required: ['queued', 'running'], properties: { queued: { type: 'integer' }, running: { type: 'integer' } } },
  },
};

const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: '#/components/responses/Error' }]));
const bearer = [{ apiKey: [] }];

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'vn-docsearch',
    version: '0.1.0',
    description:
      'Search Vietnamese Party and state documents by topic; every result cites its document, section and character offsets. ' +
      'With ENGINE=solr (a SolrCloud collection instead of the index folder) every endpoint answers as here (similar documents lexical only).',
  },
  components: {
    schemas: {
      Error: error,
      SearchResponse: searchResponse,
      StoredDocument: storedDocument,
      Reference: reference,
      LinkedDocument: linkedDocument,
      References: references,
      CitedBy: citedBy,
      Relations: relationsSchema,
      Job: job,
      Health: health,
      Suggestions: suggestions,
      Similar: similar,
    },
    responses: { Error: json({ $ref: '#/components/schemas/Error' }, 'An error, with a stable code and a message for people') },
    securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A key from the API_KEYS environment variable' } },
  },
  paths: {
    '/api/search': {
      get: {
        summary: 'Search passages, with an extractive answer that cites them',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description:
              'The query. Syntax: `"sinh hoạt chi bộ"` an exact phrase (diacritics ignored when typed without them, exact when typed with them; “…” also quote), `-word` and `-"phrase"` leave out passages containing them, `A OR B` (upper-case) finds either alternative; everything else is ranked as words. An unclosed quote, or a query of only exclusions, is a 400 query_syntax; one of punctuation or symbols only is a 400 query_without_words',
            schema: { type: 'string', maxLength: 2000 },
          },
          { name: 'k', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
          {
            name: 'mode',
            in: 'query',
            description: 'Without a loaded model, dense and hybrid run lexically and the response carries a `notice` saying so',
            schema: { enum: ['hybrid', 'lexical', 'dense'] },
          },
          {
            name: 'exact',
            in: 'query',
            description: 'Search exactly as typed: no Telex/VNI reading (`correctedQuery`) and no restored diacritics (`suggestedQuery`); any other value than 0, 1, true, false is a 400 invalid_parameter',
            schema: { enum: ['0', '1', 'true', 'false'], default: '0' },
          },
          {
            name: 'kind',
            in: 'query',
            description: `Document kind, diacritics and case ignored; any other value is a 400 invalid_kind listing these: ${DOCUMENT_KINDS.join(', ')}`,
            schema: { type: 'string' },
          },
          { name: 'issuer', in: 'query', description: 'Part of the issuing body, diacritics ignored', schema: { type: 'string' } },
          { name: 'from', in: 'query', description: 'Documents dated on or after (YYYY-MM-DD); a day that does not exist (2025-02-30), or a `from` after `to`, is a 400 invalid_date', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', description: 'Documents dated on or before (YYYY-MM-DD); see `from`', schema: { type: 'string', format: 'date' } },
          { name: 'number', in: 'query', description: 'Document number, e.g. "22-NQ/TW"', schema: { type: 'string' } },
          { name: 'author', in: 'query', description: 'Part of the author or speaker, diacritics ignored', schema: { type: 'string' } },
          { name: 'signer', in: 'query', description: 'Part of the name on the signature block, diacritics ignored', schema: { type: 'string' } },
          {
            name: 'status',
            in: 'query',
            description: 'Effective validity: as the source states it, corrected by indexed documents that replace, repeal or amend it (see /api/documents/{id}/relations); documents of unknown status are left out; any other value is a 400 invalid_status',
            schema: { enum: ['in-force', 'not-yet-in-force', 'partly-in-force', 'no-longer-in-force'] },
          },
          { name: 'document', in: 'query', description: 'One document id; an id no stored document has is a 404 document_not_found', schema: { type: 'string' } },
          { name: 'term', in: 'query', description: 'Term (khóa): "XII", "12" or "khóa XII"', schema: { type: 'string' } },
          {
            name: 'facets',
            in: 'query',
            description: `Comma-separated fields to count over every matching document, returned as \`facets\`: ${FACET_FIELDS.join(', ')} (year: of the document's date; each value is also a filter value, year as from/to). Any other field is a 400 invalid_facets`,
            schema: { type: 'string', examples: ['kind,issuer,year'] },
          },
        ],
        responses: { '200': json({ $ref: '#/components/schemas/SearchResponse' }, 'Ranked passages'), ...errors(400, 404, 429) },
      },
    },
    '/api/suggest': {
      get: {
        summary: 'Autocomplete document numbers and titles',
        description:
          'Up to 10 documents whose number, in any spelling (`22-nq`, `22/NQ`, `nq 22`, `nghị quyết số 22`, `19/2023/nd`), or whose title words start with the text; diacritics optional. An empty text has no suggestions. With ENGINE=solr the catalog of numbers and titles is read again every 5 seconds.',
        parameters: [
          { name: 'q', in: 'query', required: true, description: 'The text typed so far; missing is a 400 missing_query', schema: { type: 'string', maxLength: 200 } },
          { name: 'k', in: 'query', description: 'How many suggestions at most', schema: { type: 'integer', minimum: 1, maximum: 10, default: 10 } },
        ],
        responses: { '200': json({ $ref: '#/components/schemas/Suggestions' }, 'Suggestions'), ...errors(400) },
      },
    },
    '/api/documents': {
      get: {
        summary: 'List documents with their metadata',
        responses: {
          '200': json({ type: 'object', required: ['documents'], properties: { documents: { type: 'array', items: { $ref: '#/components/schemas/StoredDocument' } } } }, 'All documents'),
        },
      },
      post: {
        summary: 'Upload documents (multipart field "file", one or more) to be ingested by a job',
        security: bearer,
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } } } },
        },
        responses: {
          '202': json({ type: 'object', required: ['job'], properties: { job: { $ref: '#/components/schemas/Job' } } }, 'Accepted; follow the job'),
          ...errors(400, 401, 403, 413, 415, 422, 429),
        },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: 'One document: metadata, stored text, passages and references',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json(
            {
              type: 'object',
              required: [...storedDocument.required, 'text', 'passages', 'references'],
              additionalProperties: false,
              properties: {
                ...storedDocument.properties,
                text: { type: 'string' },
                references: { type: 'array', items: { $ref: '#/components/schemas/Reference' } },
                passages: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'section', 'start', 'end'],
                    additionalProperties: false,
                    properties: { id: { type: 'string' }, section: nullable('string'), start: { type: 'integer' }, end: { type: 'integer' }, ...passagePage },
                  },
                },
              },
            },
            'The document',
          ),
          ...errors(404),
        },
      },
      delete: {
        summary: 'Remove a document everywhere',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json(
            { type: 'object', required: ['removed'], properties: { removed: { type: 'object', required: ['documentId', 'passages'], properties: { documentId: { type: 'string' }, passages: { type: 'integer' } } } } },
            'Removed',
          ),
          ...errors(401, 403, 404, 507),
        },
      },
    },
    '/api/documents/{id}/references': {
      get: {
        summary: 'The documents this one cites, each once with its mentions, linked to the indexed document of that number',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json({ $ref: '#/components/schemas/References' }, 'Cited documents in order of first mention'), ...errors(404) },
      },
    },
    '/api/documents/{id}/cited-by': {
      get: {
        summary: 'The indexed documents that cite this one by its number, with the citing sentences',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json({ $ref: '#/components/schemas/CitedBy' }, 'Citing documents, newest first; empty when this one has no number'), ...errors(404) },
      },
    },
    '/api/documents/{id}/relations': {
      get: {
        summary: 'Typed relations both ways (căn cứ, hướng dẫn, sửa đổi bổ sung, thay thế, bãi bỏ, thực hiện), each with the sentence stating it, and the effective validity',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json({ $ref: '#/components/schemas/Relations' }, 'Outgoing and incoming relations, in document and text order'), ...errors(404) },
      },
    },
    '/api/documents/{id}/similar': {
      get: {
        summary: 'Documents like this one (Văn bản tương tự)',
        description:
          "Lexical: the document's most distinctive index terms searched as a query; with a model, fused by reciprocal rank with the mean of its passage vectors searched in the vector index (not with ENGINE=solr, which does not give vectors back: lexical there). The document itself is never listed.",
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'k', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 5 } },
        ],
        responses: { '200': json({ $ref: '#/components/schemas/Similar' }, 'Similar documents, most similar first, each with its best matching passage'), ...errors(400, 404) },
      },
    },
    '/api/jobs/{id}': {
      get: {
        summary: 'Progress and outcome of an ingest job',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json({ type: 'object', required: ['job'], properties: { job: { $ref: '#/components/schemas/Job' } } }, 'The job'), ...errors(404) },
      },
    },
    '/api/health': {
      get: { summary: 'Readiness, mode, model and index size', responses: { '200': json({ $ref: '#/components/schemas/Health' }, 'Health') } },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
  },
} as const;
