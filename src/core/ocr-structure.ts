/**
 * Structure rules for OCR'd legal text (Nghị định 30/2020/NĐ-CP, Phụ lục I: articles `Điều 1.`, clauses `1.`,
 * points `a)` … `y)` in the order a b c d đ e g h i k l m n o p q r s t u v x y):
 * - the number after `Điều`, `khoản`, `Mục` is digits: `l`, `I`, `|`, `!` read as 1, `O` as 0 (`Điều L` → `Điều 1`,
 *   `khoản l` → `khoản 1`), and `Chương` takes roman numerals (`Chương Il` → `Chương II`);
 * - a point label that is not a letter of the sequence (`¡)`, `ø)`) takes the one letter that fits between the
 *   labels before and after it (`h)`, `¡)`, `k)` → `i)`; the first label of a text, the one before the next), and
 *   `điểm ¡` is `điểm i`;
 * - `Điều` read with a wrong tone before a number (`Điểu 5.`, `Điêu l6`) is `Điều`.
 * Every replacement has the length of what it replaces, so offsets stay.
 */

/** One replacement made in OCR'd text: the word (or label, number) at `at` in the text given, and what it became. */
export interface Repair {
  at: number;
  from: string;
  to: string;
}

export const POINT_LABELS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');

const ONE_LIKE: Record<string, string> = { l: '1', L: '1', I: '1', '|': '1', '!': '1', O: '0', o: '0' };
const NUMBERED = /(?<=(?:^|[^\p{L}])(?:Điều|điều|Khoản|khoản|Mục)\s)([0-9lLI|!O]{1,3})(?=$|[\s.,;:)])/gmu;
const CHAPTER = /(?<=(?:^|[^\p{L}])Chương\s)([IVXl1|]{1,5})(?=$|[\s.,;:])/gmu;
const ARTICLE_HEAD = /(?<![\p{L}])(?:Điểu|Diều|Điêu|Đièu|Đỉều|Điễu|Điệu|Điếu)(?=\s+[0-9lLI|]{1,3}(?:$|[\s.,;:)]))/gmu;
const POINT_I = /(?<=(?:^|[^\p{L}])điểm\s)[¡|!](?=$|[\s,;.])/gmu;
const LABEL_LINE = /^(\S{1,2})\)(?=\s)/gmu;

function replaceAll(text: string, re: RegExp, map: (s: string) => string | null, repairs: Repair[]): string {
  return text.replace(re, (s: string, ...rest: unknown[]) => {
    const at = rest.find((r) => typeof r === 'number') as number;
    const to = map(s);
    if (to === null || to === s || to.length !== s.length) return s;
    repairs.push({ at, from: s, to });
    return to;
  });
}

/** Point labels: a garbled one between two readable ones takes the single letter that fits between them. */
function repairLabels(text: string, repairs: Repair[]): string {
  const labels = [...text.matchAll(LABEL_LINE)].map((m) => ({ label: m[1] ?? '', at: m.index }));
  const chars = text.split('');
  const pos = (l: string | undefined) => (l === undefined ? -1 : POINT_LABELS.indexOf(l));
  for (const [i, l] of labels.entries()) {
    const before = pos(labels[i - 1]?.label);
    const after = pos(labels[i + 1]?.label);
    let fit: string | undefined;
    // A label out of sequence between two in sequence (`c)`, `đ)`, `đ)` → `d)`; `h)`, `1)`, `k)` → `i)`).
    if (before >= 0 && after === before + 2) fit = POINT_LABELS[before + 1];
    else if (POINT_LABELS.includes(l.label) || /^\d+$/.test(l.label)) continue;
    else if (l.label === '¡' && (before === 7 || after === 9)) fit = 'i';
    // The first label of a page or text: the one before the next.
    else if (before < 0 && i === 0 && after > 0) fit = POINT_LABELS[after - 1];
    if (!fit || fit === l.label || fit.length !== l.label.length) continue;
    chars.splice(l.at, l.label.length, ...fit.split(''));
    repairs.push({ at: l.at, from: l.label, to: fit });
  }
  return chars.join('');
}

/** Applies the structure rules above; returns the text (same length) and the repairs made. */
export function repairStructure(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  let out = replaceAll(text, ARTICLE_HEAD, () => 'Điều', repairs);
  out = replaceAll(out, NUMBERED, (s) => (/\d/.test(s) && !/[^0-9]/.test(s) ? null : s.replace(/[lLI|!Oo]/g, (c) => ONE_LIKE[c] ?? c)), repairs);
  out = replaceAll(out, CHAPTER, (s) => s.replace(/[l1|]/g, 'I'), repairs);
  out = replaceAll(out, POINT_I, () => 'i', repairs);
  out = repairLabels(out, repairs);
  return { text: out, repairs };
}
