/** Metadata filters of a search: which documents may answer it. Applied before ranking, never after truncation. */
import { fold } from './normalize.js';
import { normaliseTerm } from './references.js';
import type { DocumentFields, DocumentStatus } from './types.js';

export interface SearchFilters {
  kind?: string;
  /** Part of the issuing body's name, diacritics ignored. */
  issuer?: string;
  /** ISO dates, inclusive; documents without a date are left out when either is given. */
  from?: string;
  to?: string;
  number?: string;
  /** Part of the author's name, diacritics ignored. */
  author?: string;
  /** Part of the signer's name (formal documents' signature block), diacritics ignored. */
  signer?: string;
  /** Exactly this validity; documents whose status is unknown (null) are left out. */
  status?: DocumentStatus;
  document?: string;
  /** Khóa: `XII`, `12` or `khóa XII`; a document of several terms (`XI, XII`) matches each of them. */
  term?: string;
}

export const FILTER_NAMES = ['kind', 'issuer', 'from', 'to', 'number', 'author', 'signer', 'status', 'document', 'term'] as const;

/** Every validity a document may state, in the order a person reads them (the `status` filter's values). */
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['in-force', 'not-yet-in-force', 'partly-in-force', 'no-longer-in-force'];

/** The status a filter value names, or null when it names none (values are exact: `no-longer-in-force`). */
export const parseStatus = (value: string): DocumentStatus | null => DOCUMENT_STATUSES.find((s) => s === value.trim()) ?? null;

const TERM = /^(?:kh(?:oa|óa|oá)\s+)?([ivxlc]+|\d{1,2})$/iu;

/** A term as documents store it (`XII`), from what a person types (`khoá 12`, `xii`); null when it is not a term. */
export function parseTerm(value: string): string | null {
  const m = TERM.exec(value.normalize('NFC').trim());
  return m ? normaliseTerm(m[1]!) : null;
}

export function hasFilters(f: SearchFilters): boolean {
  return FILTER_NAMES.some((name) => f[name] !== undefined && f[name] !== '');
}

const termsOf = (term: string | null) => term?.split(/\s*,\s*/) ?? [];

const contains = (value: string | null, part: string) => value !== null && fold(value.normalize('NFC')).includes(fold(part.normalize('NFC')));

export function matchesFilters(id: string, d: DocumentFields, f: SearchFilters): boolean {
  if (f.document && id !== f.document) return false;
  if (f.kind && fold(d.kind) !== fold(f.kind.normalize('NFC'))) return false;
  if (f.number && d.number?.toLowerCase() !== f.number.toLowerCase()) return false;
  if (f.issuer && !contains(d.issuer, f.issuer)) return false;
  if (f.author && !contains(d.author, f.author)) return false;
  if (f.signer && !contains(d.signer, f.signer)) return false;
  if (f.status && d.status !== f.status) return false;
  if (f.term && !termsOf(d.term).includes(parseTerm(f.term) ?? f.term)) return false;
  if ((f.from || f.to) && d.date === null) return false;
  if (f.from && d.date! < f.from) return false;
  if (f.to && d.date! > f.to) return false;
  return true;
}
