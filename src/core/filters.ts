/** Metadata filters of a search: which documents may answer it. Applied before ranking, never after truncation. */
import { fold } from './normalize.js';
import type { DocumentFields } from './types.js';

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
  document?: string;
}

export const FILTER_NAMES = ['kind', 'issuer', 'from', 'to', 'number', 'author', 'document'] as const;

export function hasFilters(f: SearchFilters): boolean {
  return FILTER_NAMES.some((name) => f[name] !== undefined && f[name] !== '');
}

const contains = (value: string | null, part: string) => value !== null && fold(value.normalize('NFC')).includes(fold(part.normalize('NFC')));

export function matchesFilters(id: string, d: DocumentFields, f: SearchFilters): boolean {
  if (f.document && id !== f.document) return false;
  if (f.kind && fold(d.kind) !== fold(f.kind.normalize('NFC'))) return false;
  if (f.number && d.number?.toLowerCase() !== f.number.toLowerCase()) return false;
  if (f.issuer && !contains(d.issuer, f.issuer)) return false;
  if (f.author && !contains(d.author, f.author)) return false;
  if ((f.from || f.to) && d.date === null) return false;
  if (f.from && d.date! < f.from) return false;
  if (f.to && d.date! > f.to) return false;
  return true;
}
