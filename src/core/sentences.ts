/**
 * Sentence boundaries in Vietnamese text. A boundary is sentence punctuation, then space, then something that
 * can open a sentence; numbers (`1.128`, `4,4`), dates and abbreviations (`TP.HCM`, `v.v.`, `PGS.TS.`) are not.
 */

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations that end with a dot but seldom end a sentence (compared without case). */
const ABBREVIATIONS = new Set([
  'tp', 'tt', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'cn', 'ông', 'bà', 'tr', 'st', 'nxb', 'q', 'p', 'sđd', 'tl', 'k', 'đ/c',
]);

const SENTENCE_END = /[.!?…]+["”»’)\]]*(?=\s)/gu;
const OPENS_SENTENCE = /^[\p{Lu}\p{N}"“«‘(\[•\-–]/u;

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = /([\p{L}/]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex));
  if (!before) return false;
  const word = before[1]!;
  // Initials such as "Hồ Chí Minh (H.)": one capital letter before the dot.
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Sentence spans in text[from, to), trimmed of surrounding white space; a line break always ends a sentence. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  let lineStart = from;
  while (lineStart < to) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 || nl > to ? to : nl;
    const line = text.slice(lineStart, lineEnd);
    let sentenceStart = 0;
    for (const m of line.matchAll(SENTENCE_END)) {
      const end = m.index + m[0].length;
      const rest = line.slice(end).trimStart();
      if (!OPENS_SENTENCE.test(rest)) continue;
      if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(line, m.index)) continue;
      push(lineStart + sentenceStart, lineStart + end);
      sentenceStart = end;
    }
    push(lineStart + sentenceStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return spans;
}
