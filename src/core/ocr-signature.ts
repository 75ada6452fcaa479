/**
 * The signature block of a scanned page that OCR lost under the seal. On a black-and-white scan the red seal prints
 * black over the `TM. CHÍNH PHỦ` / `THỦ TƯỚNG` lines and the signer's name, and tesseract's page layout drops the
 * whole block as a picture. The ingest adapter then reads the block's region again at several resolutions
 * (src/ingest/ocr/signature-region.ts); each reading is noisy in a different place (`„-zEM. CHÍNH PHỦ`,
 * `/66°=tHÙỀNƯỚNG`, `NgwVên Xuân Phúc`). This module decides, from those readings only, what the block says, by
 * rules each taken from how a signature block must be written:
 *
 * - a body line: a line whose letters end with a body's name (`CHÍNH PHỦ`) is that body's `TM.` line — in a
 *   signature block a collective body is named only after `TM.` (Nghị định 30/2020/NĐ-CP, Phụ lục I: `TM.` before
 *   the name of the collective body one signs for);
 * - the position lines under it: lines ending in the last syllable of the body's position (`…ƯỚNG`). A decree of
 *   the Government is signed `TM. CHÍNH PHỦ` / `THỦ TƯỚNG`, or by a Deputy Prime Minister `TM. CHÍNH PHỦ` /
 *   `KT. THỦ TƯỚNG` / `PHÓ THỦ TƯỚNG` (the forms of Nghị định 34/2016/NĐ-CP, Phụ lục I, for legal normative texts):
 *   one such line is the first form; two, or one showing `KT` or `PHÓ`, the second;
 * - the name: a line of two to five capitalised syllables, the last ones valid Vietnamese syllables as read, the
 *   first (the family name, where the seal's rim crosses) either valid or, when it is not a syllable, the one family
 *   name within a third of its letters by edit distance (`NgwVên` → `Nguyễn`); none found, no name.
 *
 * A value is kept only when at least two readings give it and no other value has as many: nothing is filled in that
 * the readings do not show. Pure; every function is tested on the recorded readings of the scanned Nghị định
 * 100/2019/NĐ-CP (test/fixtures/ocr/).
 */
import { readClosingBlock } from './closing-block.js';
import { fold } from './normalize.js';
import { textLines } from './text-lines.js';
import { isValidSyllable } from './vietnamese-syllable.js';

/** A collective body of a `TM.` line and the position lines its head or a deputy signs with (forms cited above). */
interface BodyForm {
  body: string;
  /** The position lines when the head signs, then when a deputy signs for the head. */
  head: string[];
  deputy: string[];
}

const BODIES: BodyForm[] = [{ body: 'CHÍNH PHỦ', head: ['THỦ TƯỚNG'], deputy: ['KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG'] }];

/**
 * Common Vietnamese family names, the most frequent first (Nguyễn, Trần, Lê, Phạm, Hoàng/Huỳnh, Phan, Vũ/Võ, …): the
 * only names a garbled first syllable may be read as. A rarer family name, garbled, is left unread.
 */
const FAMILY_NAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý',
  'Đinh', 'Đào', 'Trương', 'Trịnh', 'Đoàn', 'Lương', 'Mai', 'Lâm', 'Hà', 'Tô', 'Vương', 'Chu', 'Cao', 'Thái', 'Tạ',
  'Lưu', 'Kiều', 'Triệu', 'Quách', 'Tống', 'Đồng', 'Phùng', 'Hứa', 'Lại', 'Châu', 'Nông', 'Khuất', 'Giang',
];

/** Letters only, folded (no marks, lower case). */
const letters = (s: string) => fold(s.normalize('NFC')).replace(/[^a-z]/g, '');

/** Levenshtein distance over code units. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A `Nơi nhận:` line, also when OCR lost its first letter to a mark in the margin (`ơi nhận:`). */
const RECIPIENTS = /^N?ơi nhận\s*:?/iu;

/**
 * Whether an OCR'd page needs its signature block read again: it is a closing page (a `Nơi nhận:` list or a
 * signature lead such as `TM. CHÍNH PHỦ`) and no signer is read from its closing block.
 */
export function needsSignatureReread(pageText: string): boolean {
  const lines = textLines(pageText);
  const closing = readClosingBlock(lines, 0, true);
  if (!closing && !lines.some((l) => RECIPIENTS.test(l.text))) return false;
  return closing?.signer == null;
}

/** The body line's form, when the line's letters end with a known body's name after at most a few stray marks. */
function bodyOf(line: string): BodyForm | null {
  const l = letters(line);
  return BODIES.find((b) => l.endsWith(letters(b.body)) && l.length - letters(b.body).length <= 4) ?? null;
}

/**
 * A line that ends, in capitals, with the rhyme of the last syllable of the body's position (`ƯỚNG` of `TƯỚNG`): the
 * onset is where the seal's lettering most often runs into it (`tHÙỀNƯỚNG`, `HỎ£RDMƯỚNG`). `deputy` when the line
 * shows the deputy's form: a `KT` lead or the word `PHÓ` (`KT, THỦ TƯỚNG`, `s222u02PHÓ THỨTƯỚNG`).
 */
