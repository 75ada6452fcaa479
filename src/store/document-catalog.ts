/**
 * The catalog of documents by number and title, in memory: built at open from the store (one read of the metadata
 * columns) and kept up to date by the index handle's writes. It answers two questions:
 * - which stored documents a query names by number, whatever the spelling (src/core/document-identity.ts), and
 * - autocomplete: documents whose number or title starts with what was typed (diacritics optional), up to 10.
 */
import { identityMatches, identityOfDocument, type DocumentIdentity } from '../core/document-identity.js';
import { tokenize } from '../core/normalize.js';
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
  identity: DocumentIdentity | null;
  /** Folded title syllables between spaces, ` nghi quyet ve ... `, to test candidates quickly. */
  words: string;
  alive: boolean;
}

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

/** Number keys of a document: its number as written, type code first (`nq 22`), kind words first (`nghi quyet 22`). */
function numberKeys(doc: CatalogDocument, identity: DocumentIdentity | null): string[] {
  if (!doc.number) return [];
  const written = suggestKey(doc.number);
  const keys = new Set([written, written.replace(/^0+(?=\d)/u, '')]);
  if (identity) {
    if (identity.code) keys.add(`${suggestKey(identity.code)} ${identity.number}`);
    const kind = identity.kinds?.length === 1 ? identity.kinds[0]! : doc.kind;
    keys.add(`${suggestKey(kind)} ${identity.number}`);
  }
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
    const sorted = [...docs].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
    const numbers = new Map<string, number[]>();
    const words = new Map<string, number[]>();
    const push = (map: Map<string, number[]>, key: string, slot: number) => {
      const list = map.get(key);
      if (list) list.push(slot);
      else map.set(key, [slot]);
    };
    for (const doc of sorted) {
      const slot = catalog.addEntry(doc);
      const { identity } = catalog.entries[slot]!;
      for (const key of numberKeys(doc, identity)) push(numbers, key, slot);
      for (const word of titleWords(doc.title)) push(words, word, slot);
    }
    catalog.numbers = PrefixKeys.build(numbers);
    catalog.words = PrefixKeys.build(words);
    return catalog;
  }

  get size(): number {
    return this.slotOf.size;
  }

  private addEntry(doc: CatalogDocument): number {
    const identity = identityOfDocument(doc);
    const slot = this.entries.length;
    this.entries.push({ doc, identity, words: ` ${titleWords(doc.title).join(' ')} `, alive: true });
    this.slotOf.set(doc.id, slot);
    if (identity) {
      const list = this.byNumber.get(identity.number);
      if (list) list.push(slot);
      else this.byNumber.set(identity.number, [slot]);
    }
    return slot;
  }

  /** Adds (or replaces) a document. */
  add(doc: CatalogDocument): void {
    this.remove(doc.id);
    const slot = this.addEntry(doc);
    for (const key of numberKeys(doc, this.entries[slot]!.identity)) this.numbers.add(key, slot);
    for (const word of titleWords(doc.title)) this.words.add(word, slot);
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
        .map((slot) => this.entries[slot]!)
        .filter((e) => e.alive && e.identity !== null && identityMatches(identity, e.identity))
        .sort((a, b) => (b.doc.date ?? '').localeCompare(a.doc.date ?? ''))
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
    return slot === undefined ? null : this.entries[slot]!.identity;
  }

  /**
   * Up to `limit` documents whose number (in any spelling of src/core/document-identity.ts's forms: `22-nq`, `nq 22`,
   * `nghị quyết 22`) or title words start with the typed text, diacritics optional: numbers first when the text has a
   * digit, then titles holding every typed word, the last one as a prefix; newest first within a key.
   */
  suggest(typed: string, limit = 10): Suggestion[] {
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
