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

/** Party numbers `22-NQ/TW`, `296-QC/BCSĐ-ĐUBKH`; state numbers `19/2023/NĐ-CP`, `2820/QĐ-UBND`. */
const CODE = '[A-ZĐ][A-ZĐa-zđ]{0,3}';
const ISSUER = '[A-ZĐƯ][A-ZĐƯa-zđ0-9]*(?:-[A-ZĐƯ][A-ZĐƯa-zđ0-9]*)*';
export const NUMBER_PATTERN = `\\d{1,5}(?:-${CODE}\\/${ISSUER}|(?:\\/\\d{4})?\\/${CODE}-${ISSUER})`;
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}/-])${NUMBER_PATTERN}`, 'gu');

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

export function findNumbers(text: string): { number: string; start: number; end: number }[] {
  return [...text.matchAll(NUMBER)].map((m) => ({ number: m[0], start: m.index, end: m.index + m[0].length }));
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

/** Central issuers whose documents are numbered `…/TW`. */
const CENTRAL = /^(Bộ Chính trị|Ban Bí thư|BCH Trung ương|Ban Chấp hành Trung ương|BCHTW|Trung ương)/iu;

const REFERENCE = new RegExp(
  [
    '(Nghị quyết|Chỉ thị|Kết luận|Quy định|Quy chế(?: phối hợp)?|Hướng dẫn|Quyết định|Nghị định|Thông tư|Kế hoạch)',
    // number: full, or a short one, or a Central Committee plenum (`Trung ương 4`)
    `(?:\\s+số)?\\s+(?:(${NUMBER_PATTERN})|(\\d{1,4})(?![\\d/-])|((?:Hội nghị )?Trung ương \\d{1,2}))`,
    // issuer
    "(?:,?\\s+của\\s+(Bộ Chính trị|Ban Bí thư|BCH Trung ương(?: Đảng)?|Ban Chấp hành Trung ương(?: Đảng)?|Chính phủ|Thủ tướng Chính phủ|Quốc hội|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng ủy Khối[\\p{L} ]{0,40}?))?",
    // term: `khóa X`, `(khóa XI, XII)`, `, khoá 12`
    '(?:,?\\s*\\(?(?:khóa|khoá)\\s+((?:[IVXLC]+|\\d{1,2})(?:\\s*,\\s*(?:[IVXLC]+|\\d{1,2}))*)\\)?)?',
    // date: `ngày 20/6/2013`
    '(?:,?\\s+ngày\\s+(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}))?',
  ].join(''),
  // Case-insensitive: queries and running text write `chỉ thị 05 của Bộ Chính trị` in any case.
  'giu',
);

function referenceKey(kind: DocumentKind | null, number: string | null, short: string | null, plenum: string | null, term: string | null): string {
  if (number) return number;
  const head = [kind ?? 'văn bản', plenum ? plenum.replace(/^(?:hội nghị )?trung ương/iu, 'Trung ương') : short].join(' ');
  return term ? `${head} khóa ${term}` : head;
}

/** Every reference the text makes to another document, in order, each once per place. */
export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  const covered: [number, number][] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const [, kindWords, fullNumber, shortNumber, plenum, issuer, term, date] = m;
    const kind = kindOfWords(kindWords!);
    const normTerm = term ? normaliseTerm(term) : null;
    // A short number of a central document can be completed: `Chỉ thị 05 của Bộ Chính trị` is 05-CT/TW.
    const code = kind ? KIND_CODE[kind] : undefined;
    const number = fullNumber ?? (shortNumber && issuer && CENTRAL.test(issuer) && code ? `${shortNumber.padStart(2, '0')}-${code}/TW` : null);
    const text_ = m[0].replace(/[\s,(]+$/u, '');
    refs.push({
      key: referenceKey(kind, number, shortNumber ?? null, plenum ?? null, normTerm),
      kind,
      number,
      issuer: issuer ?? null,
      term: normTerm,
      date: date ? findDate(date) : null,
      text: text_,
      start: m.index,
      end: m.index + text_.length,
    });
    covered.push([m.index, m.index + text_.length]);
  }
  // Bare numbers (`theo 22-NQ/TW`) not already inside a named reference.
  for (const n of findNumbers(text)) {
    if (covered.some(([s, e]) => n.start >= s && n.end <= e)) continue;
    refs.push({ key: n.number, kind: kindOfNumber(n.number), number: n.number, issuer: null, term: null, date: null, text: n.number, start: n.start, end: n.end });
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** How the store can recognise a document a query names: exact keys, and prefixes for numbers given short. */
export interface ReferencePattern {
  /** Full numbers (`05-CT/TW`) for the documents themselves. */
  numbers: string[];
  /** Citation keys, exact. */
  keys: string[];
  /** Citation keys, by prefix (`05-CT/` for `Chỉ thị 05`; `nghị quyết Trung ương 4` for any term). */
  prefixes: string[];
}

/** Numbers as typed in a query (`22-nq/tw`) in their written case (`22-NQ/TW`; `QĐi` and `TTg` keep theirs). */
const canonicalNumber = (n: string) => n.toUpperCase().replace(/QĐI/g, 'QĐi').replace(/TTG/g, 'TTg');

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
  }
  return pattern;
}
