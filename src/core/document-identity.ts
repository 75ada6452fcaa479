/**
 * Document identity: what a query or a stored number says about WHICH document it is, whatever the spelling.
 * `22-NQ/TW`, `22/NQ-TW`, `22 NQ TW`, `nq 22 tw`, `Nghị quyết số 22-NQ/TW`, `Nghị quyết 22 khóa X` all name
 * sequence number 22 of a resolution (NQ) of the Central Committee (TW); `19/2023/NĐ-CP`, `19/2023/ND-CP`,
 * `nđ cp 19 2023`, `Nghị định 19 năm 2023` name decree 19 of the Government (CP) of 2023. Identities from queries
 * are partial (a query may leave out the issuer, the year or the term); a stored document's is as full as its number.
 * Numbering rules: Nghị định 30/2020/NĐ-CP phụ lục I (state documents), Hướng dẫn 36-HD/VPTW (Party documents).
 */
import { fold } from './normalize.js';
import { centralTermAt } from './party-terms.js';
import { canonicalNumber, kindOfNumber, normaliseTerm, type DocumentKind } from './references.js';

export interface DocumentIdentity {
  /** Sequence number without leading zeros: `5` for `05-CT/TW`. */
  number: string;
  /** Type code as printed in numbers (`NQ`, `NĐ`, `QĐ`, `TT`, `CT`, `KL`, `QĐi`), or null when not given. */
  code: string | null;
  /** Kinds the mention can be (`QĐ` alone is a Party regulation or a state decision); null: any. */
  kinds: DocumentKind[] | null;
  /** Issuing body code (`TW`, `CP`, `TTg`, `BGDĐT`, `HĐND`, `QH15`, `BCSĐ-ĐUBKH`), or null when not given. */
  issuer: string | null;
  /** Term (khóa) in roman numerals, or null. */
  term: string | null;
  /** Year of issue, or null. */
  year: number | null;
}

/** Type codes of numbers, folded, with their printed form and the kinds they stand for. */
const CODES: Record<string, { code: string; kinds: DocumentKind[] }> = {
  nq: { code: 'NQ', kinds: ['nghị quyết'] },
  ct: { code: 'CT', kinds: ['chỉ thị'] },
  kl: { code: 'KL', kinds: ['kết luận'] },
  qdi: { code: 'QĐi', kinds: ['quy định'] },
  // Party numbering reads QĐ as a regulation and TT as a circular (thông tri); state numbering as a decision and a
  // ministry circular (thông tư): the issuer decides, when given.
  qd: { code: 'QĐ', kinds: ['quyết định', 'quy định'] },
  tt: { code: 'TT', kinds: ['thông tư', 'thông tri'] },
  qc: { code: 'QC', kinds: ['quy chế'] },
  hd: { code: 'HD', kinds: ['hướng dẫn'] },
  nd: { code: 'NĐ', kinds: ['nghị định'] },
  kh: { code: 'KH', kinds: ['kế hoạch'] },
  tb: { code: 'TB', kinds: ['thông báo'] },
  bc: { code: 'BC', kinds: ['báo cáo'] },
  cv: { code: 'CV', kinds: ['công văn'] },
  cd: { code: 'CĐ', kinds: ['công điện'] },
  ttr: { code: 'TTr', kinds: ['tờ trình'] },
  ctr: { code: 'CTr', kinds: ['chương trình'] },
  da: { code: 'ĐA', kinds: ['đề án'] },
};

/** Kind words, folded, as token sequences, longest first. */
const KIND_PHRASES: [string[], DocumentKind][] = (
  [
    ['nghi quyet', 'nghị quyết'],
    ['chi thi', 'chỉ thị'],
    ['ket luan', 'kết luận'],
    ['quy dinh', 'quy định'],
    ['quy che', 'quy chế'],
    ['huong dan', 'hướng dẫn'],
    ['quyet dinh', 'quyết định'],
    ['nghi dinh', 'nghị định'],
    ['thong tu', 'thông tư'],
    ['ke hoach', 'kế hoạch'],
    ['thong bao', 'thông báo'],
    ['bao cao', 'báo cáo'],
    ['cong van', 'công văn'],
    ['cong dien', 'công điện'],
    ['thong tri', 'thông tri'],
    ['to trinh', 'tờ trình'],
    ['de an', 'đề án'],
    ['chuong trinh', 'chương trình'],
    ['luat', 'luật'],
  ] as [string, DocumentKind][]
).map(([words, kind]) => [words.split(' '), kind]);

