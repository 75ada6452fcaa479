/**
 * The letterhead of a formal Vietnamese document, read the way a clerk reads it (layout per Decree 30/2020/NĐ-CP
 * on administrative documents and Party Central Office Guidance 36-HD/VPTW on Party documents): the issuing body
 * over one or more lines with its parent (`ĐẢNG BỘ TỈNH …` / `HUYỆN ỦY …`, `BAN CHẤP HÀNH TRUNG ƯƠNG` / `BAN TỔ
 * CHỨC`, `ỦY BAN NHÂN` / `DÂN` / `THÀNH PHỐ HỒ CHÍ MINH`), the national motto (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` /
 * `Độc lập - Tự do - Hạnh phúc`) or `ĐẢNG CỘNG SẢN VIỆT NAM`, `*` and `-----` rules, `Số: …`, and the place-and-date
 * line, possibly wrapped. Two-column layouts flattened into one line are taken apart. The letterhead's lines stay in
 * the stored text; its span tells the passage splitter to leave them out.
 */
import { findDate } from './dates.js';
import { findNumbers } from './references.js';
import { isCaps, modernTone, sentenceCaseBody, type TextLine } from './text-lines.js';

export interface Letterhead {
  /** The issuing body in sentence case with its parent folded in (`Ban Tổ chức Trung ương`, `Huyện ủy Phú Lộc`). */
  issuer: string | null;
  /** The body lines as printed, parent first, each body once (wrapped fragments joined). */
  bodies: string[];
  /** Own number (`88-KL/TW`, `2820/QĐ-UBND`), or null. */
  number: string | null;
  /** Place of the place-and-date line (`Hà Nội`), or null. */
  place: string | null;
  /** ISO date of the place-and-date line, or null. */
  date: string | null;
  /** Term printed in a body line (`BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XVII` → `XVII`), or null. */
  term: string | null;
  /** `V/v …` lines of an official letter (công văn), which sit under the number, joined; else null. */
  subject: string | null;
  /** Span [start, end) of the letterhead in the stored text. */
  start: number;
  end: number;
}

