/** The document page: metadata, citation graph, outline and full text, with the cited characters highlighted. */
import { documentPath, getJson } from './api.js';
import { byId, el } from './dom.js';
import { capitalise, documentName, errorMessage, formatDate, statusMark } from './labels.js';
import { citedRange } from './links.js';
import { buildOutline } from './outline.js';
import { renderCitedBy, renderReferences } from './render-citations.js';
import { renderRelationLists, renderRelationMap, renderValidityNotice } from './render-relations.js';
import { renderDocumentText } from './render-document.js';
import { renderSimilar } from './render-similar.js';
import { LAST_SEARCH_KEY } from './search-state.js';

/** @typedef {import('./api.js').DocumentResponse} DocumentResponse */
/** @typedef {import('./api.js').ReferencesResponse} ReferencesResponse */
/** @typedef {import('./api.js').CitedByResponse} CitedByResponse */
/** @typedef {import('./render-relations.js').RelationsResponse} RelationsResponse */
/** @typedef {import('./api.js').SimilarResponse} SimilarResponse */

const status = byId('status', HTMLParagraphElement);

/**
 * @param {DocumentResponse} doc
 * @param {RelationsResponse} relations
 */
function renderMetadata(doc, relations) {
  /** @type {[string, string | Node | null][]} */
  const rows = [
    ['Loại văn bản', capitalise(doc.kind)],
    ['Số hiệu', doc.number],
    ['Ngày', doc.date && formatDate(doc.date)],
    ['Cơ quan ban hành', doc.issuer],
    ['Khóa', doc.term],
    // The effective validity: as the source states it, corrected by indexed documents that replace or amend it.
    ['Tình trạng hiệu lực', statusMark(relations.validity.status)],
    // A formal document's author is its signer, shown once, on the signature rows.
    ['Tác giả', doc.author === doc.signer ? null : doc.author],
    ['Người ký', doc.signer],
    ['Chức vụ người ký', doc.signerTitle],
    ['Thay mặt', doc.onBehalfOf],
    // The file name only: where the server keeps its files is not the reader's business.
    ['Nguồn', doc.sources.map((s) => s.split('/').pop()).join(', ') || null],
    ['Bản quét', scanNote(doc)],
  ];
  return rows.flatMap(([term, value]) => (value ? [el('div', {}, el('dt', {}, term), el('dd', {}, value))] : []));
}

/**
 * "From a scan": the pages whose text OCR recognised, or null for a document read from its text.
 * @param {DocumentResponse} doc
 */
function scanNote(doc) {
  const pages = [...new Set(doc.passages.filter((p) => p.ocr).map((p) => p.page))];
  if (pages.length === 0) return null;
  return el('span', { class: 'page-mark scan' }, `Văn bản nhận dạng ký tự (OCR) từ bản quét, ${pages.length} trang; có thể còn lỗi nhận dạng.`);
}

/**
 * The page the cited words are on, for a paged source ("from a scan, page N" when OCR read it); empty otherwise.
 * @param {DocumentResponse} doc
 * @param {number} at offset of the cited words in the text
 * @returns {(Node | string)[]}
 */
function citedPage(doc, at) {
  const passage = doc.passages.find((p) => p.start <= at && at < p.end);
  if (passage?.page == null) return [];
  const text = passage.ocr ? `Từ bản quét, trang ${passage.page}.` : `Trang ${passage.page}.`;
  return [el('span', { class: passage.ocr ? 'page-mark scan' : 'page-mark' }, text), ' '];
}

/**
 * @param {DocumentResponse} doc
 * @param {ReferencesResponse} references
 * @param {CitedByResponse} citedBy
 * @param {RelationsResponse} relations
 */
function render(doc, references, citedBy, relations) {
  const name = documentName(doc);
  document.title = `${name} – Tra cứu văn bản`;
  byId('title', HTMLHeadingElement).textContent = name;
  byId('metadata', HTMLDListElement).replaceChildren(...renderMetadata(doc, relations));
  const map = renderRelationMap(relations, name);
  byId('relation-map', HTMLDivElement).replaceChildren(...(map ? [map] : []));
  byId('relation-lists', HTMLDivElement).replaceChildren(...renderRelationLists(relations));
  byId('references', HTMLDivElement).replaceChildren(renderReferences(doc.id, references.references));
  byId('cited-by', HTMLDivElement).replaceChildren(renderCitedBy(citedBy.number, citedBy.citedBy));

  const cited = citedRange(location.search, doc.text.length);
  const outline = buildOutline(doc.text, doc.passages);
  const rendered = renderDocumentText(doc.text, cited === 'invalid' ? null : cited, outline);
  byId('text', HTMLDivElement).replaceChildren(...rendered.paragraphs);
  const nav = byId('outline', HTMLElement);
  if (outline.length > 0) nav.append(rendered.outline);
  else {
    // Without an outline the text takes the whole width, not the outline's narrow column of the grid.
    nav.hidden = true;
    nav.parentElement?.classList.add('no-outline');
  }

  const notice = byId('cited-notice', HTMLDivElement);
  const ended = renderValidityNotice(relations.validity);
  if (ended) notice.append(ended);
  if (cited === 'invalid') {
    notice.append(el('p', { class: 'notice error' }, 'Vị trí trích dẫn trong địa chỉ không có trong văn bản này; văn bản được hiển thị đầy đủ, không tô sáng.'));
  } else if (cited) {
    notice.append(el('p', { class: 'notice' }, 'Đoạn được trích dẫn được tô sáng trong văn bản. ', ...citedPage(doc, cited.start), el('a', { href: '#cited' }, 'Đến đoạn trích dẫn')));
  }
  byId('document', HTMLDivElement).hidden = false;
  status.textContent = '';

  const first = document.querySelector('mark.cited');
  if (first instanceof HTMLElement) {
    // The first piece of the highlight takes the focus, so a screen reader starts reading at the cited words.
    first.id = 'cited';
    first.tabIndex = -1;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
}

async function main() {
  const lastSearch = sessionStorage.getItem(LAST_SEARCH_KEY);
  if (lastSearch) {
    const back = byId('back', HTMLAnchorElement);
    back.href = lastSearch;
    back.textContent = '← Quay lại kết quả tìm kiếm';
  }
  const id = decodeURIComponent(location.pathname.replace(/^\/documents\//, ''));
  try {
    const path = documentPath(id);
    /** @type {[DocumentResponse, ReferencesResponse, CitedByResponse, RelationsResponse]} */
    const [doc, references, citedBy, relations] = await Promise.all([
      getJson(path),
      getJson(`${path}/references`),
      getJson(`${path}/cited-by`),
      getJson(`${path}/relations`),
    ]);
    render(doc, references, citedBy, relations);
    // Similar documents come after the text is shown; without them the page is whole.
    const similarBox = byId('similar', HTMLDivElement);
    getJson(`${path}/similar?k=5`)
      .then((/** @type {SimilarResponse} */ similar) => similarBox.replaceChildren(renderSimilar(similar.similar)))
      .catch(() => similarBox.replaceChildren(el('p', { class: 'muted' }, 'Không tải được danh sách văn bản tương tự.')));
  } catch (err) {
    status.textContent = errorMessage(err);
    status.classList.add('error');
    document.title = 'Không tìm thấy văn bản – Tra cứu văn bản';
  }
}

void main();
