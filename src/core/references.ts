import { findDate } from './dates.js';

/**
 * Vietnamese document numbers and the references a text makes to other documents, normalised so that
 * `Chỉ thị 05 của Bộ Chính trị`, `Chỉ thị số 05-CT/TW` and `05-CT/TW` name the same document.
 */

export type DocumentKind =
  | 'nghị quyết'
  | 'chỉ thị'
  | 'kết luận'
  | 'quy định'
  | 'quy chế'
  | 'hướng dẫn'
  | 'quyết định'
  | 'nghị định'
  | 'thông tư'
  | 'kế hoạch'
  | 'thông báo'
  | 'báo cáo'
  | 'luật'
  | 'công văn'
  | 'công điện'
  | 'thông tri'
  | 'tờ trình'
  | 'đề án'
  | 'chương trình'
  | 'tham luận'
  | 'phát biểu'
  | 'bài viết';

/** Type codes inside document numbers (`22-NQ/TW`, `19/2023/NĐ-CP`). */
const CODE_KIND: Record<string, DocumentKind> = {
  NQ: 'nghị quyết',
  CT: 'chỉ thị',
  KL: 'kết luận',
  QĐi: 'quy định',
  QC: 'quy chế',
  HD: 'hướng dẫn',
  QĐ: 'quyết định',
  NĐ: 'nghị định',
  TT: 'thông tư',
  KH: 'kế hoạch',
  TB: 'thông báo',
  BC: 'báo cáo',
  CV: 'công văn',
  CĐ: 'công điện',
  TTr: 'tờ trình',
  CTr: 'chương trình',
  ĐA: 'đề án',
};

const KIND_CODE = Object.fromEntries(Object.entries(CODE_KIND).map(([code, kind]) => [kind, code])) as Partial<Record<DocumentKind, string>>;

/** Words that name a kind at the start of a reference, longest first. */
const KIND_WORDS: [RegExp, DocumentKind][] = [
  [/^nghị quyết/iu, 'nghị quyết'],
  [/^chỉ thị/iu, 'chỉ thị'],
  [/^kết luận/iu, 'kết luận'],
  [/^quy định/iu, 'quy định'],
  [/^quy chế/iu, 'quy chế'],
  [/^hướng dẫn/iu, 'hướng dẫn'],
  [/^quyết định/iu, 'quyết định'],
  [/^nghị định/iu, 'nghị định'],
  [/^thông tư/iu, 'thông tư'],
  [/^kế hoạch/iu, 'kế hoạch'],
  [/^luật/iu, 'luật'],
  [/^thông báo/iu, 'thông báo'],
  [/^báo cáo/iu, 'báo cáo'],
  [/^công văn/iu, 'công văn'],
  [/^công điện/iu, 'công điện'],
  [/^thông tri/iu, 'thông tri'],
  [/^tờ trình/iu, 'tờ trình'],
  [/^đề án/iu, 'đề án'],
  [/^chương trình/iu, 'chương trình'],
];

export function kindOfWords(words: string): DocumentKind | null {
  return KIND_WORDS.find(([re]) => re.test(words.normalize('NFC').replace(/\s+/g, ' ')))?.[1] ?? null;
}

/**
 * Party numbers `22-NQ/TW`, `296-QC/BCSĐ-ĐUBKH`, `15-CV/VPTW`; state numbers `19/2023/NĐ-CP`, `2820/QĐ-UBND`,
 * `01/2025/NQ-UBTVQH15`, `22/2024/TT-BGDĐT`; National Assembly numbers `33/2024/QH15`, `1211/2016/UBTVQH13`.
 * Source: Nghị định 30/2020/NĐ-CP (số, ký hiệu văn bản) and Hướng dẫn 36-HD/VPTW (Party documents).
 */
