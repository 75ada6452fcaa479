/**
 * What a document is, beyond its title and date: kind, number, issuing body, term (khóa), author or speaker, and
 * the documents it cites. Read off the cleaned text by the conventions of Party and state documents and of the
 * news sites that publish articles about them.
 */
import { findNumbers, findReferences, kindOfNumber, kindOfWords, normaliseTerm, type DocumentKind, type Reference } from './references.js';

export interface DocumentMetadata {
  /** For formal documents, the title under the kind line (`KẾT LUẬN CỦA BỘ CHÍNH TRỊ … VỀ …`), else null. */
  formalTitle: string | null;
  kind: DocumentKind;
  number: string | null;
  issuer: string | null;
  term: string | null;
  author: string | null;
  references: Reference[];
}

/** How far into a document its header (number, issuer, kind line, term) is looked for. */
const HEAD_CHARS = 3000;

/** A person's name: two to five capitalised syllables. */
const NAME = '\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4}';
const HONORIFIC = '(?:(?:đồng chí|Đồng chí|đ\\/c|Đ\\/c|PGS\\.?|GS\\.?|TS\\.?|ThS\\.?|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá)\\s*)*';

const AUTHOR_PATTERNS: RegExp[] = [
  new RegExp(`Tác giả(?: bài viết)?:\\s*${HONORIFIC}(${NAME})`, 'u'),
  new RegExp(`(?:Tham luận|[Bb]ài phát biểu|[Pp]hát biểu|[Bb]ài viết) của\\s+${HONORIFIC}(${NAME})`, 'u'),
];
const BYLINE = new RegExp(`^${HONORIFIC}(${NAME})\\s*(?:[,–-]|$)`, 'u');
/** A closing signature: a name, then a dash or comma and a position, on a short line of its own. */
const SIGNATURE = new RegExp(`^(${NAME})\\s*(?:[-–,(]\\s*\\S.*)?$`, 'u');

/** Header lines naming an issuing body, in capitals. */
const ISSUER_LINE = /^(BAN CHẤP HÀNH TRUNG ƯƠNG|BỘ CHÍNH TRỊ|BAN BÍ THƯ|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG CHÍNH PHỦ|(?:ỦY|UỶ) BAN [\p{Lu} ]+|ĐẢNG (?:ỦY|UỶ) [\p{Lu} ]+|(?:TỈNH|THÀNH|HUYỆN) (?:ỦY|UỶ) [\p{Lu} ]+|BAN [\p{Lu} ]+ TRUNG ƯƠNG|BỘ [\p{Lu} ]+)$/u;
const SUFFIX_ISSUER: Record<string, string> = {
  TW: 'Ban Chấp hành Trung ương',
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  UBND: 'Ủy ban nhân dân',
  ĐUK: 'Đảng ủy Khối',
};
const KIND_LINE = /^(NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|QUY ĐỊNH|QUY CHẾ|HƯỚNG DẪN|QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ|KẾ HOẠCH|LUẬT)$/u;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const titleCase = (caps: string) =>
  caps
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

function findAuthor(text: string, allLines: string[]): string | null {
  for (const re of AUTHOR_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1]!;
  }
  const byline = allLines[1] ? BYLINE.exec(allLines[1]) : null;
  if (byline && /^(Đồng chí|Đ\/c|PGS|GS|TS|ThS)/u.test(allLines[1]!)) return byline[1]!;
  const last = allLines[allLines.length - 1];
  if (last && last.split(/\s+/).length <= 15) {
    const signature = SIGNATURE.exec(last);
    if (signature) return signature[1]!;
  }
  return null;
}

function findKind(head: string[], title: string | null, number: string | null): DocumentKind {
  const fromNumber = number ? kindOfNumber(number) : null;
  if (fromNumber) return fromNumber;
  const kindLine = head.find((l) => KIND_LINE.test(l));
  if (kindLine) return kindOfWords(kindLine.toLocaleLowerCase('vi'))!;
  const opening = [title ?? '', ...head.slice(0, 4)].join('\n');
  if (/\bTham luận\b|^Tham luận/imu.test(opening)) return 'tham luận';
  if (/[Pp]hát biểu (của|tại|chỉ đạo)/u.test(opening)) return 'phát biểu';
  return 'bài viết';
}

const CAPS_LINE = /^[\p{Lu}\d\s,.;:\-–“”"()]+$/u;

/** The kind line of a formal document and the capitalised lines under it. */
function formalTitle(head: string[]): string | null {
  const at = head.findIndex((l) => KIND_LINE.test(l));
  if (at === -1) return null;
  const parts = [head[at]!];
  for (const l of head.slice(at + 1, at + 8)) {
    if (!CAPS_LINE.test(l) || !/\p{Lu}/u.test(l)) break;
    parts.push(l);
  }
  return parts.join(' ');
}

export function extractDocumentMetadata(text: string, title: string | null): DocumentMetadata {
  const allLines = lines(text);
  const headText = text.slice(0, HEAD_CHARS);
  const head = lines(headText);
  const numberMatch = /Số(?: hiệu)?:?\s*\n?\s*/u.exec(headText);
  const number = numberMatch ? (findNumbers(headText.slice(numberMatch.index, numberMatch.index + 60))[0]?.number ?? null) : null;
  const kind = findKind(head, title, number);
  const formal = number !== null || head.some((l) => KIND_LINE.test(l));
  // Legal-text sites state the issuer in a field; else the number's suffix names it; else the header line.
  const field = /Nơi ban hành:\s*\n?\s*([^\n]+)/u.exec(headText)?.[1]?.trim();
  const suffix = number ? /\/([^/]+)$/u.exec(number)?.[1]?.split('-').pop() : undefined;
  const issuerLine = formal ? head.find((l) => ISSUER_LINE.test(l)) : undefined;
  const issuer = field ?? (suffix ? SUFFIX_ISSUER[suffix] : undefined) ?? (issuerLine ? titleCase(issuerLine) : null);
  const termMatch = formal ? /kh[oó]a\s+([IVXLC]+|\d{1,2})(?![\p{L}\d])/iu.exec(headText) : null;
  return {
    formalTitle: formalTitle(head),
    kind,
    number,
    issuer,
    term: termMatch ? normaliseTerm(termMatch[1]!) : null,
    author: findAuthor(text, allLines),
    references: findReferences(text).filter((r) => r.number === null || r.number !== number),
  };
}
