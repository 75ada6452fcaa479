/**
 * Cuts a document's body into passages of roughly 80–250 words along its structure: headings open sections,
 * enumerated items (`Một là,`, `Thứ nhất,`) open sub-sections, paragraphs are kept whole where they fit, long
 * paragraphs are cut between sentences, never inside one. A passage never runs across a top-level heading.
 */
import { createHash } from 'node:crypto';
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
}

/** `Một là,` … `Mười là:`, `Thứ nhất,` … `Thứ mười,`, `Một,` `Hai,` at the start of a paragraph. */
const ENUMERATION =
  /^(?:(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là|Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)(?=,))[,:]/u;
/** Items sit below every numbered heading level. */
const ITEM_LEVEL = 4;
const MAX_ITEM_LABEL_WORDS = 20;
const LONG_ITEM_LABEL_WORDS = 12;

/** Section label of an enumerated paragraph: its first sentence, shortened to its opening words when long. */
export function itemLabel(paragraph: string): string | null {
  if (!ENUMERATION.test(paragraph)) return null;
  const first = splitSentences(paragraph)[0]!;
  const sentence = paragraph.slice(first.start, first.end).replace(/[.:;]$/u, '');
  if (wordCount(sentence) <= MAX_ITEM_LABEL_WORDS) return sentence;
  return `${sentence.split(/\s+/).slice(0, LONG_ITEM_LABEL_WORDS).join(' ').replace(/[,;:]$/u, '')}…`;
}

const NUMBERED = /^(?:([IVXLC]+)\.|(\d+(?:\.\d+)*)[./)]|([a-zđ])\))\s+\S/u;
const MAX_HEADING_WORDS = 30;
const MAX_NUMBERED_HEADING_WORDS = 40;

/** Level of a heading line, or null when the line reads as prose. */
export function headingLevel(line: string): number | null {
  const words = wordCount(line);
  if (words === 0 || /^[-–+•*]/u.test(line)) return null;
  const m = NUMBERED.exec(line);
  if (m) {
    // Numbered headings may run long and may introduce a list with a colon.
    if (words > MAX_NUMBERED_HEADING_WORDS || /[.;,!?…]$/u.test(line)) return null;
    if (m[1]) return 0;
    if (m[2]) return m[2].split('.').length;
    return 3;
  }
  if (words > MAX_HEADING_WORDS || /[.;,:!?…]$/u.test(line)) return null;
  return /^[\p{Lu}“"]/u.test(line) ? 1 : null;
}

function toBlocks(text: string, from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let pos = from;
  while (pos < to) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 || nl > to ? to : nl;
    const line = text.slice(pos, end).trim();
    if (line !== '') {
      const start = pos + text.slice(pos, end).indexOf(line);
      const level = headingLevel(line);
      const label = level === null ? itemLabel(line) : null;
      blocks.push({
        start,
        end: start + line.length,
        words: wordCount(line),
        heading: level === null ? null : { level, text: line },
        item: label === null ? null : { level: ITEM_LEVEL, text: label },
      });
    }
    pos = end + 1;
  }
  // A heading needs prose (or a deeper heading) after it: a short last line, a signature, is not one.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const heading = blocks[i]!.heading;
    const next = blocks[i + 1];
    if (heading && !(next && (next.heading === null || next.heading.level > heading.level))) blocks[i]!.heading = null;
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
  words: number;
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
 * stored text but is never a passage.
 */
export function splitPassages(text: string, bodyStart = 0, options: SplitOptions = DEFAULT_SPLIT, bodyEnd = text.length): PassageDraft[] {
  const { minWords, maxWords } = options;
  const drafts: Draft[] = [];
  const path: { level: number; text: string }[] = [];
  // Widened on purpose: the closures below assign it, which TypeScript's narrowing does not see.
  let cur = null as Draft | null;

  const flush = (): void => {
    if (cur) drafts.push(cur);
    cur = null;
  };
  const add = (span: Span, words: number): void => {
    if (cur && cur.words + words > maxWords) flush();
    if (cur) {
      cur.span.end = span.end;
      cur.words += words;
    } else cur = { span: { ...span }, path: path.map((h) => h.text), words };
  };
  const enter = (section: { level: number; text: string }): void => {
    while (path.length > 0 && path[path.length - 1]!.level >= section.level) path.pop();
    path.push(section);
  };

  for (const block of toBlocks(text, bodyStart, bodyEnd)) {
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
      if (cur !== null && cur.words >= minWords / 2) flush();
    }
    if (block.words > maxWords) {
      if (cur !== null && cur.words >= minWords / 2) flush();
      for (const piece of cutLongBlock(text, block, maxWords)) add(piece, wordCount(text.slice(piece.start, piece.end)));
    } else add(block, block.words);
  }
  flush();

  // A very short passage merges with the one before it under their common parent, never across top-level sections.
  const merged: Draft[] = [];
  for (const d of drafts) {
    const prev = merged[merged.length - 1];
    if (prev && d.words < minWords / 2 && prev.path[0] === d.path[0] && prev.words + d.words <= maxWords * 1.2) {
      prev.span.end = d.span.end;
      prev.words += d.words;
      prev.path = commonPrefix(prev.path, d.path);
    } else merged.push(d);
  }

  return merged.map((d, ordinal) => {
    const passageText = text.slice(d.span.start, d.span.end);
    const section = d.path.length > 0 ? d.path.join(' › ') : null;
    return { ordinal, text: passageText, section, start: d.span.start, end: d.span.end, hash: hashText(passageText) };
  });
}