/**
 * Issuer codes that may follow a type code after a space (`22 NQ TW`, `nđ cp`): written in capitals, carrying a
 * term digit (`qh15`), or one of these common ones typed in lower case.
 */
const SPACED_ISSUERS = new Set(['tw', 'cp', 'ttg', 'ubnd', 'hdnd', 'qh', 'ubtvqh', 'vptw', 'btctw', 'ubkttw', 'tu', 'hu', 'du', 'duk', 'bgddt', 'btc', 'byt', 'bnv', 'bca', 'bqp', 'bct', 'btp', 'bkhdt', 'bldtbxh', 'btnmt', 'bxd', 'bgtvt', 'bnnptnt', 'bvhttdl', 'btttt', 'bkhcn', 'nhnn', 'vpcp']);

/** Words after which a number counts time, not a document (`kế hoạch 5 năm`). */
const COUNTED = new Set(['nam', 'thang', 'ngay', 'tuan', 'gio', 'phut', 'quy', 'lan', 'ky']);

/** Bodies named after `của` whose numbers end in these issuer codes. */
const NAMED_ISSUERS: [string[], string][] = [
  [['bo', 'chinh', 'tri'], 'TW'],
  [['ban', 'bi', 'thu'], 'TW'],
  [['ban', 'chap', 'hanh', 'trung', 'uong'], 'TW'],
  [['bch', 'trung', 'uong'], 'TW'],
  [['bchtw'], 'TW'],
  [['trung', 'uong'], 'TW'],
  [['thu', 'tuong'], 'TTg'],
  [['chinh', 'phu'], 'CP'],
  [['quoc', 'hoi'], 'QH'],
];

interface Token {
  /** Folded text. */
  f: string;
  /** Text as written (same offsets: folding keeps length). */
  o: string;
  /** The separator before it: `-`, `/`, `&`, ` ` (anything else), or '' at the start. */
  sep: string;
  /** Offsets in the NFC text. */
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const nfc = text.normalize('NFC');
  const folded = fold(nfc);
  const out: Token[] = [];
  let last = 0;
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const between = folded.slice(last, m.index);
    const sep = out.length === 0 ? '' : /^\s*[-–]\s*$/u.test(between) ? '-' : /^\s*\/\s*$/u.test(between) ? '/' : between === '&' ? '&' : ' ';
    out.push({ f: m[0], o: nfc.slice(m.index, m.index + m[0].length), sep, start: m.index, end: m.index + m[0].length });
    last = m.index + m[0].length;
  }
  return out;
}

const isNumber = (t: Token | undefined): t is Token => t !== undefined && /^\d{1,5}$/u.test(t.f);
const isYear = (t: Token | undefined): t is Token => t !== undefined && /^(?:19|20)\d\d$/u.test(t.f);
const isRoman = (t: Token | undefined): t is Token => t !== undefined && /^(?:[ivxl]+|\d{1,2})$/u.test(t.f);

/** Printed form of an issuer part: upper case, `Đ` restored, `TTg` (src/core/references.ts canonicalNumber). */
const issuerPart = (t: Token): string => canonicalNumber(t.o);

function phraseAt(toks: Token[], i: number, words: string[]): boolean {
  return words.every((w, k) => toks[i + k]?.f === w);
}

function kindAt(toks: Token[], i: number): [DocumentKind, number] | null {
  for (const [words, kind] of KIND_PHRASES) if (phraseAt(toks, i, words)) return [kind, i + words.length];
  return null;
}

/** Whether a token after a type code is an issuer part: joined by `-`/`/`/`&`, or after a space one known as such. */
function issuerToken(t: Token | undefined, joined: boolean): t is Token {
  if (t === undefined || /^\d+$/u.test(t.f) || t.f === 'khoa' || t.f === 'nam' || t.f === 'ngay' || t.f === 'cua') return false;
  if (joined) return /^[\p{L}][\p{L}\d]{0,11}$/u.test(t.o);
  return SPACED_ISSUERS.has(t.f) || /^[a-z]{2,8}\d{1,2}$/u.test(t.f) || (/^[\p{Lu}][\p{Lu}\d]{1,9}$/u.test(t.o) && t.o.length >= 2);
}