const MOTTO = /C[ỘO]NG H[ÒO]A X[ÃA] H[ỘO]I CH[ỦU] NGH[ĨI]A VI[ỆE]T NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/u;
const MOTTO_2 = /Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc/iu;
const PARTY = /ĐẢNG CỘNG SẢN VIỆT NAM/u;
const ANCHORS = [MOTTO, MOTTO_2, PARTY];
/** `Số: 12/QĐ-UBND`, `Số 88-KL/TW`, `Số:10988/BNV-CQĐP`, or `Số:` alone with the number on the next line. */
const NUMBER_LINE = /^Số\s*(?::\s*|\s+(?=\d))(\S.*)?$/u;
/** `Hà Nội, ngày 12 tháng 9 năm 2022` (the place may be absent, or wrapped onto the line before). */
const PLACE_DATE = /^(?:([\p{Lu}][\p{L}.'’\- ]{0,40}?)\s*,\s*)?(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*[.;]?$/iu;
const VV = /^V\/v\b/iu;
/** Lines that start an issuing body (a new line of the letterhead's left column). */
const BODY_START =
  /^(ĐẢNG BỘ|ĐẢNG (ỦY|UỶ)|ĐẢNG ĐOÀN|(TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|XÃ|PHƯỜNG) (ỦY|UỶ)|BAN |BỘ |(ỦY|UỶ) BAN|UBND|HĐND|HỘI ĐỒNG|CHI BỘ|CHI (ỦY|UỶ)|VĂN PHÒNG|SỞ |CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|MẶT TRẬN|ĐOÀN |CÔNG AN|HỌC VIỆN|TRƯỜNG |VIỆN |CỤC |TỔNG CỤC|TÒA ÁN|KIỂM TOÁN|THƯỜNG TRỰC|LIÊN ĐOÀN|HỘI )/u;
/** Kind lines open the title block: the letterhead never runs into them. */
export const KIND_START =
  /^(NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|QUY ĐỊNH|QUY CHẾ|HƯỚNG DẪN|QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ|KẾ HOẠCH|THÔNG BÁO|BÁO CÁO|LUẬT|THÔNG TRI|TỜ TRÌNH|ĐỀ ÁN|CHƯƠNG TRÌNH|CÔNG VĂN|CÔNG ĐIỆN|LỜI KÊU GỌI|ĐIỀU LỆ|PHÁP LỆNH)(?![\p{L}\p{N}])/u;
/** How far into the text a letterhead is looked for (legal portals put a field table and a summary first). */
const MAX_SCAN_LINES = 80;
const MAX_BODY_LINES = 5;

/** An organ that names no place of its own: its parent line completes it. */
const BARE_ORGAN =
  /^(BAN (THƯỜNG VỤ|TỔ CHỨC|TUYÊN GIÁO( VÀ DÂN VẬN)?|DÂN VẬN|NỘI CHÍNH|KINH TẾ|ĐỐI NGOẠI|CHẤP HÀNH|BÍ THƯ|KIỂM TRA|CÁN SỰ ĐẢNG)|VĂN PHÒNG|ỦY BAN KIỂM TRA|THƯỜNG TRỰC|(TỈNH|HUYỆN|THÀNH|QUẬN|THỊ) ỦY|ĐẢNG ỦY)$/u;
const CENTRAL_COMMITTEE = /^BAN CHẤP HÀNH TRUNG ƯƠNG( ĐẢNG)?$/u;

/** The line with every anchor phrase cut out, and whether any was. */
function withoutAnchors(text: string): { rest: string; anchored: boolean } {
  let rest = text;
  let anchored = false;
  for (const re of ANCHORS) {
    const m = re.exec(rest);
    if (m) {
      rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
      anchored = true;
    }
  }
  return { rest: rest.replace(/\s+/g, ' ').trim(), anchored };
}

/** How many lines from i, joined, make up an anchor phrase wrapped over two or three lines (`CỘNG HÒA XÃ` / `HỘI …`). */
function wrappedAnchor(lines: TextLine[], i: number): number {
  for (let n = 2; n <= 3 && i + n <= lines.length; n++) {
    const joined = lines
      .slice(i, i + n)
      .map((l) => l.text)
      .join(' ');
    if (ANCHORS.some((re) => new RegExp(`^(?:${re.source})$`, 'iu').test(joined))) return n;
  }
  return 0;
}

/** A place-and-date line over one to three lines from i: its length in lines, place and date. */
function placeDateAt(lines: TextLine[], i: number): { n: number; place: string | null; date: string | null } | null {
  for (let n = 1; n <= 3 && i + n <= lines.length; n++) {
    const joined = lines
      .slice(i, i + n)
      .map((l) => l.text)
      .join(' ');
    const m = PLACE_DATE.exec(joined);
    if (m) return { n, place: m[1]?.trim() ?? null, date: findDate(m[2]!) };
    // Only a short place, `Hà Nội, ngày` or `ngày …` may go on over the next line.
    if (n === 1 && !/,\s*(ngày\b.*)?$|^ngày\b|^[\p{Lu}][\p{L} .]{0,30}$/u.test(joined)) return null;
  }
  return null;
}

/** Number of a `Số …` text: a canonical form when references know it, else the token as printed. */
function numberIn(text: string): string | null {
  const found = findNumbers(text)[0]?.number;
  if (found) return found;
  const token = /^[\p{L}\d][\p{L}\d./-]*\d[\p{L}\d./-]*/u.exec(text.trim())?.[0];
  return token && /\d/.test(token) && /[/-]/.test(token) ? token.replace(/[.,;]$/u, '') : null;
}

/** Issuer from the body lines, parent first: the lowest body, completed by its parent when it names no place. */
export function issuerOfBodies(bodies: string[]): string | null {
  const clean = bodies.map((b) => modernTone(b).replace(/\s*\(?KHOÁ?\s+[IVXLC\d]+\)?\s*$/iu, '').replace(/\s*KHÓA\s+[IVXLC\d]+\)?\s*$/iu, '').trim()).filter(Boolean);
  if (clean.length === 0) return null;
  let child = clean[clean.length - 1]!;
  const parent = clean[clean.length - 2];
  if (parent && BARE_ORGAN.test(child) && !CENTRAL_COMMITTEE.test(child)) {
    if (CENTRAL_COMMITTEE.test(parent)) child = child === 'VĂN PHÒNG' ? 'VĂN PHÒNG TRUNG ƯƠNG ĐẢNG' : `${child} TRUNG ƯƠNG`;
    else if (/^(TỈNH|HUYỆN|THÀNH|QUẬN|THỊ) ỦY$/u.test(child)) child = `${child} ${parent.replace(/^ĐẢNG BỘ (TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ)\s+/u, '')}`;
    else child = `${child} ${parent}`;
  }
  return sentenceCaseBody(child);
}

/** Fragments of body lines joined into bodies: a line that does not open a body continues the one before. */
function joinBodies(fragments: string[]): string[] {
  const bodies: string[] = [];
  for (const f of fragments) {
    const prev = bodies[bodies.length - 1];
    // `VĂN PHÒNG` / `CHÍNH PHỦ`: an office named after the body it serves is one body.
    const office = prev !== undefined && /(^|\s)VĂN PHÒNG$/u.test(prev) && /^(CHÍNH PHỦ|QUỐC HỘI|CHỦ TỊCH NƯỚC|TRUNG ƯƠNG)/u.test(f);
    if (prev === undefined || (BODY_START.test(modernTone(f)) && !office)) bodies.push(f);
    else bodies[bodies.length - 1] += ` ${f}`;
  }
  return bodies.map((b) => b.replace(/\s+/g, ' ').trim());
}

const isBodyFragment = (text: string) => isCaps(text) && !KIND_START.test(text) && text.split(' ').length <= 14 && !/[.;:!?]$/u.test(text);

/**
 * The letterhead among the first lines of a text, or null when there is none. A letterhead needs an anchor (the
 * motto, `ĐẢNG CỘNG SẢN VIỆT NAM`, or a body line) and a number or place-and-date line.
 */
export function readLetterhead(lines: TextLine[]): Letterhead | null {
  const scan = Math.min(lines.length, MAX_SCAN_LINES);
  for (let a = 0; a < scan; a++) {
    const first = lines[a]!;
    const isAnchor = ANCHORS.some((re) => re.test(first.text)) || wrappedAnchor(lines, a) > 0;
    const headNumber = a < 3 && (NUMBER_LINE.test(first.text) || placeDateAt(lines, a) !== null);
    if (!isAnchor && !headNumber) continue;
    const found = readFrom(lines, a);
    if (found) return found;
  }
  return null;
}

function readFrom(lines: TextLine[], anchor: number): Letterhead | null {
  // Body lines stand above the anchor (one-column layout) or on its line (two-column layout flattened).
  let start = anchor;
  while (start > 0 && anchor - start < MAX_BODY_LINES && isBodyFragment(lines[start - 1]!.text) && !ANCHORS.some((re) => re.test(lines[start - 1]!.text))) start--;
  const fragments: string[] = [];
  let number: string | null = null;
  let place: string | null = null;
  let date: string | null = null;
  const subject: string[] = [];
  let anchored = false;
  let end = start;
  let i = start;
  let awaitingNumber = false;
  while (i < lines.length && i < start + 24) {
    const text = lines[i]!.text;
    const wrapped = wrappedAnchor(lines, i);
    if (wrapped > 0) {
      anchored = true;
      i += wrapped;
      end = i;
      continue;
    }
    if (awaitingNumber) {
      awaitingNumber = false;
      const n = numberIn(text);
      if (n) {
        number = n;
        i++;
        end = i;
        continue;
      }
    }
    const numberLine = NUMBER_LINE.exec(text);
    if (numberLine && number === null) {
      const rest = numberLine[1] ?? '';
      number = numberIn(rest);
      awaitingNumber = number === null && rest === '';
      // Two columns flattened: `Số 88-KL/TW Hà Nội, ngày 12 tháng 9 năm 2022`: the date line follows the number.
      const after = number !== null && rest.includes(number) ? rest.slice(rest.indexOf(number) + number.length).trim() : '';
      const pd = date === null && after !== '' ? PLACE_DATE.exec(after) : null;
      if (pd) {
        place = pd[1]?.trim() ?? null;
        date = findDate(pd[2]!);
      }
      i++;
      end = i;
      continue;
    }
    const pd = date === null ? placeDateAt(lines, i) : null;
    if (pd) {
      place = pd.place;
      date = pd.date;
      i += pd.n;
      end = i;
      continue;
    }
    if (VV.test(text) && subject.length === 0) {
      subject.push(text);
      i++;
      // The subject of a letter wraps until it closes a sentence or the date line comes.
      while (i < lines.length && subject.length < 4 && !/[.]$/u.test(subject[subject.length - 1]!) && !placeDateAt(lines, i) && !NUMBER_LINE.test(lines[i]!.text) && !/^Kính gửi/iu.test(lines[i]!.text)) {
        subject.push(lines[i]!.text);
        i++;
      }
      end = i;
      continue;
    }
    const { rest, anchored: here } = withoutAnchors(text);
    if (here) {
      anchored = true;
      if (rest && isBodyFragment(rest) && date === null) fragments.push(rest);
      else if (rest && !isCaps(rest)) {
        // `TỈNH ĐẮK LẮK Độc lập - Tự do - Hạnh phúc`: the rest may also be a date.
        const pdRest = PLACE_DATE.exec(rest);
        if (!pdRest) break;
        place = pdRest[1]?.trim() ?? null;
        date = findDate(pdRest[2]!);
      }
      i++;
      end = i;
      continue;
    }
    if (date === null && number === null && isBodyFragment(text)) {
      fragments.push(text);
      i++;
      end = i;
      continue;
    }
    break;
  }
  if (!(number !== null || date !== null) || !(anchored || fragments.length > 0)) return null;
  const bodies = joinBodies(fragments);
  const term = bodies.map((b) => /KH[OÓ]A\s+([IVXLC]+)(?![\p{L}\p{N}])/u.exec(modernTone(b))?.[1]).find(Boolean) ?? null;
  return {
    issuer: issuerOfBodies(bodies),
    bodies,
    number,
    place,
    date,
    term,
    subject: subject.length > 0 ? subject.join(' ') : null,
    start: lines[start]!.start,
    end: lines[end - 1]!.end,
  };
}
