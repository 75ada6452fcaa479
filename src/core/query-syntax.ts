/**
 * The query syntax people who search legal and Party documents expect (as on legal portals and web search engines):
 * - `"sinh hoạt chi bộ"`: an exact phrase, required: its syllables in this order within one sentence, punctuation
 *   between them ignored; matched on folded text (`"sinh hoat chi bo"` finds `sinh hoạt chi bộ`), accent-exact when
 *   typed with any diacritic (`"Đảng ủy"` does not find `đang ủy`). Typographic quotes `“…”` work as `"…"`.
 * - `-word` and `-"a phrase"`: passages containing it are left out (same folded / accent-exact rule).
 * - `A OR B` (upper-case OR between words): alternatives, each a query of its own words and phrases; a passage
 *   matches when it matches any of them. Exclusions apply to every alternative.
 * Everything else is ranked as before: a query without this syntax comes back with `text` equal to it, unchanged.
 *
 * Pure. A query that cannot be read (an unclosed quote; only exclusions, so nothing to search for) throws
 * UserError `query_syntax`, which the API answers with a 400.
 */
import { UserError } from './errors.js';
import { hasDiacritics, tokenize, toneKey } from './normalize.js';

/** A phrase to find or to exclude, in the forms matching needs. */
export interface QueryPhrase {
  /** As typed (NFC), without its quotes or minus sign. */
  text: string;
  /** Folded syllables (i/y unified), in order. */
  folded: string[];
  /** True when typed with a diacritic: then each syllable must match by tone key (`keys`), not only folded. */
  accentExact: boolean;
  /** Tone keys of the syllables (src/core/normalize.ts toneKey), in order. */
  keys: string[];
}

export interface QueryAlternative {
  /** The alternative's words and phrase words, as typed, for ranking. */
  text: string;
  /** Phrases a passage must all contain to match this alternative. */
  phrases: QueryPhrase[];
}

export interface ParsedQuery {
  /** What ranking reads: the alternatives' texts joined by spaces; the query itself when it uses no syntax. */
  text: string;
  /** One when the query has no `OR`. */
  alternatives: QueryAlternative[];
  /** Words and phrases no matching passage may contain. */
  excluded: QueryPhrase[];
}

const OPEN_QUOTES = '"“„';
const CLOSE_OF: Record<string, string> = { '"': '"', '“': '”', '„': '“' };
const WORDLIKE = /[\p{L}\p{N}]/u;

/** A phrase's matching forms; null when it has no syllable (`""`, `"…"`). */
export function queryPhrase(text: string): QueryPhrase | null {
  const nfc = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const tokens = tokenize(nfc);
  if (tokens.length === 0) return null;
  return {
    text: nfc,
    folded: tokens.map((t) => t.text),
    accentExact: hasDiacritics(nfc),
    keys: tokens.map((t) => toneKey(nfc.slice(t.start, t.end))),
  };
}

interface Part {
  kind: 'word' | 'phrase' | 'or';
  text: string;
  negated: boolean;
}

/** Splits the query into words, quoted phrases (maybe negated) and OR separators; throws on an unclosed quote. */
function parts(query: string): Part[] {
  const out: Part[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && /\s/u.test(query[i]!)) i++;
    if (i >= query.length) break;
    const negated = query[i] === '-' && i + 1 < query.length && (OPEN_QUOTES.includes(query[i + 1]!) || WORDLIKE.test(query[i + 1]!));
    const at = negated ? i + 1 : i;
    const open = query[at]!;
    if (OPEN_QUOTES.includes(open)) {
      const close = CLOSE_OF[open]!;
      // A straight quote closes a typographic one too: phones mix them.
      let end = at + 1;
      while (end < query.length && query[end] !== close && query[end] !== '"' && !(open === '"' && query[end] === '”')) end++;
      if (end >= query.length) {
        throw new UserError('query_syntax', `the query has an unclosed quotation mark: close the phrase that starts at "${query.slice(at, at + 30)}" or remove the quote`);
      }
      out.push({ kind: 'phrase', text: query.slice(at + 1, end), negated });
      i = end + 1;
      continue;
    }
    let end = at;
    while (end < query.length && !/\s/u.test(query[end]!) && !OPEN_QUOTES.includes(query[end]!)) end++;
    const text = query.slice(at, end);
    out.push({ kind: !negated && text === 'OR' ? 'or' : 'word', text, negated });
    i = end;
  }
  return out;
}

/** True when the query uses any of the syntax (a quote, a `-word`, an `OR`). */
const usesSyntax = (ps: Part[]) => ps.some((p) => p.kind !== 'word' || p.negated);

/**
 * Reads a query (NFC, trimmed) into its ranking text, alternatives with their required phrases, and exclusions.
 * Throws UserError `query_syntax` for an unclosed quote or a query with nothing left to search for.
 */
export function parseQuery(query: string): ParsedQuery {
  const ps = parts(query);
  if (!usesSyntax(ps)) return { text: query, alternatives: [{ text: query, phrases: [] }], excluded: [] };
  const excluded: QueryPhrase[] = [];
  const groups: Part[][] = [[]];
  for (const p of ps) {
    if (p.kind === 'or') groups.push([]);
    else if (p.negated) {
      const phrase = queryPhrase(p.text);
      if (phrase) excluded.push(phrase);
    } else groups.at(-1)!.push(p);
  }
  const alternatives: QueryAlternative[] = [];
  for (const group of groups) {
    const phrases = group.flatMap((p) => (p.kind === 'phrase' ? [queryPhrase(p.text)].filter((x) => x !== null) : []));
    const text = group
      .map((p) => (p.kind === 'phrase' ? p.text.trim() : p.text))
      .filter((t) => WORDLIKE.test(t))
      .join(' ');
    // `a OR OR b`, a trailing OR, `""`: nothing to add, left out rather than refused.
    if (text !== '') alternatives.push({ text, phrases });
  }
  if (alternatives.length === 0) {
    throw new UserError(
      'query_syntax',
      excluded.length > 0
        ? 'the query only excludes words (-word): add a word or a "phrase" to search for'
        : 'the query has no words to search for outside its syntax (quotes, OR)',
    );
  }
  return { text: alternatives.map((a) => a.text).join(' '), alternatives, excluded };
}

/** True when the parsed query asks more of a passage than ranking does: a phrase to contain or a word to avoid. */
export function constrainsPassages(q: ParsedQuery): boolean {
  return q.excluded.length > 0 || q.alternatives.some((a) => a.phrases.length > 0);
}