const CODE = '[A-ZĐ][A-ZĐa-zđ]{0,3}';
/** Issuer parts, joined by `-`; a part may join two units with `&` (`BNV-CTTN&BĐG`). */
const ISSUER = '[A-ZĐƯ][A-ZĐƯa-zđ0-9]*(?:&[A-ZĐƯ][A-ZĐƯa-zđ0-9]*)?(?:-[A-ZĐƯ][A-ZĐƯa-zđ0-9]*(?:&[A-ZĐƯ][A-ZĐƯa-zđ0-9]*)?)*';
const ASSEMBLY = '[A-ZĐ]{2,8}\\d{1,2}(?![\\p{L}\\d-])';
/** Government numbers before 2001 had no slash: `25-CP`, `388-HĐBT`, `299-TTg`. */
const OLD_GOVERNMENT = '(?:CP|HĐBT|TTg)(?![\\p{L}\\d/-])';
export const NUMBER_PATTERN = `\\d{1,5}(?:[-–]${CODE}\\/${ISSUER}|[-–]${OLD_GOVERNMENT}|(?:\\.\\d{1,2})?(?:\\/\\d{4})?\\/${CODE}-${ISSUER}|\\/\\d{4}\\/${ASSEMBLY})`;
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}/-])${NUMBER_PATTERN}`, 'gu');

/**
 * Parts of numbers written without their Đ (keyboards without Vietnamese input) or in the wrong case, and their
 * written form: `ND-CP` is `NĐ-CP`, `TT-BGDDT` is `TT-BGDĐT`, `QĐ-TTG` is `QĐ-TTg`.
 */
const CANONICAL_PART: Record<string, string> = {
  ND: 'NĐ',
  QD: 'QĐ',
  QDI: 'QĐi',
  QĐI: 'QĐi',
  QDNS: 'QĐNS',
  HDND: 'HĐND',
  BGDDT: 'BGDĐT',
  BCSD: 'BCSĐ',
  BCD: 'BCĐ',
  DU: 'ĐU',
  DUK: 'ĐUK',
  TTG: 'TTg',
  TTR: 'TTr',
};

/** A document number in its written form: upper case but for `TTg`, `TTr`, `QĐi`; `Đ` restored; `–` read as `-`. */
export function canonicalNumber(number: string): string {
  return (
    number
      .replace(/–/gu, '-')
      // A central Party number typed in the state order (`126/KL-TW`) is `126-KL/TW` (Hướng dẫn 36-HD/VPTW).
      .replace(/^(\d+)\/([A-ZĐ][A-ZĐa-zđ]{0,3})-TW$/u, '$1-$2/TW')
      .split(/([-/&])/u)
      .map((part) => {
        if (part === '-' || part === '/' || part === '&' || /^\d+$/u.test(part)) return part;
        const upper = part.toUpperCase();
        return CANONICAL_PART[upper] ?? (/^(TTg|TTr|QĐi|CTr)$/u.test(part) ? part : upper);
      })
      .join('')
  );
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, numeral] of ROMAN) for (; n >= value; n -= value) out += numeral;
  return out;
}

/** `khóa XII`, `khoá 12`, `(khóa XI, XII)` → `XII`, `XII`, `XI, XII`. */
export function normaliseTerm(raw: string): string {
  return raw
    .split(/\s*,\s*/)
    .map((t) => (/^\d+$/.test(t) ? toRoman(Number(t)) : t.toUpperCase()))
    .join(', ');
}

/** Kind named by a document number's type code. */
export function kindOfNumber(number: string): DocumentKind | null {
  const party = /^\d+-([^/]+)\//u.exec(number);
  const state = /\/([^/-]+)-[^/]+$/u.exec(number);
  // In Party numbering QĐ is a regulation (quy định); in state numbering a decision (quyết định).
  if (party?.[1] === 'QĐ') return 'quy định';
  // Likewise TT is a circular (thông tri) in Party numbering, a ministry circular (thông tư) in state numbering.
  if (party?.[1] === 'TT') return 'thông tri';
  const code = party?.[1] ?? state?.[1];
  return code ? (CODE_KIND[code] ?? null) : null;
}

/** Document numbers in a text, in their written form (canonicalNumber), with the offsets of the words as written. */
export function findNumbers(text: string): { number: string; start: number; end: number }[] {
  return [...text.matchAll(NUMBER)].map((m) => ({ number: canonicalNumber(m[0]), start: m.index, end: m.index + m[0].length }));
}

export interface Reference {
  /** Normalised key: the full number when known (`05-CT/TW`), else kind, short number and term. */
  key: string;
  kind: DocumentKind | null;
  number: string | null;
  issuer: string | null;
  term: string | null;
  /** ISO date the reference gives, if any. */
  date: string | null;
  /** The words as written, `text === document.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

