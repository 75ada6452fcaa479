/**
 * What a document is, read off its cleaned text the way a clerk reads it: for formal documents the legal-portal
 * field table, the letterhead, the title block and the closing block; for articles the headline, the date stamp and
 * the byline. Gives the document fields, where the body starts, the spans that are never passages (header and
 * closing lines stay in the stored text), and the documents it cites.
 */
import { articleKind, findAuthor } from './article-byline.js';
import { readClosingBlock, type ClosingBlock } from './closing-block.js';
import { issuerByLaw } from './issuer-by-law.js';
import { annexCaption, authorityIssuer, enactingIssuer, fragmentKind } from './legal-body.js';
import { readLetterhead, type Letterhead } from './letterhead.js';
import { extractFrontMatter, findPublicationDate } from './metadata.js';
import { fold } from './normalize.js';
import { documentTerm, enactingTerm } from './party-terms.js';
import { readPortalFields } from './portal-fields.js';
import { findReferences, kindOfNumber, kindOfWords, type Reference } from './references.js';
import { readTitleBlock, type TitleBlock } from './title-block.js';
import { sentenceCaseBody, textLines, type TextLine } from './text-lines.js';
import type { DocumentFields } from './types.js';

export interface DocumentReading extends DocumentFields {
  /** Offset where the body starts (after letterhead, title block, field table, or an article's headline and stamps). */
  bodyStart: number;
  /** The closing block's span, which lies inside the body but is not body text; null when there is none. */
  closing: { start: number; end: number } | null;
  references: Reference[];
}

const CENTRAL = /^(BỘ CHÍNH TRỊ|BAN BÍ THƯ|BAN CHẤP HÀNH TRUNG ƯƠNG( ĐẢNG)?)$/u;
/** Organs that only exist inside the body of the letterhead (`T/M BAN THƯỜNG VỤ` of `Đảng ủy xã An Phú`). */
const SUB_ORGAN = /^(BAN THƯỜNG VỤ|THƯỜNG TRỰC|BAN CHẤP HÀNH|BAN CÁN SỰ ĐẢNG|ĐẢNG ĐOÀN)$/u;

/**
 * The issuer from the letterhead, completed by the `CỦA …` line and the `T/M …` line: a central body named there
 * outranks a Central Committee letterhead (`Bộ Chính trị`); a sub-organ (`Ban Thường vụ`) is named with the
 * letterhead's body; a `T/M` body that the letterhead names in full (`ỦY BAN NHÂN DÂN`) adds nothing.
 */
export function resolveIssuer(letterhead: Letterhead | null, of: string | null, behalf: string | null): string | null {
  const head = letterhead?.issuer ?? null;
  const headIsCentral = head === null || /^Ban Chấp hành Trung ương/u.test(head);
  for (const c of [of, behalf]) {
    const caps = c?.replace(/\s+/g, ' ').trim().replace(/^ĐẢNG$/u, '');
    if (caps && CENTRAL.test(caps) && headIsCentral) return sentenceCaseBody(caps);
  }
  const b = behalf?.replace(/\s+/g, ' ').trim() ?? null;
  if (b && head && SUB_ORGAN.test(b) && !fold(head).startsWith(fold(sentenceCaseBody(b)))) return `${sentenceCaseBody(b)} ${head}`;
  if (head) return head;
  return b && /^(BAN|BỘ|ỦY BAN|HỘI ĐỒNG|ĐẢNG ỦY|TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY|CHÍNH PHỦ|QUỐC HỘI)(?![\p{L}\p{N}])/u.test(b) ? sentenceCaseBody(b) : null;
}

/** A legal portal's own headline for the document, on the line after its field table (when the letterhead is missing). */
function portalHeadline(lines: TextLine[], after: number): string | null {
  const line = lines.find((l) => l.start >= after);
  return line && line.text.split(' ').length <= 40 && !/[.;:]$/u.test(line.text) ? line.text : null;
}

