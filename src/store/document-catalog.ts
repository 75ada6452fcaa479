/**
 * The catalog of documents by number and title, in memory: built at open from the store (one read of the metadata
 * columns) and kept up to date by the index handle's writes. It answers two questions:
 * - which stored documents a query names by number, whatever the spelling (src/core/document-identity.ts), and
 * - autocomplete: documents whose number or title starts with what was typed (diacritics optional), up to 10.
 */
import { identityMatches, identityOfDocument, type DocumentIdentity } from '../core/document-identity.js';
import { tokenize } from '../core/normalize.js';
import { kindOfNumber } from '../core/references.js';
import { PrefixKeys } from './prefix-keys.js';

export interface CatalogDocument {
  id: string;
  number: string | null;
  title: string | null;
  kind: string;
  term: string | null;
  date: string | null;
}

export interface Suggestion {
  /** What to show and put in the search box: the document number, or the title. */
  label: string;
  documentId: string;
  kind: 'number' | 'title';
  /** The other of number and title, for a second line; null when the document has none. */
  detail: string | null;
}

interface Entry {
  doc: CatalogDocument;
  /** Read when first needed (src/core/document-identity.ts identityOfDocument); undefined until then. */
  identity?: DocumentIdentity | null;
  /** Distinct folded title syllables. */
  titleWords: string[];
  /** Folded title syllables between spaces, ` nghi quyet ve ... `, to test candidates quickly. */
  words: string;
  alive: boolean;
}

/** Most suggestions one request returns (GET /api/suggest, npm run suggest). */
export const MAX_SUGGESTIONS = 10;
/** Longest text autocompleted: a number or the start of a title. */
export const MAX_SUGGEST_LENGTH = 200;

/** Candidates a title suggestion examines at most: bounds the time of a query of common words only. */
const MAX_EXAMINED = 20_000;
/** Longest title label; longer titles end with `…`. */
const MAX_LABEL = 160;

/** Folded, separators to single spaces: `22-NQ/TW` → `22 nq tw`, `Nghị quyết số 22` → `nghi quyet so 22`. */
export function suggestKey(text: string): string {
  return tokenize(text.normalize('NFC'))
    .map((t) => t.text)
    .join(' ');
}

/** suggestKey of the few distinct type codes and kind words, computed once each. */
const wordKeys = new Map<string, string>();
function wordKey(words: string): string {
  let key = wordKeys.get(words);
  if (key === undefined) wordKeys.set(words, (key = suggestKey(words)));
  return key;
}

/** The sequence number a document number starts with, without leading zeros (`05-CT/TW` → `5`), or null. */
function sequenceOf(number: string | null): string | null {
  const m = number ? /^\d+/u.exec(number) : null;
  return m ? String(Number(m[0])) : null;
}

/**
 * Number keys of a document: its number as written, type code first (`nq 22`), kind words first (`nghi quyet 22`).
 * Read off the canonical number with two patterns (Party `22-NQ/TW`, state `19/2023/NĐ-CP`), not the full
 * identity parser: this runs for every document at open.
 */
function numberKeys(doc: CatalogDocument): string[] {
  const sequence = sequenceOf(doc.number);
  if (!doc.number || sequence === null) return [];
  const written = suggestKey(doc.number);
  const keys = new Set([written, written.replace(/^0+(?=\d)/u, '')]);
  const code = /^\d+-([^/]+)\//u.exec(doc.number)?.[1] ?? /\/([^/\d-][^/-]*)-[^/]+$/u.exec(doc.number)?.[1];
  if (code) keys.add(`${wordKey(code)} ${sequence}`);
  keys.add(`${wordKey(kindOfNumber(doc.number) ?? doc.kind)} ${sequence}`);
  return [...keys];
}

const titleWords = (title: string | null): string[] => (title ? [...new Set(suggestKey(title).split(' '))].filter(Boolean) : []);

export class DocumentCatalog {
  private readonly entries: Entry[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly byNumber = new Map<string, number[]>();
  private numbers = new PrefixKeys();
  private words = new PrefixKeys();

  /** A catalog of these documents, newest first inside each key. */
  static build(docs: Iterable<CatalogDocument>): DocumentCatalog {
    const catalog = new DocumentCatalog();
    // Code-unit order of ISO dates and ids: as good as locale order here, and 50 times quicker.
    const before = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...docs].sort((a, b) => before(b.date ?? '', a.date ?? '') || before(a.id, b.id));
    const numbers = new Map<string, number[]>();
    const words = new Map<string, number[]>();
    const push = (map: Map<string, number[]>, key: string, slot: number) => {
      const list = map.get(key);
      if (list) list.push(slot);
      else map.set(key, [slot]);
    };
    for (const doc of sorted) {
      const slot = catalog.addEntry(doc);
      const entry = catalog.entries[slot]!;
      for (const key of numberKeys(doc)) push(numbers, key, slot);
      for (const word of entry.titleWords) push(words, word, slot);
    }
    catalog.numbers = PrefixKeys.build(numbers);
    catalog.words = PrefixKeys.build(words);
    return catalog;
  }

  get size(): number {
    return this.slotOf.size;
  }

