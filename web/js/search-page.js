/** The search page: the form and the URL kept in step, results read from /api/search and shown. */
import { getJson } from './api.js';
import { byId, el } from './dom.js';
import { capitalise, errorMessage } from './labels.js';
import { renderFacets } from './render-facets.js';
import { citedPassages, renderAnswer, renderResult } from './render-search.js';
import { attachSuggestions } from './suggest-box.js';
import { FILTERS, LAST_SEARCH_KEY, MAX_RESULTS, noFilters, PAGE_SIZE, pageUrl, readState, searchPath } from './search-state.js';

/** @typedef {import('./search-state.js').SearchState} SearchState */
/** @typedef {import('./api.js').SearchResponse} SearchResponse */
/** @typedef {import('./api.js').StoredDocument} StoredDocument */

const TITLE = 'Tra cứu văn bản';
const EXAMPLES = ['sinh hoạt chi bộ', 'xay dung dang', 'chỉ thị 05 của Bộ Chính trị', '22-NQ/TW'];

const form = byId('search-form', HTMLFormElement);
const query = byId('q', HTMLInputElement);
const status = byId('status', HTMLParagraphElement);
const answerBox = byId('answer', HTMLDivElement);
const facetBox = byId('facets', HTMLElement);
const list = byId('results', HTMLOListElement);
const more = byId('more', HTMLButtonElement);
const kind = byId('kind', HTMLSelectElement);
const filterFields = {
  kind,
  issuer: byId('issuer', HTMLInputElement),
  signer: byId('signer', HTMLInputElement),
  term: byId('term', HTMLInputElement),
  from: byId('from', HTMLInputElement),
  to: byId('to', HTMLInputElement),
  // `#status` is the announcement line; the validity filter's control is `#validity`.
  status: byId('validity', HTMLSelectElement),
};

/** @type {AbortController | null} */
let inFlight = null;
const suggestions = attachSuggestions(query, byId('suggestions', HTMLUListElement));

/**
 * A date field's text as ISO: `31/12/2024` (Vietnamese order, 1- or 2-digit day and month; `.` or `-` also
 * separate) or an ISO date as typed; '' for an empty field, null for anything else.
 * @param {string} text
 */
function isoDate(text) {
  const t = text.trim();
  if (t === '') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : null;
}

/** An ISO date as a date field shows it (`2024-12-31` → `31/12/2024`); anything else as it is. @param {string} iso */
function shownDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** @returns {SearchState | null} null when a date field cannot be read (the field is marked and focused) */
function formState() {
  const { issuer, signer, term, from, to, status: validity } = filterFields;
  /** @type {Record<'from' | 'to', string>} */
  const dates = { from: '', to: '' };
  for (const [name, field] of /** @type {const} */ ([['from', from], ['to', to]])) {
    const iso = isoDate(field.value);
    field.setCustomValidity(iso === null ? 'Ngày viết theo dạng ngày/tháng/năm, ví dụ 31/12/2024' : '');
    field.toggleAttribute('aria-invalid', iso === null);
    if (iso === null) {
      say(`${name === 'from' ? 'Từ ngày' : 'Đến ngày'}: hãy viết ngày theo dạng ngày/tháng/năm, ví dụ 31/12/2024.`, true);
      field.focus();
      return null;
    }
    dates[name] = iso;
  }
  return { q: query.value.trim(), filters: { kind: kind.value, issuer: issuer.value.trim(), signer: signer.value.trim(), term: term.value.trim(), ...dates, status: validity.value }, k: PAGE_SIZE };
}

/** @param {string} value */
function selectKind(value) {
  if (value && ![...kind.options].some((o) => o.value === value)) kind.append(el('option', { value }, capitalise(value)));
  kind.value = value;
}

/** @param {SearchState} state */
function fillForm(state) {
  query.value = state.q;
  for (const name of FILTERS) if (name !== 'kind') filterFields[name].value = name === 'from' || name === 'to' ? shownDate(state.filters[name]) : state.filters[name];
  selectKind(state.filters.kind);
}