/** A reference with exactly the fields above, whatever else the object carries (a stored row, parsed JSON). */
export const pickReference = (r: Reference): Reference => ({
  key: r.key,
  kind: r.kind,
  number: r.number,
  issuer: r.issuer,
  term: r.term,
  date: r.date,
  text: r.text,
  start: r.start,
  end: r.end,
});

/** Central issuers whose documents are numbered `…/TW`. */
const CENTRAL = /^(Bộ Chính trị|Ban Bí thư|BCH Trung ương|Ban Chấp hành Trung ương|BCHTW|Trung ương)/iu;

/**
 * Words that follow a number when it counts time rather than names a document: `Kế hoạch 5 năm`, `kế hoạch 60
 * ngày`. A year or a date after `năm` / `ngày` dates a document instead (`Nghị định 100 năm 2019`,
 * `Nghị quyết 18 ngày 25/10/2017`).
 */
const COUNTED_TIME = '(?:năm(?!\\s+\\d{4}(?![-–]))|tháng(?!\\s+\\d)|ngày(?!\\s+\\d)|tuần|giờ|phút|quý)(?![\\p{L}])';
/** Counted nouns: only after a small number (`Quy định 366 tiêu chí đánh giá` names Quy định 366). */
const COUNTED_THINGS =
  '(?:lần|kỳ|người|đảng viên|cán bộ|nhiệm vụ|giải pháp|mẫu|thủ tục|nguyên tắc|phương thức|nội dung|bước|loại|nhóm|tiêu chí|tiêu chuẩn|lĩnh vực|chỉ tiêu|văn bản|triệu|tỷ|nghìn|ngàn|trường hợp|đối tượng|vấn đề|hình thức|yêu cầu|mục tiêu|chương trình|dự án|đơn vị|xã|phường|tỉnh|huyện|cơ quan|tổ chức|thành viên|%|km|ha)(?![\\p{L}])';

const REFERENCE = new RegExp(
  [
    // A kind word starting a word, and a law not the second half of a word (`kỷ luật 853 đảng viên` is no law).
    '(?<![\\p{L}\\p{N}])(Nghị quyết|Chỉ thị|Kết luận|Quy định|Quy chế(?: phối hợp)?|Hướng dẫn|Quyết định|Nghị định|Thông tư|Kế hoạch|(?<!(?:kỷ|pháp|sắc|bộ|dự|vi phạm) )Luật)',
    // number on the same line: full, or a short one (not a count, not a year), or a Central Committee plenum
    // (a full number may be wrapped onto the next line: `Nghị quyết số` / `57-NQ/TW`)
    `(?:\\s+số)?(?:\\s+(${NUMBER_PATTERN})|[ \\t\\u00A0]+(?:(?!(?:19|20)\\d\\d(?!\\d))(\\d{1,4})(?![\\d/–-]|[.,]\\d|\\s+${COUNTED_TIME})(?!(?<=(?<!\\d)\\d{1,2})\\s+${COUNTED_THINGS})|((?:Hội nghị )?Trung ương \\d{1,2})))`,
    // issuer
    "(?:,?\\s+của\\s+(Bộ Chính trị|Ban Bí thư|BCH Trung ương(?: Đảng)?|Ban Chấp hành Trung ương(?: Đảng)?|Chính phủ|Thủ tướng Chính phủ|Quốc hội|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng ủy Khối[\\p{L} ]{0,40}?))?",
    // term: `khóa X`, `(khóa XI, XII)`, `, khoá 12`
    '(?:,?\\s*\\(?(?:khóa|khoá)\\s+((?:[IVXLC]+|\\d{1,2})(?:\\s*,\\s*(?:[IVXLC]+|\\d{1,2}))*)\\)?)?',
    // date: `ngày 20/6/2013`; or the year of a short form: `Nghị định 100 năm 2019`
    '(?:,?\\s+ngày\\s+(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4})|\\s+năm\\s+((?:19|20)\\d\\d)(?![\\d–-]))?',
  ].join(''),
  // Case-insensitive: queries and running text write `chỉ thị 05 của Bộ Chính trị` in any case.
  'giu',
);

