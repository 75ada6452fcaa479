/**
 * The citation graph around one document, as pure functions over stored citations: what it cites, one entry per
 * cited document however often it is mentioned, and the sentence around each mention of it in another document.
 */
import type { Reference } from './references.js';
import { splitSentences, type Span } from './sentences.js';
import type { DocumentFields } from './types.js';

/** An indexed document a citation resolves to. */
export type LinkedDocument = { id: string } & DocumentFields;

/** Words of a text with their offsets in its document: `text === document.text.slice(start, end)`. */
export interface Quote extends Span {
  text: string;
}

export interface CitedDocument extends Pick<Reference, 'key' | 'kind' | 'number' | 'issuer' | 'term' | 'date'> {
  /** The indexed document numbered `key`, or null when the index does not hold it. */
  document: LinkedDocument | null;
  mentions: Quote[];
}

export interface CitingMention extends Quote {
  /** The sentence holding the mention, in the citing document's text. */
  sentence: Quote;
}

export interface CitingDocument {
  document: LinkedDocument;
  mentions: CitingMention[];
}

/**
 * One entry per cited key, in order of first mention; a field one mention leaves out (`Chỉ thị 05-CT/TW` after
 * `Chỉ thị 05-CT/TW của Bộ Chính trị`) is taken from another.
 */
export function groupReferences(references: Reference[], byNumber: ReadonlyMap<string, LinkedDocument>): CitedDocument[] {
  const groups = new Map<string, CitedDocument>();
  for (const r of references) {
    const group = groups.get(r.key) ?? { key: r.key, kind: null, number: null, issuer: null, term: null, date: null, document: byNumber.get(r.key) ?? null, mentions: [] };
    group.kind ??= r.kind;
    group.number ??= r.number;
    group.issuer ??= r.issuer;
    group.term ??= r.term;
    group.date ??= r.date;
    group.mentions.push({ text: r.text, start: r.start, end: r.end });
    groups.set(r.key, group);
  }
  return [...groups.values()];
}

/** The sentence of `text` around [start, end); a mention running across sentence ends gets the line around it. */
export function sentenceAround(text: string, start: number, end: number): Quote {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  const span = splitSentences(text, lineStart, lineEnd).find((s) => s.start <= start && end <= s.end) ?? { start: lineStart, end: lineEnd };
  return { text: text.slice(span.start, span.end), start: span.start, end: span.end };
}