/** @param {string} text @param {boolean} [error] */
function say(text, error = false) {
  status.textContent = text;
  status.classList.toggle('error', error);
}

function showWelcome() {
  facetBox.replaceChildren();
  answerBox.replaceChildren(
    el(
      'div',
      { class: 'notice' },
      el('p', {}, 'Thử tìm: '),
      el('ul', { class: 'examples' }, ...EXAMPLES.map((q) => el('li', {}, el('a', { href: pageUrl({ q, filters: noFilters(), k: PAGE_SIZE }) }, q)))),
    ),
  );
  list.replaceChildren();
  more.hidden = true;
}

/**
 * `Có phải bạn muốn tìm: <restored>`, the results being those of the restored query, and a link to search as typed.
 * @param {SearchState} state
 * @param {string} suggested
 */
function suggestion(state, suggested) {
  return el(
    'div',
    { class: 'notice suggestion' },
    el('p', {}, 'Có phải bạn muốn tìm: ', el('a', { href: pageUrl({ ...state, q: suggested, exact: false }), class: 'suggested' }, suggested), ' (kết quả dưới đây theo cách viết này)'),
    el('p', {}, 'Tìm đúng như đã gõ: ', el('a', { href: pageUrl({ ...state, exact: true }), class: 'as-typed' }, state.q)),
  );
}

/**
 * @param {SearchState} state
 * @param {SearchResponse} response
 * @param {number | null} focusFrom index of the first result to focus (after "more"), or null
 */
function render(state, response, focusFrom) {
  const filtered = FILTERS.some((name) => state.filters[name]);
  list.replaceChildren();
  answerBox.replaceChildren();
  const facets = response.facets && renderFacets(state, response.facets);
  facetBox.replaceChildren(...(facets ? [facets] : []));
  more.hidden = response.results.length < state.k || state.k >= MAX_RESULTS;
  // A query typed with the input method off was searched as Vietnamese: say which words were searched.
  const q = response.correctedQuery ?? response.suggestedQuery ?? state.q;
  // One typed without diacritics was searched as the corpus writes it: offer that spelling, and the query as typed.
  if (response.suggestedQuery) answerBox.append(suggestion(state, response.suggestedQuery));
  const searched = response.correctedQuery ? `Đã tìm “${response.correctedQuery}” thay cho “${state.q}”. ` : '';
  // The embedding server is down: the results come from the words alone, and the reader is told.
  const corrected = (response.notice ? 'Tìm kiếm ngữ nghĩa tạm thời không dùng được: kết quả chỉ theo từ ngữ. ' : '') + searched;
  if (response.results.length === 0) {
    say(`${corrected}Không tìm thấy văn bản nào phù hợp với “${q}”${filtered ? ' trong phạm vi bộ lọc đã chọn' : ''}.`);
    answerBox.append(el('div', { class: 'notice' }, el('p', {}, 'Hãy kiểm tra chính tả, thử từ ngữ khác' + (filtered ? ' hoặc bỏ bớt bộ lọc.' : '.'))));
    return;
  }
  const cited = citedPassages(response.answer);
  if (response.answer) {
    say(`${corrected}Tìm thấy ${response.results.length} đoạn trích liên quan nhất đến “${q}”.`);
    answerBox.append(renderAnswer(response.answer, response.results));
  } else {
    say(`${corrected}Không tìm thấy nội dung phù hợp với “${q}”. Dưới đây là ${response.results.length} đoạn gần nhất về từ ngữ.`);
    answerBox.append(el('div', { class: 'notice' }, el('p', {}, 'Không đoạn nào trả lời trực tiếp câu hỏi. Hãy thử từ ngữ khác, kiểm tra chính tả hoặc bỏ bớt bộ lọc.')));
  }
  list.append(...response.results.map((r) => renderResult(r, cited.has(r.passage.id))));
  if (focusFrom !== null) list.children[focusFrom]?.querySelector('a')?.focus();
}