function referenceKey(kind: DocumentKind | null, number: string | null, short: string | null, plenum: string | null, term: string | null): string {
  if (number) return number;
  const head = [kind ?? 'văn bản', plenum ? plenum.replace(/^(?:hội nghị )?trung ương/iu, 'Trung ương') : short].join(' ');
  return term ? `${head} khóa ${term}` : head;
}

/** The year from which government decrees carry their year in their number (`N/YYYY/NĐ-CP`). */
const DECREE_NUMBERING_SINCE = 2004;

/** The number a full document number starts with: `202` of `202/2025/QH15`, `5` of `05-CT/TW`. */
const leadingNumber = (number: string): number => Number(/^\d+/u.exec(number)![0]);

/**
 * Every reference the text makes to another document, in order, each once per place. A short form
 * (`Nghị quyết 202`) is completed when the same text gives one full number of that kind starting so
 * (`Nghị quyết số 202/2025/QH15`), or, for central Party bodies, from its issuer (`Chỉ thị 05 của Bộ Chính trị`).
 */
export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  const shorts = new Map<Reference, string>();
  const covered: [number, number][] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const [, kindWords, writtenNumber, shortNumber, plenum, issuer, term, date, year] = m;
    const kind = kindOfWords(kindWords!);
    const fullNumber = writtenNumber ? canonicalNumber(writtenNumber) : undefined;
    const normTerm = term ? normaliseTerm(term) : null;
    const number =
      fullNumber ??
      // Government decrees are numbered `N/YYYY/NĐ-CP` (Nghị định 30/2020/NĐ-CP, phụ lục I): `Nghị định 100 năm 2019`.
      (shortNumber && year && kind === 'nghị định' && Number(year) >= DECREE_NUMBERING_SINCE ? `${shortNumber}/${year}/NĐ-CP` : null);
    const text_ = (year ? m[0].replace(/\s+năm\s+\d{4}$/u, '') : m[0]).replace(/[\s,(]+$/u, '');
    const ref: Reference = {
      key: referenceKey(kind, number, shortNumber ?? null, plenum ?? null, normTerm),
      kind,
      number,
      issuer: issuer ?? null,
      term: normTerm,
      date: date ? findDate(date) : null,
      text: text_,
      start: m.index,
      end: m.index + text_.length,
    };
    refs.push(ref);
    if (shortNumber) shorts.set(ref, shortNumber);
    covered.push([m.index, m.index + text_.length]);
  }
  // Bare numbers (`theo 22-NQ/TW`) not already inside a named reference.
  for (const n of findNumbers(text)) {
    if (covered.some(([s, e]) => n.start >= s && n.end <= e)) continue;
    // `text` is as written (`22/NQ-TW`); the canonical form (`22-NQ/TW`) is `number`.
    const written = text.slice(n.start, n.end);
    refs.push({ key: n.number, kind: kindOfNumber(n.number), number: n.number, issuer: null, term: null, date: null, text: written, start: n.start, end: n.end });
  }
  completeShortForms(refs, shorts);
  return refs.sort((a, b) => a.start - b.start);
}