/** Issuer parts from token i: the first after `-`, `/` or a space (a known issuer), the rest joined by `-` or `&`. */
function readIssuer(toks: Token[], start: number): { issuer: string | null; next: number } {
  let i = start;
  let issuer = '';
  for (;;) {
    const t = toks[i];
    if (t === undefined) break;
    const joined = t.sep !== ' ' && t.sep !== '';
    if (!(issuer === '' ? issuerToken(t, joined) || issuerToken(t, false) : joined && t.sep !== '/' && issuerToken(t, true))) break;
    issuer += `${issuer === '' ? '' : t.sep === '&' ? '&' : '-'}${issuerPart(t)}`;
    i++;
  }
  return { issuer: issuer || null, next: i };
}

/** Reads one mention starting at token i, or null. Returns the identity and the index after it. */
function readMention(toks: Token[], start: number): { identity: DocumentIdentity; next: number } | null {
  let i = start;
  let kinds: DocumentKind[] | null = null;
  let code: string | null = null;
  let issuer: string | null = null;
  const kind = kindAt(toks, i);
  if (kind) {
    kinds = [kind[0]];
    i = kind[1];
    if (toks[i]?.f === 'so') i++;
  }
  // A type code (and issuer) before the number: `NQ 22`, `QĐ 366-QĐ/TW`, `NĐ 192/2025`, `QĐ-TTg số 1234`.
  const lead = toks[i] ? CODES[toks[i]!.f] : undefined;
  if (lead) {
    const after = readIssuer(toks, i + 1);
    const at = toks[after.next]?.f === 'so' ? after.next + 1 : after.next;
    if (isNumber(toks[at])) {
      code = lead.code;
      kinds ??= lead.kinds;
      issuer = after.issuer;
      i = at;
    }
  }
  if (!isNumber(toks[i])) return null;
  const number = String(Number(toks[i]!.f));
  i++;
  let year: number | null = null;
  let term: string | null = null;
  // `19/2023/…`, `192/2025`, `22 2024 …`
  if (isYear(toks[i]) && toks[i]!.sep !== '-') {
    year = Number(toks[i]!.f);
    i++;
  }
  const trailing = toks[i] ? CODES[toks[i]!.f] : undefined;
  if (trailing) {
    code = trailing.code;
    // A kind word and a code that disagree: the code decides; that agree (`Quy định 366-QĐ/TW`): the word narrows.
    kinds = kinds?.some((k) => trailing.kinds.includes(k)) ? kinds.filter((k) => trailing.kinds.includes(k)) : trailing.kinds;
    const after = readIssuer(toks, i + 1);
    issuer = after.issuer ?? issuer;
    i = after.next;
  } else if (year !== null && toks[i] && /^[a-z]{2,8}\d{1,2}$/u.test(toks[i]!.f) && toks[i]!.sep !== ' ') {
    // National Assembly numbers: `33/2024/QH15`, `1211/2016/UBTVQH13`.
    issuer = issuerPart(toks[i]!);
    i++;
  } else if (toks[i]?.sep === '/' && /^[\p{Lu}][\p{Lu}\d]{1,9}$/u.test(toks[i]!.o)) {
    // A number without a type code, numbered by its issuing unit: `17899/BTC-VP` (công văn).
    const after = readIssuer(toks, i);
    issuer = after.issuer;
    i = after.next;
  } else if (kinds !== null && code === null && COUNTED.has(toks[i]?.f ?? '') && !(toks[i]?.f === 'nam' && isYear(toks[i + 1]))) {
    // `kế hoạch 5 năm`, `quyết định 3 lần`: a count.
    return null;
  }
  // A bare number names nothing: `22` needs a kind word, a type code or an assembly issuer.
  if (kinds === null && code === null && issuer === null) return null;
  // Trailing details in any order: `khóa X`, `(khóa XII)`, `năm 2019`, `ngày 25/5/2025`, `của Bộ Chính trị`.
  for (let progressed = true; progressed; ) {
    progressed = false;
    if (toks[i]?.f === 'khoa' && isRoman(toks[i + 1])) {
      term = normaliseTerm(toks[i + 1]!.o);
      i += 2;
      progressed = true;
    } else if (toks[i]?.f === 'nam' && isYear(toks[i + 1])) {
      year ??= Number(toks[i + 1]!.f);
      i += 2;
      progressed = true;
    } else if (toks[i]?.f === 'ngay' && isNumber(toks[i + 1]) && isNumber(toks[i + 2]) && isYear(toks[i + 3])) {
      year ??= Number(toks[i + 3]!.f);
      i += 4;
      progressed = true;
    } else if (toks[i]?.f === 'cua') {
      const body = NAMED_ISSUERS.find(([words]) => phraseAt(toks, i + 1, words));
      if (body) {
        issuer ??= body[1];
        i += 1 + body[0].length;
        progressed = true;
      }
    }
  }
  if (issuer === 'QH' && year === null) issuer = null;
  if (code && issuer) {
    // The issuer decides between a Party regulation and a state decision: `366-QĐ/TW` is a quy định.
    const written = isParty(issuer) ? `${number}-${code}/${issuer}` : `${number}/${code}-${issuer}`;
    const byNumber = kindOfNumber(written);
    if (byNumber && (kinds === null || kinds.length > 1)) kinds = [byNumber];
  }
  return { identity: { number, code, kinds, issuer, term, year }, next: i };
}

