/**
 * Cuts a document's body into passages of roughly 80–250 words along its structure (headings.ts): headings open
 * sections (Phần › Chương › Mục › Điều, numbered and title-like headings), khoản / điểm inside an article and
 * enumerated items (`Một là,`, `Thứ nhất,`) open sub-sections, paragraphs are kept whole where they fit, long
 * paragraphs are cut between sentences, never inside one, table rows never. A passage never runs across a top-level
 * heading nor across an article; footnotes are passages of their own.
 */
import { createHash } from 'node:crypto';
import { ARTICLE_LEVEL, BARE_MARKER, clauseLabel, clauseRange, ENUMERATION, headingOf, isClause, ITEM_LEVEL, itemLabel, legalHeadingLevel, MAX_HEADING_WORDS, NUMBERED, sameParent } from './headings.js';
import { wordCount } from './normalize.js';
import { splitSentences, type Span } from './sentences.js';
import type { PassageDraft } from './types.js';

export interface SplitOptions {
  minWords: number;
  maxWords: number;
}

export const DEFAULT_SPLIT: SplitOptions = { minWords: 80, maxWords: 250 };

interface Block extends Span {
  words: number;
  /** A heading line: not passage text of its own, it names the section. */
  heading: { level: number; text: string } | null;
  /** An enumerated paragraph: passage text that also opens a sub-section. */
  item: { level: number; text: string } | null;
  /** Inside a quotation spanning lines: no structure of its own. */
  quoted: boolean;
  /** A table row: kept whole. */
  table: boolean;
  /** A footnote: a passage apart. */
  footnote: boolean;
  /** The block's last line (a heading may span two). */
  lastLine: string;
}

/** Field rows of legal portals' document tables (`Số hiệu:` / value): read for metadata, never passage text. */
const FIELD_LABEL =
  /^(?:Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày hết hiệu lực|Ngày công báo|Số công báo|Tình trạng|Hiệu lực|Cập nhật|Ban hành|Lĩnh vực|Lĩnh vực, ngành|Cơ quan ban hành):\s*(.*)$/u;
const MAX_FIELD_WORDS = 12;

/**
 * A footnote: `[3] Nội dung chú thích`, whose mark the text carries inline (`… Nhân dân[3];`). Explainers number
 * their sub-headings the same way (`[1] Tại Dự thảo Nghị quyết`) without any such mark: those are not footnotes.
 * Footnotes make passages of their own, under FOOTNOTES.
 */
