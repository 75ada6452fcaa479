/**
 * Running heads, running feet and page numbers of paginated text (PDF text layers), found by repetition rather
 * than by phrase lists: a line at the edge of a page whose shape (digits masked) recurs at the edge of most pages
 * is page furniture. A browser's print header `13:08 24/11/25 about:blank … 1/102`, a bare page number `2`, a
 * `Trang 3/10` foot all have one shape across pages; body text does not.
 */

/** Lines examined at the top and at the bottom of each page. */
const EDGE_LINES = 3;
/** A shape is furniture when it stands at the edge of at least this share of pages (and of 3 pages or more). */
const MIN_SHARE = 0.5;
const MIN_PAGES = 3;

/** Digits masked, spacing collapsed: `about:blank 1/102` and `about:blank 2/102` have one shape. */
export function lineShape(line: string): string {
  return line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function edgeIndexes(lines: string[]): number[] {
  const filled = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  return [...new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)])];
}

/**
 * The pages' text without their furniture lines; pages are given and returned as arrays of lines' text joined by
 * `\n`. Fewer than MIN_PAGES pages: returned unchanged.
 */
export function removePageFurniture(pages: string[]): string[] {
  if (pages.length < MIN_PAGES) return pages;
  const split = pages.map((p) => p.split('\n'));
  const pagesWithShape = new Map<string, number>();
  for (const lines of split) {
    const shapes = new Set(edgeIndexes(lines).map((i) => lineShape(lines[i]!)));
    for (const s of shapes) pagesWithShape.set(s, (pagesWithShape.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(MIN_PAGES, Math.ceil(pages.length * MIN_SHARE));
  const furniture = new Set([...pagesWithShape].filter(([s, n]) => n >= threshold && s !== '').map(([s]) => s));
  if (furniture.size === 0) return pages;
  return split.map((lines) => {
    const drop = new Set(edgeIndexes(lines).filter((i) => furniture.has(lineShape(lines[i]!))));
    return lines.filter((_, i) => !drop.has(i)).join('\n');
  });
}
