/**
 * Tesseract's TSV output (`tesseract IMAGE stdout tsv`: level, page_num, block_num, par_num, line_num, word_num,
 * left, top, width, height, conf, text; words are level 5, conf 0–100) back into text: a line per OCR line, a blank
 * line between paragraphs and blocks, with the mean word confidence of each page.
 */

export interface OcrPage {
  /** 1-based page of the image (a multi-page TIFF has several). */
  page: number;
  text: string;
  /** Mean word confidence, 0–1, or null for a page without words. */
  confidence: number | null;
  words: number;
}

/** Parses TSV into pages, in page order. Lines that are not word rows are skipped. */
export function parseTesseractTsv(tsv: string): OcrPage[] {
  const pages = new Map<number, { lines: string[]; key: string; para: string; line: string[]; sum: number; words: number }>();
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const word = (cols[11] ?? '').trim();
    if (word === '') continue;
    const page = Number(cols[1]);
    const para = `${cols[2]}.${cols[3]}`;
    const key = `${para}.${cols[4]}`;
    let p = pages.get(page);
    if (!p) pages.set(page, (p = { lines: [], key, para, line: [], sum: 0, words: 0 }));
    if (key !== p.key) {
      if (p.line.length) p.lines.push(p.line.join(' '));
      if (para !== p.para && p.lines.length) p.lines.push('');
      p.line = [];
      p.key = key;
      p.para = para;
    }
    p.line.push(word);
    const conf = Number(cols[10]);
    if (Number.isFinite(conf) && conf >= 0) {
      p.sum += conf;
      p.words++;
    }
  }
  return [...pages.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([page, p]) => {
      if (p.line.length) p.lines.push(p.line.join(' '));
      return { page, text: p.lines.join('\n'), confidence: p.words ? p.sum / p.words / 100 : null, words: p.words };
    });
}

/** A region of a page image, in its pixels. */
export interface PageRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a closing page's signature block lies, from the page's TSV: beside the `Nơi nhận:` list, in the right part
 * of the page (from 56 % of its width), from a little above the `Nơi nhận:` line down a third of the page (the block
 * is three to six lines with the signature between; Nghị định 30/2020/NĐ-CP, Phụ lục I, lays it out to the right of
 * the recipients). Null when the page has no `Nơi nhận` line (`ơi nhận` counts: OCR may lose the `N` to a margin mark).
 */
export function signatureRegion(tsv: string): PageRegion | null {
  let width = 0;
  let height = 0;
  let prev: string[] | null = null;
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols[0] === '1' && width === 0) {
      width = Number(cols[8]);
      height = Number(cols[9]);
    }
    if (cols[0] !== '5' || cols.length < 12) continue;
    const word = (cols[11] ?? '').trim().normalize('NFC');
    if (prev && /ơi$/iu.test(prev[11]!.trim().normalize('NFC')) && /^nhận:?$/iu.test(word) && width > 0) {
      const lineHeight = Number(cols[9]);
      const top = Math.max(0, Math.round(Number(cols[7]) - 2.5 * lineHeight));
      const left = Math.round(width * 0.56);
      return { left, top, width: width - left, height: Math.min(height - top, Math.round(height / 3)) };
    }
    prev = cols;
  }
  return null;
}
