/** From extracted text to a document ready to store: NFC, boilerplate removed, fields read, passages cut. */
import { createHash } from 'node:crypto';
import { definedAbbreviations } from './abbreviations.js';
import { readDocument } from './document-fields.js';
import { removeBoilerplate } from './boilerplate.js';
import { UserError } from './errors.js';
import { toStoredText, wordCount } from './normalize.js';
import { splitPassages } from './split.js';
import { isHardWrapped, unwrapLines } from './unwrap.js';
import type { PassageDraft, PreparedDocument, SourceFormat } from './types.js';

/** Document ids are the first 16 hex digits of the SHA-256 of the stored text: same content, same id. */
const ID_LENGTH = 16;

/**
 * Passages of the body: from its start to the closing block, and after it (annexes follow some signatures). The
 * letterhead, title block and closing block stay in the stored text but are never passages.
 */
function bodyPassages(text: string, bodyStart: number, closing: { start: number; end: number } | null): PassageDraft[] {
  if (closing === null) return splitPassages(text, bodyStart);
  const before = splitPassages(text, bodyStart, undefined, closing.start);
  const after = splitPassages(text, closing.end);
  return [...before, ...after].map((p, ordinal) => ({ ...p, ordinal }));
}

export function prepareDocument(extractedText: string, format: SourceFormat): PreparedDocument {
  // Markup and furniture lines go first, so that what remains shows whether its lines were hard-wrapped.
  const source = toStoredText(extractedText);
  const cleaned = removeBoilerplate(source);
  // PDF layers are unwrapped by their reader.
  const text = format === 'pdf' ? cleaned : unwrapLines(cleaned, { everyLine: isHardWrapped(cleaned) });
  if (wordCount(text) === 0) throw new UserError('empty_document', 'the document has no text content');
  const contentHash = createHash('sha256').update(text).digest('hex');
  const { bodyStart, closing, references, ...fields } = readDocument(text, source);
  let passages = bodyPassages(text, bodyStart, closing);
  // A document that is only a title still deserves to be found.
  if (passages.length === 0) passages = splitPassages(text, 0);
  if (passages.length === 0) throw new UserError('empty_document', 'the document has no text content');
  return {
    id: contentHash.slice(0, ID_LENGTH),
    contentHash,
    format,
    ...fields,
    text,
    passages,
    references,
    abbreviations: definedAbbreviations(text),
  };
}
