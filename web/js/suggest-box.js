/**
 * Autocomplete under the search box: document numbers and titles from /api/suggest as the reader types, each a link
 * to its document. ↓ from the box enters the list, ↑/↓ move in it, Escape closes it and returns to the box.
 */
import { getJson } from './api.js';
import { el } from './dom.js';
import { documentUrl } from './links.js';

/** @typedef {import('./api.js').SuggestionsResponse} SuggestionsResponse */

/** Quiet time after a keystroke before asking the server. */
const DELAY_MS = 120;

/**
 * @param {HTMLInputElement} input the search box
 * @param {HTMLUListElement} list where suggestions are shown (hidden when empty)
 * @returns {{ hide: () => void }}
 */
export function attachSuggestions(input, list) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {AbortController | null} */
  let inFlight = null;

  const hide = () => {
    clearTimeout(timer);
    inFlight?.abort();
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };

  /** @param {string} text */
  async function load(text) {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      /** @type {SuggestionsResponse} */
      const { suggestions } = await getJson(`/api/suggest?q=${encodeURIComponent(text)}`, controller.signal);
      if (controller.signal.aborted || input.value.trim() !== text) return;
      list.replaceChildren(
        ...suggestions.map((s) =>
          el(
            'li',
            { class: `suggestion suggestion-${s.kind}` },
            el('a', { href: documentUrl(s.documentId) }, el('span', { class: 'suggestion-label' }, s.label), s.detail ? el('span', { class: 'suggestion-detail' }, s.detail) : null),
          ),
        ),
      );
      list.hidden = suggestions.length === 0;
      input.setAttribute('aria-expanded', String(suggestions.length > 0));
    } catch {
      // Suggestions are a convenience: the search works without them.
      if (!controller.signal.aborted) hide();
    }
  }

  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text === '') return hide();
    timer = setTimeout(() => void load(text), DELAY_MS);
  });

  const links = () => /** @type {HTMLAnchorElement[]} */ ([...list.querySelectorAll('a')]);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !list.hidden) {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      hide();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      hide();
      input.focus();
    }
  });
  // Leaving both the box and the list closes it (a click on a suggestion follows its link first).
  document.addEventListener('focusin', (event) => {
    const target = /** @type {Node | null} */ (event.target);
    if (target !== input && !list.contains(target)) hide();
  });
  return { hide };
}
