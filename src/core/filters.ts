/** Metadata filters of a search: which documents may answer it. Applied before ranking, never after truncation. */
import { fold } from './normalize.js';
import { type DocumentKind, normaliseTerm } from './references.js';
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

/** Every kind a document may have (src/core/references.ts DocumentKind): a Record so the compiler checks the list is whole. */
const KINDS: Record<DocumentKind, true> = {
  'nghị quyết': true,
  'chỉ thị': true,
  'kết luận': true,
  'quy định': true,
  'quy chế': true,
  'hướng dẫn': true,
  'quyết định': true,
  'nghị định': true,
  'thông tư': true,
  'kế hoạch': true,
  'thông báo': true,
  'báo cáo': true,
  luật: true,
  'công văn': true,
  'công điện': true,
  'thông tri': true,
  'tờ trình': true,
  'đề án': true,
  'chương trình': true,
  'tham luận': true,
  'phát biểu': true,
  'bài viết': true,
};

/** The `kind` filter's values, as documents store them. */
export const DOCUMENT_KINDS = Object.keys(KINDS) as DocumentKind[];

/** The kind a filter value names, diacritics and case ignored (`nghi quyet` → `nghị quyết`); null when none. */
export function parseKind(value: string): DocumentKind | null {
  const folded = fold(value.normalize('NFC').trim().replace(/\s+/g, ' '));
  return DOCUMENT_KINDS.find((k) => fold(k) === folded) ?? null;
}

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
