/**
 * The closing block of a formal document: the `Nơi nhận:` list and the signature block (`TM.`/`T/M` body,
 * `KT.`/`K/T`, `Q.`, `TL.`, `TUQ.` lines, position lines, `(đã ký)`, the signer's name on its own line), in either
 * order, as Decree 30/2020/NĐ-CP and Guidance 36-HD/VPTW lay them out. Its text stays in the stored text; its span
 * keeps it out of the passages.
 */
import { isCaps, modernTone, sentenceCaseBody, type TextLine } from './text-lines.js';

export interface ClosingBlock {
  /** The name under the signature block (`Trần Văn Nam`), or null. */
  signer: string | null;
  /** Position lines as printed, joined with ` / ` (`K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN`), or null. */
  signerTitle: string | null;
  /**
   * On whose behalf it is signed: the body of a `T/M`/`TM.` line in sentence case (`Bộ Chính trị`, `Ban Thường vụ`),
   * else the position a `KT.`/`Q.`/`TL.`/`TUQ.` line signs for (`Chủ tịch`, `Thủ tướng`), else null.
   */
  onBehalfOf: string | null;
  /** The `T/M` body as printed in capitals (`BAN THƯỜNG VỤ`), for the issuer; or null. */
  onBehalfOfCaps: string | null;
  /** Index of the first line after the block. */
  next: number;
  /** Span [start, end) of the block in the stored text. */
  start: number;
  end: number;
}

/** `T/M`, `TM.`, `KT.`, `K/T`, `Q.`, `TL.`, `TUQ.`, `T.U.Q.` and the body or position that follows. */
const LEAD = /^(T\/M|TM\.?|K\/T|KT\.?|Q\.|TL\.?|TUQ\.?|T\.U\.Q\.?|T\/L)\s*(\S.*)$/u;
const ON_BEHALF = /^(T\/M|TM\.?)$/u;
/** Position words that stand alone on signature lines. */
const POSITION =
  /^(PHÓ |Q\. )?(BÍ THƯ|CHỦ TỊCH|CHỦ NHIỆM|TRƯỞNG BAN|TRƯỞNG ĐOÀN|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|TỔNG BÍ THƯ|CHÁNH VĂN PHÒNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG PHÒNG|CHÁNH ÁN|TỔNG KIỂM TOÁN|THỐNG ĐỐC|ỦY VIÊN|THƯỜNG TRỰC|TỔNG THƯ KÝ|TRƯỞNG)(?![\p{L}\p{N}])/u;
