/**
 * The term (khóa) of a document, from the document itself only: a term printed on its issuing body line, the
 * National Assembly suffix of its own number (`…/QH15` → `XV`), or, for central Party bodies, the term in force at
 * its date (each Congress elects a new Central Committee: IX 2001-04-22, X 2006-04-25, XI 2011-01-19, XII
 * 2016-01-28, XIII 2021-02-01, XIV 2026-01-23), or the enacting line that closes a resolution or law of an elected
 * body (`Nghị quyết này đã được Hội đồng nhân dân thành phố Hà Nội khóa XVI, kỳ họp thứ 28 thông qua ngày …`).
 * Never from a citation in the body.
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

/**
 * The enacting line of a resolution, law or ordinance: a paragraph opening with its own kind (`Nghị quyết này`,
 * `Luật này`, `Nghị quyết được`: no number, so not a citation) passed by an elected body of a named term. Lines may
 * be hard-wrapped. The Vietnamese legislative drafting form (Luật Ban hành văn bản quy phạm pháp luật, mẫu văn bản)
 * closes every such text this way.
 */
const ENACTING_LINE =
  /^[*_\s]*(?:Nghị quyết|Luật|Bộ luật|Pháp lệnh)(?:\s+này)?(?:\s+đã)?\s+được\s+(?:Hội đồng nhân dân|HĐND|Quốc hội|Ủy ban [Tt]hường vụ Quốc hội|Uỷ ban [Tt]hường vụ Quốc hội)[^.;]{0,120}?\s+kh[oó][áa]\s+([XVIL]+)(?![\p{L}\p{N}])[^.;]{0,80}?\bthông qua\b/gimu;

/** The term named by the document's own enacting line (the last one, as it closes the text), or null. */
export function enactingTerm(text: string): string | null {
  let term: string | null = null;
  for (const m of text.matchAll(ENACTING_LINE)) term = m[1]!.toUpperCase();
  return term;
}

export interface TermSources {
  /** Term printed on the issuing body line, if any. */
  bodyTerm: string | null;
  /** Term of the document's own enacting line (`… khóa XVI, kỳ họp thứ 28 thông qua`), if any. */
  enactedTerm?: string | null;
  /** The document's own number. */
  number: string | null;
  issuer: string | null;
  date: string | null;
}

/** The document's term by the rules above, or null. */
export function documentTerm({ bodyTerm, enactedTerm = null, number, issuer, date }: TermSources): string | null {
  if (bodyTerm) return bodyTerm;
  if (enactedTerm) return enactedTerm;
  const qh = number ? /\/QH(\d{1,2})$/u.exec(number) : null;
  if (qh) return toRoman(Number(qh[1]));
  if (issuer && date && isCentralPartyBody(issuer)) return centralTermAt(date);
  return null;
}