/** Party issuers: the Central Committee and its bodies (`TW`, `VPTW`), provincial and district committees (`TU`, `HU`, `ĐU…`, `BCSĐ`). */
function isParty(issuer: string): boolean {
  return /^(?:TW|[A-ZĐ]*TW|TU|HU|QU|ĐU[A-ZĐ]*|BCSĐ(?:-[A-ZĐ]+)?|ĐĐ|ĐB)$/u.test(issuer);
}

/**
 * Every document a text names by number, in order (`Nghị quyết 22 khóa X`, `22/NQ-TW`, `NĐ 192/2025`,
 * `nghị định 100 năm 2019`, `QĐ-TTg số 1234`). Short numbers need a kind word or a type code (`22` alone names
 * nothing); counts (`kế hoạch 5 năm`) are not names.
 */
export function parseIdentities(text: string): DocumentIdentity[] {
  return namedSpans(text).map((m) => m.identity);
}

/** parseIdentities with where each mention is: offsets in the NFC text (`text.normalize('NFC').slice(start, end)`). */
export function namedSpans(text: string): { identity: DocumentIdentity; start: number; end: number }[] {
  const toks = tokens(text);
  const out: { identity: DocumentIdentity; start: number; end: number }[] = [];
  for (let i = 0; i < toks.length; ) {
    const m = readMention(toks, i);
    if (m) {
      out.push({ identity: m.identity, start: toks[i]!.start, end: toks[m.next - 1]!.end });
      i = m.next;
    } else i++;
  }
  return out;
}

/** The NFC text without the document names it holds (`nghị quyết 22 về cơ sở đảng` → ` về cơ sở đảng`). */
export function withoutNames(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  let last = 0;
  for (const { start, end } of namedSpans(nfc)) {
    out += `${nfc.slice(last, start)} `;
    last = end;
  }
  return out + nfc.slice(last);
}

/** The first document a text names, or null (see parseIdentities). */
export function parseIdentity(text: string): DocumentIdentity | null {
  return parseIdentities(text)[0] ?? null;
}

/**
 * The identity of a stored document from its own number (canonical, src/core/references.ts) and fields: the term
 * from the document (or, for central Party numbers `…/TW`, the term in force at its date), the year from its number
 * or its date. Null when the number has no sequence number.
 */
export function identityOfDocument(doc: { number: string | null; term?: string | null; date?: string | null }): DocumentIdentity | null {
  if (!doc.number) return null;
  const identity = parseIdentity(doc.number);
  if (!identity) return null;
  const dateYear = doc.date ? Number(doc.date.slice(0, 4)) : null;
  const central = identity.issuer !== null && /TW$/u.test(identity.issuer);
  const term = doc.term ?? (central && doc.date ? centralTermAt(doc.date) : null) ?? termOfAssembly(identity.issuer);
  return { ...identity, term: term ? normaliseTerm(term) : null, year: identity.year ?? dateYear };
}