const skipSpace = (text: string, at: number) => {
  while (at < text.length && /\s/u.test(text[at]!)) at++;
  return at;
};

/**
 * Reads fields, body start, closing span and references of a cleaned (stored) text. `sourceText` is the NFC text
 * before cleaning, when known: a page's publication line may sit among the furniture that cleaning drops.
 */
export function readDocument(text: string, sourceText: string = text): DocumentReading {
  const lines = textLines(text);
  const portal = readPortalFields(lines);
  const letterhead = readLetterhead(lines);
  const afterHead = letterhead ? lines.findIndex((l) => l.start >= letterhead.end) : 0;
  let title: TitleBlock | null = null;
  if (afterHead !== -1 && (letterhead || portal === null)) title = readTitleBlock(lines, afterHead, letterhead?.subject ?? null);
  // A legal text cut to begin inside its body (`Chương II`) is still that text, of the kind it calls itself.
  const fragment = letterhead === null && title === null && portal === null ? fragmentKind(lines) : null;
  const formal = letterhead !== null || title !== null || portal !== null || fragment !== null;
  const bodyFrom = title ? title.next : afterHead === -1 ? lines.length : afterHead;
  const closing: ClosingBlock | null = readClosingBlock(lines, formal ? bodyFrom : 0, formal);

  const front = extractFrontMatter(text);
  const printedNumber = letterhead?.number ?? portal?.number ?? null;
  const signer = closing?.signer ?? portal?.signer ?? null;
  const kind = formal
    ? (title?.kind ?? fragment ?? (printedNumber ? kindOfNumber(printedNumber) : null) ?? (portal?.kindWords ? kindOfWords(portal.kindWords) : null) ?? (letterhead?.subject ? 'công văn' : null) ?? 'bài viết')
    : articleKind(front.title, lines.slice(0, 5).map((l) => l.text));
  // An extract without its letterhead still carries its number, date and issuer in its appendix caption.
  const annex = formal && printedNumber === null ? annexCaption(text, kind) : null;
  const number = printedNumber ?? annex?.number ?? null;
  // A formal document's date is its own place-and-date line (or the portal's field, or its appendix caption); the
  // first date of its text may be a meeting's or a cited document's.
  const date = letterhead?.date ?? portal?.date ?? (formal ? (annex?.date ?? null) : (findPublicationDate(text) ?? findPublicationDate(sourceText) ?? front.date));
  const issuer = formal
    ? (resolveIssuer(letterhead, title?.of ?? null, closing?.onBehalfOfCaps ?? null) ??
      portal?.issuedBy ??
      authorityIssuer(title?.authority) ??
      (title ? enactingIssuer(lines, title.next, kind) : null) ??
      annex?.issuer ??
      issuerByLaw(kind))
    : null;
  const headerEnd = Math.max(letterhead?.end ?? 0, title?.end ?? 0, portal?.end ?? 0);
  const bodyStart = formal ? skipSpace(text, headerEnd) : front.bodyStart;
  const trimmed = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    title: title?.title ?? (letterhead || fragment ? null : portal ? portalHeadline(lines, portal.end) : front.title),
    date,
    kind,
    number,
    issuer,
    term: formal ? documentTerm({ bodyTerm: letterhead?.term ?? null, enactedTerm: enactingTerm(text), number, issuer, date }) : null,
    author: formal ? signer : findAuthor(text, trimmed),
    signer: formal ? signer : null,
    signerTitle: formal ? (closing?.signerTitle ?? null) : null,
    onBehalfOf: formal ? (closing?.onBehalfOf ?? null) : null,
    status: portal?.status ?? null,
    bodyStart,
    closing: formal && closing && closing.start >= bodyStart ? { start: closing.start, end: closing.end } : null,
    references: findReferences(text).filter((r) => r.number === null || r.number !== number),
  };
}