/**
 * @param {SearchState} state
 * @param {number | null} [focusFrom]
 */
async function show(state, focusFrom = null) {
  inFlight?.abort();
  document.title = state.q ? `${state.q} – ${TITLE}` : TITLE;
  if (!state.q) {
    say('');
    showWelcome();
    return;
  }
  const controller = new AbortController();
  inFlight = controller;
  say('Đang tìm…');
  list.setAttribute('aria-busy', 'true');
  try {
    /** @type {SearchResponse} */
    const response = await getJson(searchPath(state), controller.signal);
    render(state, response, focusFrom);
    sessionStorage.setItem(LAST_SEARCH_KEY, pageUrl(state));
  } catch (err) {
    if (controller.signal.aborted) return;
    answerBox.replaceChildren();
    facetBox.replaceChildren();
    list.replaceChildren();
    more.hidden = true;
    say(errorMessage(err), true);
  } finally {
    if (inFlight === controller) list.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  suggestions.hide();
  const state = formState();
  if (state === null) return;
  if (!state.q) {
    say('Hãy nhập nội dung cần tìm.', true);
    query.focus();
    return;
  }
  const url = pageUrl(state);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  void show(state);
});

byId('clear-filters', HTMLButtonElement).addEventListener('click', () => {
  for (const field of Object.values(filterFields)) field.value = '';
  if (query.value.trim()) form.requestSubmit();
});

// A facet value is a link to the search with its filter added: followed here, without reloading the page.
facetBox.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-facet]') : null;
  if (!(link instanceof HTMLAnchorElement) || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  const state = readState(location.search);
  fillForm(state);
  query.focus();
  void show(state);
});

more.addEventListener('click', () => {
  const state = readState(location.search);
  const shown = list.children.length;
  state.k = Math.min(state.k + PAGE_SIZE, MAX_RESULTS);
  // The same search, longer: replacing the entry keeps Back for the previous search.
  history.replaceState(null, '', pageUrl(state));
  void show(state, shown);
});

window.addEventListener('popstate', () => {
  const state = readState(location.search);
  fillForm(state);
  void show(state);
});

/** Roman numerals in order (`IX` before `X`). @param {string} roman */
function romanValue(roman) {
  /** @type {Record<string, number>} */
  const value = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  return [...roman].reduce((sum, c, i) => ((value[c] ?? 0) < (value[roman[i + 1] ?? ''] ?? 0) ? sum - (value[c] ?? 0) : sum + (value[c] ?? 0)), 0);
}

/** Offers the kinds, issuers and terms of the stored documents as choices. */
async function loadChoices() {
  /** @type {{ documents: StoredDocument[] }} */
  const { documents } = await getJson('/api/documents');
  const distinct = (/** @type {(string | null)[]} */ values) => [...new Set(values.filter((v) => v !== null))];
  const listed = new Set([...kind.options].map((o) => o.value));
  const kinds = distinct(documents.map((d) => d.kind)).filter((k) => !listed.has(k));
  kind.append(...kinds.sort((a, b) => a.localeCompare(b, 'vi')).map((k) => el('option', { value: k }, capitalise(k))));
  byId('issuers', HTMLDataListElement).append(...distinct(documents.map((d) => d.issuer)).sort((a, b) => a.localeCompare(b, 'vi')).map((i) => el('option', { value: i })));
  const terms = distinct(documents.flatMap((d) => d.term?.split(/\s*,\s*/) ?? [])).sort((a, b) => romanValue(a) - romanValue(b));
  byId('terms', HTMLDataListElement).append(...terms.map((t) => el('option', { value: t })));
}

const initial = readState(location.search);
fillForm(initial);
void show(initial);
// Choices are a convenience: the form works without them.
loadChoices().catch(() => undefined);
