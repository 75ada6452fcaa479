/** A stored document as DOM: its text in paragraphs with the cited characters marked, and its outline. */
import { el, markedText } from './dom.js';

/** @typedef {import('./outline.js').OutlineNode} OutlineNode */

/** Longest paragraph shown as a heading; a section may also open with a whole paragraph (`Một là, …`). */
const HEADING_CHARS = 160;

/** Id of the paragraph that begins at this offset. @param {number} offset */
const paragraphId = (offset) => `at-${offset}`;

/**
 * Starts of the text's paragraphs: its lines, a blank line belonging to the paragraph before it.
 * @param {string} text
 */
function paragraphStarts(text) {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; ) {
    const next = text.indexOf('\n', at + 1);
    if (text.slice(at + 1, next === -1 ? text.length : next).trim()) starts.push(at + 1);
    at = next;
  }
  return starts;
}

/**
 * The start of the paragraph holding an offset.
 * @param {number[]} starts ascending
 * @param {number} offset
 */
function paragraphOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo] ?? 0;
}

/**
 * @param {OutlineNode[]} nodes
 * @param {number[]} starts
 * @returns {HTMLOListElement}
 */
function outlineList(nodes, starts) {
  return el(
    'ol',
    {},
    ...nodes.map((n) => el('li', {}, el('a', { href: `#${paragraphId(paragraphOf(starts, n.start))}` }, n.title), n.children.length > 0 && outlineList(n.children, starts))),
  );
}

/** @param {OutlineNode[]} nodes @returns {number[]} */
const sectionStarts = (nodes) => nodes.flatMap((n) => [n.start, ...sectionStarts(n.children)]);

/**
 * The text as paragraphs that keep their line breaks, so the DOM holds exactly the stored characters and a cited
 * range across paragraphs is marked piece by piece; and the outline linking to the paragraphs where sections begin.
 * @param {string} text
 * @param {{ start: number, end: number } | null} cited
 * @param {OutlineNode[]} outline
 */
export function renderDocumentText(text, cited, outline) {
  const starts = paragraphStarts(text);
  const headings = new Set(sectionStarts(outline).map((s) => paragraphOf(starts, s)));
  const isHeading = (/** @type {number} */ start, /** @type {number} */ end) => headings.has(start) && end - start <= HEADING_CHARS;
  /** @type {[number, number][]} */
  const ranges = cited ? [[cited.start, cited.end]] : [];
  const paragraphs = starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    return el('p', { id: paragraphId(start), class: isHeading(start, end) ? 'heading' : undefined }, markedText(text.slice(start, end), start, ranges, { class: 'cited' }));
  });
  return { paragraphs, outline: outlineList(outline, starts) };
}