const FOOTNOTE = /^\[(\d{1,3})\]\s+[\p{Lu}\p{N}“"]/u;
/**
 * Marks of footnotes in running text: `[2]` right after a word or a closing mark on the same line (`Nhân dân[2];`,
 * `16/4/2018) [1].`). A list item cited by its number (`quy định tại [1], [4]`) is no footnote mark.
 */
function inlineFootnoteMarks(text: string): Set<string> {
  const marks = new Set<string>();
  for (const m of text.matchAll(/(\S+)( ?)\[(\d{1,3})\]/gu)) {
    const [, before, space] = m;
    if (/[,[\]]$/u.test(before!) || (space && !/[)”"]$/u.test(before!))) continue;
    marks.add(m[3]!);
  }
  return marks;
}
export const FOOTNOTES = 'Chú thích';

const ALL_CAPS_LINE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const MAX_CONTINUATION_WORDS = 30;
/** How long an open quotation (an amended article quoted whole) may run before it is taken as unbalanced. */
const MAX_QUOTED_BLOCKS = 400;

/** Stands where lines were skipped: no passage spans it. */
const BARRIER: Block = { start: 0, end: 0, words: 0, heading: null, item: null, quoted: false, table: false, footnote: false, lastLine: '' };

/** A table row (`| … |`): kept whole, never a heading. */
const isTableRow = (line: string): boolean => line.startsWith('|');

/**
 * Whether `next` continues the heading `head`: the title of a bare marker (`Chương II` / `QUY ĐỊNH VỀ …`,
 * `Điều 5.` / `Phạm vi điều chỉnh`), or a capitalised heading wrapped onto a second capitalised line.
 */
function continuesHeading(head: string, lastLine: string, next: string): boolean {
  if (wordCount(next) > MAX_CONTINUATION_WORDS || /[.;,!?…]$/u.test(next) || isTableRow(next)) return false;
  if (legalHeadingLevel(next) !== null || NUMBERED.test(next) || ENUMERATION.test(next) || FIELD_LABEL.test(next)) return false;
  if (BARE_MARKER.test(head)) return /^[\p{Lu}“"(]/u.test(next);
  return ALL_CAPS_LINE.test(lastLine) && ALL_CAPS_LINE.test(next) && wordCount(head) + wordCount(next) <= MAX_HEADING_WORDS + 10;
}

function toBlocks(text: string, from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let pos = from;
  let quoteDepth = 0;
  let quotedBlocks = 0;
  let fieldValueNext = false;
  const marks = inlineFootnoteMarks(text.slice(from, to));
  const isFootnote = (line: string): boolean => marks.has(FOOTNOTE.exec(line)?.[1] ?? '');
  while (pos < to) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 || nl > to ? to : nl;
    const line = text.slice(pos, end).trim();
    const start = pos + text.slice(pos, end).indexOf(line);
    pos = end + 1;
    if (line === '') continue;
    // Legal portals' field rows, label then value: skipped.
    const field = FIELD_LABEL.exec(line);
    if (field && wordCount(line) <= MAX_FIELD_WORDS) {
      fieldValueNext = field[1]!.trim() === '';
      blocks.push(BARRIER);
      continue;
    }
    if (fieldValueNext) {
      fieldValueNext = false;
      if (wordCount(line) <= MAX_FIELD_WORDS && !/[.!?]$/u.test(line)) continue;
    }
    // Inside a quotation (an amended article quoted whole), headings and clauses are the quoted text's, not ours.
    // Only a paragraph that opens with a quotation mark starts one: unbalanced quotes inside prose do not.
    const quoted = quoteDepth > 0 || line.startsWith('“');
    if (quoted) quoteDepth = Math.max(0, quoteDepth + (line.match(/“/gu)?.length ?? 0) - (line.match(/”/gu)?.length ?? 0));
    quotedBlocks = quoteDepth > 0 ? quotedBlocks + 1 : 0;
    if (quotedBlocks > MAX_QUOTED_BLOCKS) quoteDepth = 0;
    const prev = blocks[blocks.length - 1];
    if (prev !== BARRIER && prev?.heading && !quoted && continuesHeading(prev.heading.text, prev.lastLine, line)) {
      const joiner = BARE_MARKER.test(prev.heading.text) && !/[.:]$/u.test(prev.heading.text) ? '. ' : ' ';
      prev.heading = { level: prev.heading.level, text: `${prev.heading.text}${joiner}${line}` };
      prev.end = start + line.length;
      prev.words += wordCount(line);
      prev.lastLine = line;
      continue;
    }
    const table = isTableRow(line);
    // A footnote wrapped onto the next lines goes on until a sentence ends.
    if (prev?.footnote && !/[.!?…;”"]$/u.test(prev.lastLine) && !table && !isFootnote(line) && headingOf(line) === null) {
      prev.end = start + line.length;
      prev.words += wordCount(line);
      prev.lastLine = line;
      continue;
    }
    const footnote = isFootnote(line);
    const heading = quoted || table || footnote ? null : headingOf(line);
    const label = heading === null && !quoted && !table ? itemLabel(line) : null;
    blocks.push({
      start,
      end: start + line.length,
      words: wordCount(line),
      heading,
      item: label === null ? null : { level: ITEM_LEVEL, text: label },
      quoted,
      table,
      footnote,
      lastLine: line,
    });
  }
  // A heading needs prose (or a deeper heading) after it: a short last line, a signature, is not one.
  let next: Block | undefined;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block === BARRIER) continue;
    const heading = block.heading;
    if (heading && !(next && (next.heading === null || next.heading.level > heading.level))) block.heading = null;
    next = block;
  }
  return blocks;
}

/** Spans of at most maxWords words, cut between sentences (inside an over-long sentence, between clauses). */
function cutLongBlock(text: string, block: Span, maxWords: number): Span[] {
  const units: Span[] = [];
  for (const s of splitSentences(text, block.start, block.end)) {
    if (wordCount(text.slice(s.start, s.end)) <= maxWords) units.push(s);
    else units.push(...cutAtClauses(text, s, maxWords));
  }
  const out: Span[] = [];
  let cur: Span | null = null;
  let curWords = 0;
  for (const u of units) {
    const w = wordCount(text.slice(u.start, u.end));
    if (cur && curWords + w > maxWords) {
      out.push(cur);
      cur = null;
      curWords = 0;
    }
    cur = cur ? { start: cur.start, end: u.end } : { ...u };
    curWords += w;
  }
  if (cur) out.push(cur);
  return out;
}

/** Last resort for run-on text with no sentence ends (tables, bad PDF layers): cut after , ; or spaces. */
function cutAtClauses(text: string, span: Span, maxWords: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  let words = 0;
  let lastBreak = -1;
  const re = /[\p{L}\p{N}]+([,;:]?)(\s+|$)/gu;
  re.lastIndex = span.start;
  const body = text.slice(0, span.end);
  for (let m = re.exec(body); m && m.index < span.end; m = re.exec(body)) {
    words++;
    const after = m.index + m[0].length - m[2]!.length;
    if (m[1]) lastBreak = after;
    if (words >= maxWords) {
      const cut = lastBreak > start ? lastBreak : after;
      out.push({ start, end: cut });
      start = cut;
      while (start < span.end && /\s/u.test(text[start]!)) start++;
      words = wordCount(text.slice(start, after));
      lastBreak = -1;
    }
    if (m[0].length === 0) break;
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

interface Draft {
  span: Span;
  /** Headings (and item labels) above the passage, outermost first. */
  path: string[];
  /** The legal headings (Phần … Điều) in the path: passages under different articles never merge. */
  legal: string;
  words: number;
  /** The last khoản / điểm of the passage when it runs over several of its first one's level (`khoản 1–3`). */
  lastClause?: string;
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function commonPrefix(a: string[], b: string[]): string[] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * Passages of `text[bodyStart, bodyEnd)`: what lies outside (letterhead, title block, closing block) stays in the
 * stored text but is never a passage. Section paths follow the document's nesting, e.g.
 * `Chương II. HÀNH VI VI PHẠM … › Điều 5. Xử phạt … › khoản 2 › điểm a`; footnotes (`[3] …`) are passages of
 * their own under `Chú thích`; legal portals' field rows (`Số hiệu:` …) are skipped; a table row is never cut.
 */
export function splitPassages(text: string, bodyStart = 0, options: SplitOptions = DEFAULT_SPLIT, bodyEnd = text.length): PassageDraft[] {
  const { minWords, maxWords } = options;
  const drafts: Draft[] = [];
  const path: { level: number; text: string }[] = [];
  // Widened on purpose: the closures below assign it, which TypeScript's narrowing does not see.
  let cur = null as Draft | null;

  const flush = (): void => {
    if (cur?.lastClause) cur.path[cur.path.length - 1] = clauseRange(cur.path[cur.path.length - 1]!, cur.lastClause);
    if (cur) drafts.push(cur);
    cur = null;
  };
  const legalKey = (): string =>
    path
      .filter((h) => h.level < 0)
      .map((h) => h.text)
      .join(' › ');
  const add = (span: Span, words: number): void => {
    if (cur && cur.words + words > maxWords) flush();
    if (cur) {
      cur.span.end = span.end;
      cur.words += words;
    } else cur = { span: { ...span }, path: path.map((h) => h.text), legal: legalKey(), words };
  };
  const enter = (section: { level: number; text: string }): void => {
    while (path.length > 0 && path[path.length - 1]!.level >= section.level) path.pop();
    path.push(section);
  };
  const inArticle = (): boolean => path.some((h) => h.level === ARTICLE_LEVEL);
  let continuing: { draft: Draft; label: string } | null = null;

  for (const block of toBlocks(text, bodyStart, bodyEnd)) {
    if (block === BARRIER) {
      flush();
      continue;
    }
    if (block.footnote) {
      flush();
      drafts.push({ span: { start: block.start, end: block.end }, path: [FOOTNOTES], legal: FOOTNOTES, words: block.words });
      continue;
    }
    // Inside an article, `1.` opens a khoản and `a)` a điểm, whether they read as headings or as prose.
    if (!block.quoted && !block.table && inArticle() && (block.heading === null || block.heading.level > 0)) {
      const clause = clauseLabel(text.slice(block.start, block.end));
      if (clause) {
        block.heading = null;
        block.item = clause;
      }
    }
    if (block.heading) {
      enter(block.heading);
      // Top-level headings always end the running passage; deeper ones unless it is too short to stand alone.
      if (cur === null || block.heading.level <= 1 || cur.words >= minWords / 2) {
        flush();
        continue;
      }
    }
    if (block.item) {
      enter(block.item);
      // A điểm is short: points run on together, a passage is only cut before one when it is full.
      if (cur !== null && cur.words >= minWords / 2 && !block.item.text.startsWith('điểm ')) flush();
      // A passage that goes on into the next khoản (điểm) of its own says so: `khoản 1–3`.
      const running = cur as Draft | null;
      if (running && isClause(block.item.text) && sameParent(running.path, path.map((h) => h.text)) && isClause(running.path[running.path.length - 1] ?? '')) {
        continuing = { draft: running, label: block.item.text };
      }
    }
    if (block.words > maxWords && !block.table) {
      if (cur !== null && cur.words >= minWords / 2) flush();
      for (const piece of cutLongBlock(text, block, maxWords)) add(piece, wordCount(text.slice(piece.start, piece.end)));
    } else add(block, block.words);
    // Only if the item did go into that passage (a full one was flushed before it).
    if (continuing && cur === continuing.draft) continuing.draft.lastClause = continuing.label;
    continuing = null;
  }
  flush();

  // A very short passage merges with the one before it under their common parent, never across top-level
  // sections nor across articles.
  const merged: Draft[] = [];
  for (const d of drafts) {
    const prev = merged[merged.length - 1];
    if (prev && d.words < minWords / 2 && prev.path[0] === d.path[0] && prev.legal === d.legal && prev.words + d.words <= maxWords * 1.2) {
      prev.span.end = d.span.end;
      prev.words += d.words;
      const last = prev.path.length - 1;
      if (sameParent(prev.path, d.path) && isClause(prev.path[last]!) && isClause(d.path[last]!)) prev.path[last] = clauseRange(prev.path[last]!, d.path[last]!);
      else prev.path = commonPrefix(prev.path, d.path);
    } else merged.push(d);
  }

  return merged.map((d, ordinal) => {
    const passageText = text.slice(d.span.start, d.span.end);
    const section = d.path.length > 0 ? d.path.join(' › ') : null;
    return { ordinal, text: passageText, section, start: d.span.start, end: d.span.end, hash: hashText(passageText) };
  });
}
