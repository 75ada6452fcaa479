/**
 * The term (khóa) of a document, from the document itself only: a term printed on its issuing body line, the
 * National Assembly suffix of its own number (`…/QH15` → `XV`), or, for central Party bodies, the term in force at
 * its date (each Congress elects a new Central Committee: IX 2001-04-22, X 2006-04-25, XI 2011-01-19, XII
 * 2016-01-28, XIII 2021-02-01, XIV 2026-01-23). Never from a citation in the body.
 */
import { fold } from './normalize.js';
import { toRoman } from './references.js';

const CENTRAL_TERMS: [string, string][] = [
  ['2026-01-23', 'XIV'],
  ['2021-02-01', 'XIII'],
  ['2016-01-28', 'XII'],
  ['2011-01-19', 'XI'],
  ['2006-04-25', 'X'],
  ['2001-04-22', 'IX'],
];

/** Central Party bodies: Central Committee, Politburo, Secretariat, central departments, Inspection Commission, Office. */
const CENTRAL_BODY = /^(ban chap hanh trung uong|bo chinh tri|ban bi thu|ban .{2,40} trung uong( dang)?|uy ban kiem tra trung uong|van phong trung uong)/u;

export function isCentralPartyBody(issuer: string): boolean {
  return CENTRAL_BODY.test(fold(issuer.normalize('NFC')).replace(/\s+/g, ' ').trim());
}

/** The Central Committee's term in force on an ISO date, or null before 2001-04-22. */
export function centralTermAt(isoDate: string): string | null {
  return CENTRAL_TERMS.find(([from]) => isoDate >= from)?.[1] ?? null;
}

export interface TermSources {
  /** Term printed on the issuing body line, if any. */
  bodyTerm: string | null;
  /** The document's own number. */
  number: string | null;
  issuer: string | null;
  date: string | null;
}

/** The document's term by the rules above, or null. */
export function documentTerm({ bodyTerm, number, issuer, date }: TermSources): string | null {
  if (bodyTerm) return bodyTerm;
  const qh = number ? /\/QH(\d{1,2})$/u.exec(number) : null;
  if (qh) return toRoman(Number(qh[1]));
  if (issuer && date && isCentralPartyBody(issuer)) return centralTermAt(date);
  return null;
}
