/**
 * A reading view of stored text: its non-empty lines with their offsets, markup stripped and spaces collapsed for
 * parsing. The stored text itself is never changed; offsets always point into it.
 */

export interface TextLine {
  /** Offsets of the raw line in the stored text (without its newline). */
  start: number;
  end: number;
  /** The line as read: Markdown marks (`**`, `*`, `#`, `|`) removed, spaces collapsed, trimmed. */
  text: string;
  /** A blank line stands between this line and the previous non-empty one. */
  gapBefore: boolean;
}

/** Leftover Markdown marks from web extracts: emphasis stars, heading hashes, table bars. */
export function plainLine(raw: string): string {
  return raw
    .replace(/^\s*#+\s+/u, '')
    .replace(/[*|]/gu, ' ')
    .replace(/[\s\u00A0]+/gu, ' ')
    .trim();
}

/** A rule line (`*`, `-----`, `___`, `===`) once marks are gone, or nothing at all. */
export function isRule(text: string): boolean {
  return /^[-–—_=~.*\s]*$/u.test(text);
}

/**
 * Non-empty, non-rule lines of `text[from, to)` in order. Rules (`*`, `-----`) are skipped: they separate parts of a
 * letterhead but carry nothing.
 */
export function textLines(text: string, from = 0, to = text.length): TextLine[] {
  const lines: TextLine[] = [];
  let pos = from;
  let gap = false;
  while (pos < to) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 || nl > to ? to : nl;
    const clean = plainLine(text.slice(pos, end));
    if (clean === '') gap = true;
    else if (!isRule(clean)) {
      lines.push({ start: pos, end, text: clean, gapBefore: gap && lines.length > 0 });
      gap = false;
    }
    pos = end + 1;
  }
  return lines;
}

/** Letters present and none of them lower case: a line typed in capitals. Digits and punctuation allowed. */
export function isCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Folds `UỶ`/`uỷ` to the modern `ỦY`/`ủy` spelling (same letters, tone mark placed on the other vowel). */
export function modernTone(text: string): string {
  return text.replace(/UỶ/gu, 'ỦY').replace(/uỷ/gu, 'ủy').replace(/Uỷ/gu, 'Ủy');
}

/** Abbreviated bodies as letterheads and signature lines print them: `UBND TỈNH …`, `HĐND`, `BCH`, `MTTQ`. */
const BODY_ABBREVIATIONS: [RegExp, string][] = [
  [/(^|\s)UBND(?=\s|$)/gu, '$1ỦY BAN NHÂN DÂN'],
  [/(^|\s)HĐND(?=\s|$)/gu, '$1HỘI ĐỒNG NHÂN DÂN'],
  [/(^|\s)BCH(?=\s|$)/gu, '$1BAN CHẤP HÀNH'],
  [/(^|\s)MTTQ(?=\s|$)/gu, '$1MẶT TRẬN TỔ QUỐC'],
  [/(^|\s)TW(?=\s|$)/gu, '$1TRUNG ƯƠNG'],
  [/(^|\s)TP\.?(?=\s)/gu, '$1THÀNH PHỐ'],
];

/** `UBND TỈNH ĐẮK LẮK` → `ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK`. */
export function expandBodyAbbreviations(caps: string): string {
  let s = caps;
  for (const [re, full] of BODY_ABBREVIATIONS) s = s.replace(re, full);
  return s;
}

/** Administrative words: what follows them is a place name. */
const ADMIN = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'quận', 'thành', 'thị', 'đặc']);
/** Two-word administrative words. */
const ADMIN_PAIR: Record<string, string> = { 'thành phố': 'Thành phố', 'thị xã': 'thị xã', 'thị trấn': 'thị trấn', 'đặc khu': 'đặc khu' };
const ALWAYS_CAPITAL: [RegExp, string][] = [
  [/trung ương/gu, 'Trung ương'],
  [/chính phủ/gu, 'Chính phủ'],
  [/quốc hội/gu, 'Quốc hội'],
  [/mặt trận tổ quốc/gu, 'Mặt trận Tổ quốc'],
  [/(^|\s)đảng(?=\s|$)/gu, '$1Đảng'],
];

const capital = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);

/**
 * A body's name printed in capitals, in sentence case as Vietnamese writes it: `BAN TỔ CHỨC TRUNG ƯƠNG` → `Ban Tổ
 * chức Trung ương`, `ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK` → `Ủy ban nhân dân tỉnh Đắk Lắk`, `HUYỆN ỦY PHÚ LỘC` → `Huyện
 * ủy Phú Lộc`, `THÀNH PHỐ HỒ CHÍ MINH` → `Thành phố Hồ Chí Minh`. Rules: first word capital; the word after a
 * leading `Ban`/`Bộ` or after `Ủy ban` (unless `nhân dân`) capital (`Ban Thường vụ`, `Ủy ban Kiểm tra`); `Tỉnh ủy`,
 * `Đảng`, `Trung ương`, `Chính phủ`, `Quốc hội` capital; after an administrative word (`tỉnh`, `xã`, `thành phố` …)
 * every word is part of a place name, capital.
 */
export function sentenceCaseBody(caps: string): string {
  let s = expandBodyAbbreviations(modernTone(caps)).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  for (const [re, v] of ALWAYS_CAPITAL) s = s.replace(re, v);
  const words = s.split(' ');
  const out: string[] = [];
  let place = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const low = w.toLocaleLowerCase('vi');
    if (place) out.push(capital(w));
    else if (next === 'ủy' && ['tỉnh', 'huyện', 'thành', 'quận', 'thị', 'xã'].includes(low)) {
      // `Huyện ủy Phú Lộc`: a place name follows the committee.
      out.push(capital(w), 'ủy');
      i++;
      place = true;
    } else if (i === 0) out.push(capital(w));
    else if (ADMIN.has(low) && next !== undefined) {
      const pair = ADMIN_PAIR[`${low} ${next}`];
      if (pair) {
        out.push(pair);
        i++;
      } else out.push(low);
      place = true;
    } else if ((i === 1 && ['ban', 'bộ', 'cục', 'sở'].includes(words[0]!.toLocaleLowerCase('vi'))) || (words[i - 1] === 'ban' && words[i - 2]?.toLocaleLowerCase('vi') === 'ủy' && low !== 'nhân'))
      out.push(capital(w));
    else out.push(w);
  }
  return out.join(' ');
}