/** A body named on a `T/M` line. */
const BODY = /^(BAN |BỘ CHÍNH TRỊ|ỦY BAN|UBND|HỘI ĐỒNG|ĐẢNG ỦY|ĐẢNG ĐOÀN|(TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|XÃ) ỦY|CHI ỦY|CHI BỘ|CHÍNH PHỦ|QUỐC HỘI|THƯỜNG TRỰC|BAN CÁN SỰ|ĐOÀN CHỦ TỊCH)/u;
const SIGNED = /^[([]?\s*(đã ký|Đã ký|ĐÃ KÝ|ký tên,? đóng dấu|Ký|signed|daky)\s*[)\]]?\.?$/u;
const RECIPIENTS = /^Nơi nhận\s*:?/iu;
const LIST_ITEM = /^([-–+•]|Lưu\b|Như(?![\p{L}]))/u;
/** A person's name on its own line: two to six capitalised syllables, mixed case (or all capitals). */
const NAME = /^(\p{Lu}[\p{Ll}\p{M}]*)(\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u;
const CAPS_NAME = /^(\p{Lu}+)(\s+\p{Lu}+){1,5}$/u;
const MAX_TITLE_LINES = 5;
/** How many unrecognised lines may end a `Nơi nhận:` list before the signature block. */
const MAX_LIST_TAIL = 6;

/** Lines that open a signature block: `T/M …`, `KT. …` and the like. Used by cleaning to keep such blocks. */
export function isSignatureLead(text: string): boolean {
  const m = LEAD.exec(modernTone(text).trim());
  return m !== null && isCaps(m[2]!);
}

/** A `Nơi nhận:` line. */
export function isRecipientsLine(text: string): boolean {
  return RECIPIENTS.test(text.trim());
}

const isPosition = (t: string) => isCaps(t) && t.split(' ').length <= 10 && !/[.;:]$/u.test(t) && (POSITION.test(t) || isSignatureLead(t));

function isName(t: string, afterTitles: boolean): boolean {
  if (NAME.test(t)) return !/^(Nơi|Lưu|Kính|Như|Các|Ban|Bộ|Sở|Ủy|Văn|Đảng|Thường|Chi|Tỉnh|Huyện)(?![\p{L}\p{N}])/u.test(t);
  return afterTitles && CAPS_NAME.test(t) && !POSITION.test(t) && !BODY.test(t) && !isSignatureLead(t);
}

interface Signature {
  signer: string | null;
  titles: string[];
  behalf: string | null;
  next: number;
}

/**
 * Whom a `KT.`/`K/T` (ký thay), `Q.` (quyền), `TL.` (thừa lệnh) or `TUQ.` (thừa ủy quyền) line signs for, as a
 * position in sentence case per comma-separated part: `KT. BỘ TRƯỞNG, CHỦ NHIỆM` → `Bộ trưởng, Chủ nhiệm`. Null for
 * a plain position line. Source: Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức chữ ký).
 */
function signedFor(firstTitle: string | undefined): string | null {
  const lead = firstTitle ? LEAD.exec(modernTone(firstTitle)) : null;
  if (!lead || ON_BEHALF.test(lead[1]!)) return null;
  const position = lead[2]!.replace(/[,;]\s*$/u, '').trim();
  if (!isCaps(position)) return null;
  return position
    .split(/,\s*/u)
    .map((part) => {
      const lower = part.toLocaleLowerCase('vi');
      return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
    })
    .join(', ');
}

/** A signature block starting at line i, or null. */
function signatureAt(lines: TextLine[], i: number, formal: boolean): Signature | null {
  const first = lines[i]!.text;
  if (!isSignatureLead(first) && !(formal && isPosition(first))) return null;
  const titles: string[] = [];
  let behalf: string | null = null;
  let j = i;
  for (; j < lines.length && titles.length + (behalf ? 1 : 0) < MAX_TITLE_LINES; j++) {
    const t = modernTone(lines[j]!.text);
    const lead = LEAD.exec(t);
    if (lead && isCaps(lead[2]!) && ON_BEHALF.test(lead[1]!) && behalf === null && titles.length === 0) {
      behalf = lead[2]!;
      continue;
    }
    // `KT. TRƯỞNG BAN CHÍNH SÁCH,` / `THUẾ QUỐC TẾ`: a position wrapped after a comma.
    if (titles.length > 0 && titles[titles.length - 1]!.endsWith(',') && isCaps(t) && t.split(' ').length <= 8) {
      titles[titles.length - 1] += ` ${lines[j]!.text}`;
      continue;
    }
    if (isPosition(t)) {
      titles.push(lines[j]!.text);
      continue;
    }
    // `K/T CHÁNH` / `VĂN PHÒNG` / `PHÓ CHÁNH VĂN PHÒNG`: a short wrapped piece, known by what follows it.
    const following = lines[j + 1]?.text ?? '';
    if (titles.length > 0 && isCaps(t) && t.split(' ').length <= 3 && (isPosition(following) || SIGNED.test(following) || NAME.test(following))) {
      titles[titles.length - 1] += ` ${lines[j]!.text}`;
      continue;
    }
    // `TM. ỦY BAN NHÂN` / `DÂN`: a wrapped body line.
    if (behalf !== null && titles.length === 0 && isCaps(t) && t.split(' ').length <= 2 && !BODY.test(t)) {
      behalf += ` ${t}`;
      continue;
    }
    break;
  }
  if (j === i) return null;
  // `(đã ký)` and then the name.
  let k = j;
  while (k < lines.length && k <= j + 1 && SIGNED.test(lines[k]!.text)) k++;
  const nameLine = lines[k]?.text;
  const afterTitles = titles.length > 0 || behalf !== null;
  if (nameLine !== undefined && isName(nameLine, afterTitles)) return { signer: nameLine, titles, behalf, next: k + 1 };
  // `Phùng` / `Thị Hồng Hà`: a name wrapped over two lines.
  const joined = nameLine !== undefined && lines[k + 1] ? `${nameLine} ${lines[k + 1]!.text}` : null;
  if (joined && /^\p{Lu}\p{Ll}*$/u.test(nameLine!) && isName(joined, afterTitles)) return { signer: joined, titles, behalf, next: k + 2 };
  // A signature without a name (the name was not printed, or the copy ends): only when it is a clear lead.
  if (isSignatureLead(first)) return { signer: null, titles, behalf, next: k };
  return null;
}

/** A `Nơi nhận:` list starting at line i: index after it, or null. */
function recipientsAt(lines: TextLine[], i: number): number | null {
  if (!RECIPIENTS.test(lines[i]!.text)) return null;
  let j = i + 1;
  // Items start with a dash; a wrapped item goes on in lower case or ends with `;`, `,` or `.`.
  const continues = (t: string) => LIST_ITEM.test(t) || /^\p{Ll}/u.test(t) || (/[;,.]$/u.test(t) && t.split(' ').length <= 15 && !isSignatureLead(t));
  while (j < lines.length && j - i < 60 && continues(lines[j]!.text)) j++;
  return j;
}

/**
 * The first closing block at or after line `from`, or null. `formal` allows a block that opens with a bare position
 * line (`BÍ THƯ` over a name); otherwise it must open with a `T/M`-type lead or `Nơi nhận:`.
 */
export function readClosingBlock(lines: TextLine[], from: number, formal: boolean): ClosingBlock | null {
  for (let i = from; i < lines.length; i++) {
    let j = i;
    let sig: Signature | null = null;
    const recipients = recipientsAt(lines, j);
    if (recipients !== null) {
      j = recipients;
      // The list may wrap in ways the item rule misses: the signature block follows within a few lines.
      for (let k = j; k < Math.min(lines.length, j + MAX_LIST_TAIL) && sig === null; k++) {
        sig = signatureAt(lines, k, formal);
        if (sig) j = sig.next;
      }
    } else {
      sig = signatureAt(lines, j, formal);
      if (!sig) continue;
      j = sig.next;
      const after = j < lines.length ? recipientsAt(lines, j) : null;
      if (after !== null) j = after;
    }
    const behalf = sig?.behalf?.replace(/\s+/g, ' ').trim() ?? null;
    return {
      signer: sig?.signer ?? null,
      signerTitle: sig && sig.titles.length > 0 ? sig.titles.join(' / ') : null,
      onBehalfOf: behalf && BODY.test(behalf) ? sentenceCaseBody(behalf) : signedFor(sig?.titles[0]),
      onBehalfOfCaps: behalf,
      next: j,
      start: lines[i]!.start,
      end: lines[j - 1]!.end,
    };
  }
  return null;
}