  private addEntry(doc: CatalogDocument): number {
    const slot = this.entries.length;
    const distinct = titleWords(doc.title);
    this.entries.push({ doc, titleWords: distinct, words: ` ${distinct.join(' ')} `, alive: true });
    this.slotOf.set(doc.id, slot);
    const sequence = sequenceOf(doc.number);
    if (sequence !== null) {
      const list = this.byNumber.get(sequence);
      if (list) list.push(slot);
      else this.byNumber.set(sequence, [slot]);
    }
    return slot;
  }

  private identityAt(slot: number): DocumentIdentity | null {
    const entry = this.entries[slot]!;
    if (entry.identity === undefined) entry.identity = identityOfDocument(entry.doc);
    return entry.identity;
  }

  /** Adds (or replaces) a document. */
  add(doc: CatalogDocument): void {
    this.remove(doc.id);
    const slot = this.addEntry(doc);
    const entry = this.entries[slot]!;
    for (const key of numberKeys(doc)) this.numbers.add(key, slot);
    for (const word of entry.titleWords) this.words.add(word, slot);
  }

  /** Forgets a document (its keys stay, pointing at a dead slot that lookups skip). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.entries[slot]!.alive = false;
    this.slotOf.delete(id);
  }

  /** For each identity (src/core/document-identity.ts parseIdentities), the stored documents it names, newest first. */
  named(identities: DocumentIdentity[]): string[][] {
    return identities.map((identity) =>
      (this.byNumber.get(identity.number) ?? [])
        .filter((slot) => {
          const other = this.identityAt(slot);
          return this.entries[slot]!.alive && other !== null && identityMatches(identity, other);
        })
        .map((slot) => this.entries[slot]!)
        .sort((a, b) => ((b.doc.date ?? '') < (a.doc.date ?? '') ? -1 : (b.doc.date ?? '') > (a.doc.date ?? '') ? 1 : 0))
        .map((e) => e.doc.id),
    );
  }

  /** A stored document's own number, or null. */
  numberOf(id: string): string | null {
    const slot = this.slotOf.get(id);
    return slot === undefined ? null : this.entries[slot]!.doc.number;
  }

  /** A stored document's identity, or null when it has no number or is not in the catalog. */
  identityOf(id: string): DocumentIdentity | null {
    const slot = this.slotOf.get(id);
    return slot === undefined ? null : this.identityAt(slot);
  }

  /**
   * Up to `limit` documents whose number (in any spelling of src/core/document-identity.ts's forms: `22-nq`, `nq 22`,
   * `nghị quyết 22`) or title words start with the typed text, diacritics optional: numbers first when the text has a
   * digit, then titles holding every typed word, the last one as a prefix; newest first within a key.
   */
  suggest(typed: string, limit = MAX_SUGGESTIONS): Suggestion[] {
    const key = suggestKey(typed).replace(/^(\S+(?: \S+)?) so (?=\d)/u, '$1 ');
    if (key === '' || limit <= 0) return [];
    const out: Suggestion[] = [];
    const seen = new Set<number>();
    const take = (slot: number, kind: Suggestion['kind']): boolean => {
      const entry = this.entries[slot]!;
      if (!entry.alive || seen.has(slot)) return out.length >= limit;
      seen.add(slot);
      const { doc } = entry;
      out.push(
        kind === 'number'
          ? { label: doc.number!, documentId: doc.id, kind, detail: doc.title }
          : { label: shorten(doc.title!), documentId: doc.id, kind, detail: doc.number },
      );
      return out.length >= limit;
    };
    if (/\d/u.test(key)) {
      for (const [, slots] of this.numbers.withPrefix(key)) for (const slot of slots) if (take(slot, 'number')) return out;
    }
    this.suggestTitles(key, (slot) => take(slot, 'title'));
    return out;
  }

  /** Calls `take` with each document whose title holds every word of `key`, the last as a prefix, until it says stop. */
  private suggestTitles(key: string, take: (slot: number) => boolean): void {
    const words = key.split(' ');
    const prefix = words.pop()!;
    const whole = [...new Set(words)];
    const holds = (slot: number) => {
      const w = this.entries[slot]!.words;
      return whole.every((word) => w.includes(` ${word} `)) && w.includes(` ${prefix}`);
    };
    // Walk the smallest list: the rarest whole word's documents, or those of the words the prefix starts.
    let rarest: readonly number[] | null = null;
    for (const word of whole) {
      const slots = this.words.exact(word);
      if (rarest === null || slots.length < rarest.length) rarest = slots;
    }
    let examined = 0;
    if (rarest !== null && rarest.length <= this.words.countPrefix(prefix, rarest.length + 1)) {
      for (const slot of rarest) if (++examined > MAX_EXAMINED || (holds(slot) && take(slot))) return;
      return;
    }
    for (const [, slots] of this.words.withPrefix(prefix)) for (const slot of slots) if (++examined > MAX_EXAMINED || (holds(slot) && take(slot))) return;
  }
}

function shorten(title: string): string {
  const oneLine = title.replace(/\s+/gu, ' ').trim();
  return oneLine.length <= MAX_LABEL ? oneLine : `${oneLine.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}
