/**
 * What the body of a legal text says about the text itself, for files that lack its letterhead: the kind of a text
 * that begins inside its body (a Word file holding a decree from `Chương II` on), read off how it refers to itself
 * (`Nghị định này`, 59 times in Nghị định 100/2019/NĐ-CP), and the enacting formula that closes the preamble
 * (`Chính phủ ban hành Nghị định sửa đổi, bổ sung …`), which names the issuing body. Both are parts of every legal
 * normative text as the official drafting forms lay it out (preamble, enacting formula, chapters and articles). And
 * the caption of its appendices, which repeats its number, date and issuer (`(Kèm theo Hướng dẫn số 40-HD/BTGDVTW,
 * ngày 27/11/2025 của Ban Tuyên giáo và Dân vận Trung ương)`).
 */
import { findDate } from './dates.js';
import { kindOfWords, NUMBER_PATTERN, type DocumentKind } from './references.js';
import { sentenceCaseBody, type TextLine } from './text-lines.js';

/**
 * A legal division opening the text: `Chương II`, `Mục 1`, `Phần thứ hai`, `Điều 5.`, or a point or clause of one
 * (`g) Thực hiện …`, `15. Ngoài …`: a scan of a decree's later pages begins inside an article).
 */
const DIVISION_OPENING = /^(?:(?:Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLC\d]+(?![\p{L}\p{N}])|(?:Phần|PHẦN)\s+(?:thứ|THỨ)\s|Điều\s+\d+[.:]|[a-zđ]\)\s|\d{1,2}\.\s)/u;
const ARTICLE = /^Điều\s+\d+[a-z]?[.:]/u;
/** How a legal text names itself: its kind followed by `này` (`Điều này`, `khoản này` name its parts, not it). */
const SELF_REFERENCE = /(?<![\p{L}])(Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Quy chế|Quy định) này(?![\p{L}])/gu;
/** A kind must name the text this often before it is taken: one mention may be a quoted provision. */
const MIN_SELF_REFERENCES = 3;

/**
 * The kind of a text whose first line is a legal division and which has numbered articles, by the kind it calls
 * itself most often; null for any other text (a title block, a letterhead or a headline comes first).
 */
export function fragmentKind(lines: TextLine[]): DocumentKind | null {
  if (!lines[0] || !DIVISION_OPENING.test(lines[0].text)) return null;
  if (!lines.some((l) => ARTICLE.test(l.text))) return null;
  const counts = new Map<string, number>();
  for (const l of lines) for (const m of l.text.matchAll(SELF_REFERENCE)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= MIN_SELF_REFERENCES ? kindOfWords(best[0]) : null;
}

/** Bodies that enact in their own name; a person's office (`Bộ trưởng …`) is read from the letterhead instead. */
const ENACTING_BODY = /^(Chính phủ|Thủ tướng Chính phủ|Quốc hội|(?:Ủy|Uỷ) ban [Tt]hường vụ Quốc hội|Hội đồng nhân dân(?: [^.;,]{1,60}?)?|(?:Ủy|Uỷ) ban nhân dân(?: [^.;,]{1,60}?)?) ban hành (\p{L}+(?: \p{L}+)?)/u;
/** Lines of the preamble the enacting formula follows. */
const PREAMBLE = /^(Căn cứ|Theo đề nghị|Xét|Thực hiện)/u;

/**
 * The body that enacts the text, from the enacting formula right after the preamble: `Chính phủ ban hành Nghị định
 * sửa đổi …` gives `Chính phủ`. Only when the formula's kind is the text's own `kind` and it cites no number (a news
 * lead `Chính phủ ban hành Nghị quyết số 07/2025/NQ-CP …` reports another text). Searched from line `from`.
 */
export function enactingIssuer(lines: TextLine[], from: number, kind: DocumentKind | null): string | null {
  let i = from;
  while (i < lines.length && !PREAMBLE.test(lines[i]!.text)) {
    if (i - from > 3) return null;
    i++;
  }
  while (i < lines.length && PREAMBLE.test(lines[i]!.text)) i++;
  const line = lines[i]?.text ?? '';
  const m = ENACTING_BODY.exec(line);
  if (!m || kind === null || kindOfWords(m[2]!) !== kind) return null;
  if (new RegExp(`ban hành ${m[2]}\\s+(số|\\d)`, 'u').test(line)) return null;
  return m[1]!;
}

/** Authority lines that name a body (a person's office, `CHỦ TỊCH …`, `BỘ TRƯỞNG …`, is read from the letterhead). */
const AUTHORITY_BODY = /^(QUỐC HỘI|CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|(?:ỦY|UỶ) BAN THƯỜNG VỤ QUỐC HỘI|HỘI ĐỒNG NHÂN DÂN(?: .+)?|(?:ỦY|UỶ) BAN NHÂN DÂN(?: .+)?)$/u;

/**
 * The body named by the enacting authority line over the preamble (`QUỐC HỘI` over `Căn cứ Hiến pháp …`), in
 * sentence case (`Quốc hội`, `Thủ tướng Chính phủ`); null for an office held by a person or no line.
 */
export function authorityIssuer(authority: string | null | undefined): string | null {
  const caps = authority?.replace(/\s+/g, ' ').trim() ?? '';
  return AUTHORITY_BODY.test(caps) ? sentenceCaseBody(caps) : null;
}

/** An appendix caption on a line of its own: `(Kèm theo Quyết định số 2629/QĐ-TTg ngày 01 tháng 12 năm 2025 của …)`. */
const ANNEX_CAPTION = new RegExp(
  `^[*_\\s]*\\(\\s*(?:[Bb]an hành\\s+)?[Kk]èm theo\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Ll}+)?)\\s+số\\s*:?\\s*(${NUMBER_PATTERN})\\s*,?\\s*(ngày\\s+[\\d/.\\-]+|ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4})(?:\\s+của\\s+([^)]{2,120}?))?\\s*\\)`,
  'gmu',
);
/** A body named in full in a caption; an office (`Chủ tịch …`) or an abbreviation (`UBND`) is left to other readers. */
const CAPTION_BODY = /^(Ban|Bộ|Ủy ban|Uỷ ban|Hội đồng|Chính phủ|Thủ tướng Chính phủ|Quốc hội|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Văn phòng)(?![\p{L}])/u;

export interface AnnexCaption {
  number: string;
  /** ISO date. */
  date: string | null;
  issuer: string | null;
}

/**
 * Number, date and issuer of the text from the caption of its own appendix: the first caption that names a text of
 * the document's `kind` (an appendix of another kind, `Kèm theo Báo cáo số …`, belongs to a cited text). Null when
 * there is none.
 */
export function annexCaption(text: string, kind: DocumentKind | null): AnnexCaption | null {
  if (kind === null) return null;
  for (const m of text.matchAll(ANNEX_CAPTION)) {
    if (kindOfWords(m[1]!) !== kind) continue;
    const body = m[4]?.replace(/\s+/g, ' ').trim() ?? null;
    // `của Ủy ban nhân dân tỉnh` leaves the place out: not a name in full.
    const complete = body !== null && !/\p{Lu}{2,}/u.test(body) && !/(?:^|\s)(tỉnh|thành phố|Thành phố|huyện|quận|xã|phường)$/u.test(body);
    const issuer = complete && CAPTION_BODY.test(body) ? body : null;
    return { number: m[2]!, date: findDate(m[3]!), issuer };
  }
  return null;
}