/** `QH15` → `XV`. */
function termOfAssembly(issuer: string | null): string | null {
  const qh = issuer ? /QH(\d{1,2})$/u.exec(issuer) : null;
  return qh ? normaliseTerm(qh[1]!) : null;
}

const foldCode = (s: string) => fold(s.normalize('NFC')).toLowerCase();

/**
 * Whether a (partial) identity from a query names a stored document's identity: same sequence number; the kind
 * among those the query allows (or the same type code); the same issuer when the query gives one (`QH` matches
 * `QH15`); the same year and term when both sides know them.
 */
export function identityMatches(query: DocumentIdentity, doc: DocumentIdentity): boolean {
  if (query.number !== doc.number) return false;
  if (query.code && doc.code && foldCode(query.code) !== foldCode(doc.code)) {
    // `QĐi` and `QĐ` are both regulations when issued by the Party.
    const kindsAgree = query.kinds && doc.kinds && doc.kinds.length === 1 && query.kinds.includes(doc.kinds[0]!);
    if (!kindsAgree) return false;
  }
  if (query.kinds && doc.kinds && !doc.kinds.some((k) => query.kinds!.includes(k))) return false;
  if (query.issuer && doc.issuer) {
    const q = foldCode(query.issuer);
    const d = foldCode(doc.issuer);
    if (q !== d && !(d.startsWith(q) && /^\d+$/u.test(d.slice(q.length)))) return false;
  }
  if (query.issuer && !doc.issuer) return false;
  if (query.year !== null && doc.year !== null && query.year !== doc.year) return false;
  if (query.term !== null && doc.term !== null && !doc.term.split(', ').some((t) => query.term!.split(', ').includes(t))) return false;
  return true;
}

/**
 * The identity written the way running text names a document, for src/core/references.ts to read: the printed
 * number when type code and issuer are known (`22-NQ/TW`, `19/2023/NĐ-CP`), else kind words, number, year and term
 * (`Nghị quyết 22 khóa X`, `Nghị định 100 năm 2019`); null when its kind is not known.
 */
export function identityText(id: DocumentIdentity): string | null {
  if (id.issuer && (id.code || /^(?:UBTV)?QH\d{1,2}$|-/u.test(id.issuer))) return identityLabel({ ...id, term: null, year: isParty(id.issuer) ? null : id.year });
  const kind = id.kinds?.[0];
  if (!kind) return null;
  const words = `${kind[0]!.toUpperCase()}${kind.slice(1)} ${id.number}`;
  return `${words}${id.year !== null ? ` năm ${id.year}` : ''}${id.term ? ` khóa ${id.term}` : ''}`;
}

/**
 * One string per identity, the canonical name people read: the printed number when type code and issuer are
 * known (`22-NQ/TW`, `19/2023/NĐ-CP`, `33/2024/QH15`), then the term for Party numbers (`22-NQ/TW khóa X`); a
 * partial identity reads `NQ 22`, `nghị quyết 22 năm 2019`.
 */
export function identityLabel(id: DocumentIdentity): string {
  let head: string;
  // National Assembly numbers carry no type code: `33/2024/QH15`, even when the query said `NQ 198/2025/QH15`.
  if (id.issuer && /^(?:UBTV)?QH\d{1,2}$/u.test(id.issuer)) return `${id.number}/${id.year !== null ? `${id.year}/` : ''}${id.issuer}`;
  if (id.code && id.issuer) {
    head = isParty(id.issuer) ? `${id.number.padStart(2, '0')}-${id.code}/${id.issuer}` : `${id.number}/${id.year !== null ? `${id.year}/` : ''}${id.code}-${id.issuer}`;
    if (isParty(id.issuer) && id.term) head += ` khóa ${id.term}`;
    return head;
  }
  if (!id.code && id.issuer) return `${id.number}/${id.year !== null ? `${id.year}/` : ''}${id.issuer}`;
  head = id.code ? `${id.code} ${id.number}` : `${id.kinds?.[0] ?? 'văn bản'} ${id.number}`;
  if (id.issuer) head += ` ${id.issuer}`;
  if (id.year !== null) head += ` năm ${id.year}`;
  if (id.term) head += ` khóa ${id.term}`;
  return head;
}
