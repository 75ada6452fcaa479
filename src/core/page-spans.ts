/**
 * Where each source page starts in a document's stored text, found after cleaning (which joins lines and drops
 * furniture, so offsets move): each page is anchored by the first of its lines, without spaces, that is found in
 * the stored text (without spaces) after the previous page's start. A page none of whose lines is found shares the
 * start of the page before it.
 */

export interface SourcePage {
  /** 1-based page number in the source file. */
  number: number;
  text: string;
  /** True when the text was recognised from the page's image. */
  ocr: boolean;
  /** OCR: mean word confidence, 0–1 (after repair, the engine's). Text layers: null. */
  confidence: number | null;
}

/** Characters of an anchor line compared; shorter lines are not used. */
const ANCHOR_CHARS = 40;
const MIN_ANCHOR = 8;

/** Start offset in `text` of each page, in page order (never decreasing). */
export function locatePages(text: string, pages: readonly SourcePage[]): number[] {
  const positions = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  for (const m of text.matchAll(/\S+/gu)) {
    parts.push(m[0]);
    for (let k = 0; k < m[0].length; k++) positions[n++] = m.index + k;
  }
  const compact = parts.join('');
  const starts: number[] = [];
  let cursor = 0;
  for (const page of pages) {
    let start = -1;
    for (const line of page.text.normalize('NFC').split('\n').slice(0, 12)) {
      const key = line.replace(/\s+/gu, '').slice(0, ANCHOR_CHARS);
      if (key.length < MIN_ANCHOR) continue;
      const at = compact.indexOf(key, cursor);
      if (at >= 0) {
        start = at;
        break;
      }
    }
    if (start < 0) {
      starts.push(starts.length ? starts[starts.length - 1]! : 0);
      continue;
    }
    cursor = start + 1;
    starts.push(start < n ? positions[start]! : text.length);
  }
  // The first page holds everything before the second.
  if (starts.length) starts[0] = 0;
  return starts;
}

/** Index in `pages` of the page holding offset `at`, given locatePages' starts. */
export function pageAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
