/** From extracted text to a document ready to store: NFC, boilerplate removed, front matter read, passages cut. */
import { createHash } from 'node:crypto';
import { definedAbbreviations } from './abbreviations.js';
import { extractDocumentMetadata } from './document-metadata.js';
import { removeBoilerplate } from './boilerplate.js';
import { UserError } from './errors.js';
import { extractFrontMatter } from './metadata.js';
import { toStoredText, wordCount } from './normalize.js';
import { splitPassages } from './split.js';
import { isHardWrapped, unwrapLines } from './unwrap.js';
import type { PreparedDocument, SourceFormat } from './types.js';

/** Document ids are the first 16 hex digits of the SHA-256 of the stored text: same content, same id. */
const ID_LENGTH = 16;

export function prepareDocument(extractedText: string, format: SourceFormat): PreparedDocument {
  // Markup and furniture lines go first, so that what remains shows whether its lines were hard-wrapped.
  const cleaned = removeBoilerplate(toStoredText(extractedText));
  // PDF layers are unwrapped by their reader.
  const text = format === 'pdf' ? cleaned : unwrapLines(cleaned, { everyLine: isHardWrapped(cleaned) });
  if (wordCount(text) === 0) throw new UserError('empty_document', 'the document has no text content');
  const contentHash = createHash('sha256').update(text).digest('hex');
  const front = extractFrontMatter(text);
  let passages = splitPassages(text, front.bodyStart);
  // A document that is only a title still deserves to be found.
  if (passages.length === 0) passages = splitPassages(text, 0);
  if (passages.length === 0) throw new UserError('empty_document', 'the document has no text content');
  const { formalTitle, references, ...fields } = extractDocumentMetadata(text, front.title);
  return {
    id: contentHash.slice(0, ID_LENGTH),
    contentHash,
    format,
    title: formalTitle ?? front.title,
    date: front.date,
    ...fields,
    signer: null,
    signerTitle: null,
    onBehalfOf: null,
    status: null,
    text,
    passages,
    references,
    abbreviations: definedAbbreviations(text),
  };
}
