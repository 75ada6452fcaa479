/**
 * Party and state abbreviations. Texts write `TCCSĐ` as often as `tổ chức cơ sở đảng`; indexing each passage
 * under both spellings lets either kind of query find both kinds of text. Documents also define their own
 * (`tổ chức cơ sở đảng (TCCSĐ)`), which are read off the text and used for that document.
 */
import { fold, tokenize } from './normalize.js';

export interface Abbreviation {
  short: string;
  long: string;
}

const CURATED: [string, string][] = [
  ['TCCSĐ', 'tổ chức cơ sở đảng'],
  ['BCH', 'Ban Chấp hành'],
  ['BCHTW', 'Ban Chấp hành Trung ương'],
  ['BCS', 'Ban cán sự'],
  ['BCSĐ', 'Ban cán sự đảng'],
  ['BTV', 'Ban Thường vụ'],
  ['BCT', 'Bộ Chính trị'],
  ['BBT', 'Ban Bí thư'],
  ['TW', 'Trung ương'],
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['MTTQ', 'Mặt trận Tổ quốc'],
  ['MTTQVN', 'Mặt trận Tổ quốc Việt Nam'],
  ['UBKT', 'Ủy ban Kiểm tra'],
  ['KT-XH', 'kinh tế - xã hội'],
  ['QP-AN', 'quốc phòng - an ninh'],
  ['CNH-HĐH', 'công nghiệp hóa, hiện đại hóa'],
  ['CNXH', 'chủ nghĩa xã hội'],
  ['XHCN', 'xã hội chủ nghĩa'],
  ['ĐCSVN', 'Đảng Cộng sản Việt Nam'],
  ['HTCT', 'hệ thống chính trị'],
  ['CBCC', 'cán bộ, công chức'],
  ['CCVC', 'công chức, viên chức'],
  ['ĐBQH', 'đại biểu Quốc hội'],
  ['NSNN', 'ngân sách nhà nước'],
  ['DNNN', 'doanh nghiệp nhà nước'],
  ['KH&CN', 'khoa học và công nghệ'],
  ['GD&ĐT', 'giáo dục và đào tạo'],
  ['ANTT', 'an ninh trật tự'],
  ['HLHPN', 'Hội Liên hiệp Phụ nữ'],
  ['ĐTN', 'Đoàn Thanh niên'],
  ['CCB', 'Cựu chiến binh'],
  ['ĐUK', 'Đảng ủy Khối'],
  ['TP.HCM', 'Thành phố Hồ Chí Minh'],
];

export const CURATED_ABBREVIATIONS: readonly Abbreviation[] = CURATED.map(([short, long]) => ({ short, long }));

const DEFINITION = /\(([A-ZĐ][A-ZĐ0-9&.-]{1,11})\)/gu;

/** Initials of folded syllables, e.g. `to chuc co so dang` → `tccsd`. */
const initials = (syllables: string[]): string => syllables.map((s) => s[0]).join('');

/** Pairs a document defines itself: the words before `(ABBR)` whose initials spell ABBR. */
export function definedAbbreviations(text: string): Abbreviation[] {
  const found = new Map<string, Abbreviation>();
  for (const m of text.matchAll(DEFINITION)) {
    const short = m[1]!;
    const letters = fold(short).replace(/[^a-z0-9]/g, '');
    const before = tokenize(text.slice(Math.max(0, m.index - 200), m.index));
    const words = before.slice(-letters.length);
    if (words.length === letters.length && initials(words.map((w) => w.text)) === letters) {
      const start = m.index - Math.min(200, m.index) + words[0]!.start;
      found.set(short, { short, long: text.slice(start, m.index).trim() });
    }
  }
  return [...found.values()];
}

export type AbbreviationMatcher = (syllables: string[], rawText: string) => Abbreviation[];

/**
 * A matcher over a list: which abbreviations a passage contains in either form (given its folded syllables and
 * raw text), so the other form's terms can be indexed with it.
 */
export function abbreviationMatcher(list: readonly Abbreviation[]): AbbreviationMatcher {
  const compiled = list.map((a) => ({
    entry: a,
    long: ` ${tokenize(a.long).map((t) => t.text).join(' ')} `,
    // Short forms are matched case-sensitively on the raw text: `BCH` is an abbreviation, `bch` is not.
    short: new RegExp(`(^|[^\\p{L}\\p{N}])${a.short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u'),
  }));
  return (syllables, rawText) => {
    const joined = ` ${syllables.join(' ')} `;
    return compiled.filter((c) => joined.includes(c.long) || c.short.test(rawText)).map((c) => c.entry);
  };
}

export const curatedMatcher = abbreviationMatcher(CURATED_ABBREVIATIONS);

/** The curated list plus what one document defines. */
export const documentMatcher = (defined: readonly Abbreviation[]): AbbreviationMatcher =>
  defined.length === 0 ? curatedMatcher : abbreviationMatcher([...CURATED_ABBREVIATIONS, ...defined]);
