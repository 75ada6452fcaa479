/** Builds DOM nodes from data without ever parsing HTML, so document text can only ever be shown as text. */

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * An element with attributes (skipped when undefined or false; `true` sets an empty one) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attributes]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/**
 * A text cut at highlight ranges, the highlighted parts in <mark> elements.
 * @param {string} text the text shown
 * @param {number} offset where `text` starts in its document
 * @param {ReadonlyArray<readonly [number, number]>} ranges offsets in the document, in order and not overlapping
 * @param {Record<string, string>} [markAttributes]
 * @returns {DocumentFragment}
 */
export function markedText(text, offset, ranges, markAttributes = {}) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(start - offset, at);
    const to = Math.min(end - offset, text.length);
    if (to <= from) continue;
    fragment.append(text.slice(at, from), el('mark', markAttributes, text.slice(from, to)));
    at = to;
  }
  fragment.append(text.slice(at));
  return fragment;
}

/**
 * The element with this id; the pages' HTML defines every id the scripts use.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`#${id} is missing from the page`);
  return node;
}