/** Short forms given their full number when the text cites exactly one document of that kind starting so. */
function completeShortForms(refs: Reference[], shorts: Map<Reference, string>): void {
  const full = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!r.number) continue;
    const kinds = new Set([r.kind, kindOfNumber(r.number)].filter((k): k is DocumentKind => k !== null));
    for (const kind of kinds) {
      const key = `${kind} ${leadingNumber(r.number)}`;
      full.set(key, (full.get(key) ?? new Set()).add(r.number));
    }
  }
  for (const [r, short] of shorts) {
    if (r.number !== null || !r.kind) continue;
    // A reference with a term (`Nghị quyết 18 khóa XII`) is completed only from its issuer.
    const candidates = r.term === null ? full.get(`${r.kind} ${Number(short)}`) : undefined;
    // Else a short number of a central document can be completed: `Chỉ thị 05 của Bộ Chính trị` is 05-CT/TW.
    const code = KIND_CODE[r.kind];
    const central = r.issuer && CENTRAL.test(r.issuer) && code ? `${short.padStart(2, '0')}-${code}/TW` : null;
    const number = candidates?.size === 1 ? [...candidates][0]! : central;
    if (number === null) continue;
    r.number = number;
    r.key = number;
  }
}

/** Kinds whose state numbers carry their year (`202/2025/QH15`, `73/2025/NĐ-CP`, `78/2021/TT-BTC`). */
const YEAR_NUMBERED = new Set<DocumentKind>(['nghị quyết', 'nghị định', 'thông tư', 'luật']);

/** How the store can recognise a document a query names: exact keys, and prefixes for numbers given short. */
export interface ReferencePattern {
  /** Full numbers (`05-CT/TW`) for the documents themselves. */
  numbers: string[];
  /** Citation keys, exact. */
  keys: string[];
  /** Citation keys, by prefix (`05-CT/` for `Chỉ thị 05`; `nghị quyết Trung ương 4` for any term). */
  prefixes: string[];
}

/** The documents a query names by number (`22-NQ/TW`, `Chỉ thị 05`, `Nghị quyết Trung ương 4 khóa XII`), if any. */
export function referencePattern(query: string): ReferencePattern | null {
  const refs = findReferences(query.replace(new RegExp(NUMBER_PATTERN, 'giu'), canonicalNumber));
  if (refs.length === 0) return null;
  const pattern: ReferencePattern = { numbers: [], keys: [], prefixes: [] };
  for (const r of refs) {
    if (r.number) {
      pattern.numbers.push(r.number);
      pattern.keys.push(r.number);
      continue;
    }
    pattern.keys.push(r.key);
    const short = /^\S+(?: \S+)? (\d{1,4})$/u.exec(r.key)?.[1];
    const code = r.kind ? KIND_CODE[r.kind] : undefined;
    if (short && code) pattern.prefixes.push(`${short.padStart(2, '0')}-${code}/`);
    if (r.term === null) pattern.prefixes.push(r.key);
    // Texts complete their short forms from the full number they give (`Nghị quyết 202` → 202/2025/QH15): state
    // numbers `68/NQ-CP`, `05/CT-TTg`, and those carrying a year, `202/2025/QH15`, `73/2025/NĐ-CP`.
    if (short && r.term === null) {
      const forms = new Set([short, String(Number(short)), String(Number(short)).padStart(2, '0')]);
      for (const n of forms) {
        if (code) pattern.prefixes.push(`${n}/${code}-`);
        if (r.kind && YEAR_NUMBERED.has(r.kind)) pattern.prefixes.push(`${n}/20`);
      }
    }
  }
  return pattern;
}
