/** OpenAPI schemas of the typed relations route (GET /api/documents/{id}/relations, src/store/relation-graph.ts). */

const offsets = { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } };
const quote = { type: 'object', required: ['text', 'start', 'end'], additionalProperties: false, properties: { text: { type: 'string' }, ...offsets } };
const status = { enum: ['in-force', 'not-yet-in-force', 'partly-in-force', 'no-longer-in-force', null] };
const isoDate = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

const statusChange = {
  type: 'object',
  required: ['type', 'partial', 'since', 'by', 'statedIn', 'sentence', 'start', 'end'],
  additionalProperties: false,
  properties: {
    type: { enum: ['replaces', 'repeals', 'amends'] },
    partial: { type: 'boolean' },
    since: isoDate,
    by: {
      type: 'object',
      required: ['id', 'number', 'title', 'date'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, number: { type: 'string' }, title: { type: ['string', 'null'] }, date: isoDate },
    },
    statedIn: { type: 'string', description: 'Id of the document whose text states the change' },
    sentence: { type: 'string' },
    ...offsets,
  },
};

export const validitySchema = {
  type: 'object',
  description:
    'Effective validity: the source’s own `Tình trạng` corrected by indexed documents — replaced or repealed as a whole: no-longer-in-force (endedBy says by which and since when); amended or partly replaced/repealed: partly-in-force',
  required: ['status', 'stated', 'endedBy', 'changes'],
  additionalProperties: false,
  properties: {
    status,
    stated: status,
    endedBy: { oneOf: [{ type: 'null' }, statusChange] },
    changes: { type: 'array', items: statusChange },
  },
};

const edge = {
  type: 'object',
  required: ['type', 'label', 'partial', 'since', 'other', 'sentence', 'statedIn', 'rule'],
  additionalProperties: false,
  properties: {
    type: {
      enum: ['based-on', 'guides', 'amends', 'replaces', 'repeals', 'carries-out'],
      description: 'căn cứ, hướng dẫn / quy định chi tiết, sửa đổi bổ sung, thay thế, bãi bỏ / hết hiệu lực, thực hiện / triển khai / quán triệt',
    },
    label: { type: 'string', description: 'The type in Vietnamese (`thay thế`)' },
    partial: { type: 'boolean', description: 'Only part of the target (`bãi bỏ Điều 9 …`, `sửa đổi, bổ sung một số điều …`)' },
    since: { ...isoDate, description: 'When the sentence says the change takes effect' },
    other: {
      type: 'object',
      description: 'The other document: the target of an outgoing relation, the source of an incoming one',
      required: ['number', 'document'],
      additionalProperties: false,
      properties: { number: { type: ['string', 'null'] }, document: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/LinkedDocument' }] } },
    },
    sentence: { ...quote, description: 'The sentence that states it, with its offsets in the text of `statedIn`' },
    statedIn: {
      type: 'object',
      required: ['id', 'title'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, title: { type: ['string', 'null'] } },
    },
    rule: { type: 'string', description: 'The reading rule and its source (Luật 80/2015/QH13, Nghị định 30/2020/NĐ-CP, Party practice)' },
  },
};

export const relationsSchema = {
  type: 'object',
  required: ['documentId', 'number', 'validity', 'outgoing', 'incoming'],
  additionalProperties: false,
  properties: {
    documentId: { type: 'string' },
    number: { type: ['string', 'null'], description: 'The number the document speaks for: its own, or the one its title opens with' },
    validity: validitySchema,
    outgoing: { type: 'array', description: 'What this document (or a page reporting it) says it does to others', items: edge },
    incoming: { type: 'array', description: 'What indexed documents say they (or a document they name) do to this one', items: edge },
  },
};