function positionLine(line: string, form: BodyForm): 'head' | 'deputy' | null {
  const last = form.head[form.head.length - 1]!.split(' ').pop()!;
  const rhyme = last.replace(/^[^AĂÂEÊIOÔƠUƯY]+/u, '');
  const tail = /(\p{Lu}+)[^\p{L}]*$/u.exec(line.normalize('NFC'))?.[1] ?? '';
  if (tail.length <= rhyme.length || !letters(tail).endsWith(letters(rhyme))) return null;
  return /^\W*K\s*T\W|PH[OÓÒ]/u.test(line.normalize('NFC')) ? 'deputy' : 'head';
}

/** The family name a first syllable stands for: itself when valid and known, else the one known name near enough. */
function familyName(word: string): string | null {
  // `1` and `|` are how OCR most often reads a capital `L` or `l` (`1,ê` for `Lê`).
  const clean = word.replace(/^[^\p{L}\d|]+/u, '').replace(/^[1|]/u, 'L').replace(/[^\p{L}]/gu, '');
  if (clean === '') return null;
  const exact = FAMILY_NAMES.find((n) => n === clean);
  if (exact) return exact;
  if (isValidSyllable(clean.toLocaleLowerCase('vi'))) return null;
  const l = letters(clean);
  const scored = FAMILY_NAMES.map((n) => ({ n, d: distance(l, letters(n)) })).sort((a, b) => a.d - b.d);
  const [best, second] = scored;
  if (!best || best.d > Math.floor(letters(best.n).length / 3) || (second && second.d === best.d)) return null;
  return best.n;
}

/** The signer's name on a line, as above, or null. */
export function nameOf(line: string): string | null {
  const words = line
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\d|]+|[^\p{L}]+$/gu, ''))
    .filter(Boolean);
  // The given names: valid capitalised syllables at the end of the line.
  let i = words.length;
  while (i > 0 && /^\p{Lu}\p{Ll}*$/u.test(words[i - 1]!) && isValidSyllable(words[i - 1]!.toLocaleLowerCase('vi'))) i--;
  // The valid syllables start with a known family name: that is the name (what stands before it is the seal's).
  const from = words.slice(i).findIndex((w, k) => FAMILY_NAMES.includes(w) && words.length - i - k >= 2);
  if (from !== -1) return words.slice(i + from).join(' ');
  const given = words.slice(i);
  if (given.length < 1 || given.length > 4 || i === 0) return null;
  const family = familyName(words[i - 1]!);
  return family ? [family, ...given].join(' ') : null;
}

interface Reading {
  behalf: string;
  titles: string[];
  name: string | null;
}

/** One reading's block: the body line, the position lines after it, the name after those; null without a body line. */
function readOne(reading: string): Reading | null {
  const lines = reading
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const at = lines.findIndex((l) => bodyOf(l) !== null);
  if (at === -1) return null;
  const form = bodyOf(lines[at]!)!;
  let positions = 0;
  let deputy = false;
  let name: string | null = null;
  for (const line of lines.slice(at + 1)) {
    name = nameOf(line);
    if (name) break;
    const position = positionLine(line, form);
    if (position) positions++;
    if (position === 'deputy') deputy = true;
  }
  const titles = deputy || positions === 2 ? form.deputy : positions === 1 ? form.head : [];
  return { behalf: `TM. ${form.body}`, titles, name };
}

/** The value at least two readings give and no other value as often; null otherwise. */
function vote(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, next] = ranked;
  return top && top[1] >= 2 && (!next || next[1] < top[1]) ? top[0] : null;
}

/**
 * The signature block's lines as they are printed (`TM. CHÍNH PHỦ`, `THỦ TƯỚNG`, `Nguyễn Xuân Phúc`) from several OCR
 * readings of its region, each a text of lines; null when the readings do not agree on a body line and a name.
 */
export function readSealedSignature(readings: string[]): string[] | null {
  const read = readings.map(readOne);
  const behalf = vote(read.map((r) => r?.behalf ?? null));
  const name = vote(read.map((r) => (r && r.behalf === behalf ? r.name : null)));
  if (!behalf || !name) return null;
  const titles = vote(read.map((r) => (r && r.behalf === behalf && r.titles.length > 0 ? r.titles.join('\n') : null)));
  return [behalf, ...(titles ? titles.split('\n') : []), name];
}

/**
 * The page's text with the recovered block: the lines the first pass did read (`TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG`,
 * consecutive, in order) are completed in place with the ones it lost; otherwise the block is added after the page
 * as its own paragraph (the right-hand column). Nothing of the page is removed.
 */
export function withSignature(pageText: string, block: string[]): string {
  const lines = pageText.split('\n');
  for (let n = block.length - 1; n >= 1; n--) {
    const at = lines.findIndex((_, i) => block.slice(0, n).every((b, k) => lines[i + k]?.trim() === b));
    if (at !== -1) return [...lines.slice(0, at + n), ...block.slice(n), ...lines.slice(at + n)].join('\n');
  }
  return `${pageText.replace(/\s+$/u, '')}\n\n${block.join('\n')}`;
}
