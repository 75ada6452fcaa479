/** The lexical terms of passages, computed alike for a document being added and for stored ones being re-indexed. */
import { definedAbbreviations, documentMatcher, type AbbreviationMatcher } from '../core/abbreviations.js';
import { indexTerms } from '../core/lexical-terms.js';
import { passageHeading } from '../core/passage-context.js';
import type { PreparedDocument } from '../core/types.js';
import type { DocumentStore } from './document-store.js';
import type { PassageTerms } from './lexical-segment.js';

const words = (terms: string): string[] => (terms === '' ? [] : terms.split(' '));

function termsOf(key: number, text: string, abbreviations: AbbreviationMatcher, heading: string): PassageTerms {
  const terms = indexTerms(text, abbreviations, heading);
  return { key, folded: words(terms.folded), exact: words(terms.exact) };
}

/** Terms of a document's passages, given the keys the store gave them (in passage order). */
export function documentTerms(doc: PreparedDocument, keys: number[]): PassageTerms[] {
  const abbreviations = documentMatcher(doc.abbreviations);
  return doc.passages.map((p, i) => termsOf(keys[i]!, p.text, abbreviations, passageHeading(doc.title, p.section)));
}

/** Terms of stored passages (all, or those keyed in `keys`), read back from the store. */
export function* storedTerms(store: DocumentStore, keys: ReadonlySet<number> | null): Generator<PassageTerms> {
  // Abbreviations a document defines apply to all its passages: found once per document.
  let current = '';
  let abbreviations: AbbreviationMatcher = documentMatcher([]);
  for (const { document, passage } of store.passagesWithDocuments(keys)) {
    if (document.id !== current) {
      current = document.id;
      abbreviations = documentMatcher(definedAbbreviations(document.text));
    }
    yield termsOf(passage.key, passage.text, abbreviations, passageHeading(document.title, passage.section));
  }
}
