/** The search results as DOM: the extractive answer with its [n] citations, and the cited passages. */
import { el, markedText } from './dom.js';
import { documentName, metadataLine, statusMark } from './labels.js';
import { citedUrl } from './links.js';

/** @typedef {import('./api.js').SearchResponse} SearchResponse */
/** @typedef {import('./api.js').SearchResult} SearchResult */
/** @typedef {NonNullable<SearchResponse['answer']>} Answer */

/**
 * Each quoted sentence followed by its [n], a link to that sentence in its document.
 * @param {Answer} answer
 * @param {SearchResult[]} results
 */
export function renderAnswer(answer, results) {
  const paragraph = el('p', { class: 'answer-text' });
  for (const sentence of answer.sentences) {
    const citation = answer.citations.find((c) => c.n === sentence.n);
    const result = results.find((r) => r.passage.id === citation?.passageId);
    if (!citation || !result) continue;
    // Cited by the result's number in the list, so [1] is always the first result.
    const label = `Nguồn ${result.rank}: ${documentName(result.document)}`;
    // A sentence quoted from a document no longer in force says so, and names what replaced it.
    const ended = citation.noLongerInForce;
    const replacedBy = ended?.replacedBy ? `, thay thế bởi ${ended.replacedBy.number}` : '';
    paragraph.append(
      sentence.text,
      ' ',
      el('a', { class: 'citation', href: citedUrl(citation.documentId, sentence.start, sentence.end), 'aria-label': label, title: label }, `[${result.rank}]`),
      ended ? el('span', { class: 'answer-validity' }, ` (văn bản đã hết hiệu lực${replacedBy})`) : '',
      ' ',
    );
  }
  return el(
    'section',
    { class: 'answer', 'aria-labelledby': 'answer-heading' },
    el('h2', { id: 'answer-heading' }, 'Trả lời'),
    paragraph,
    el('p', { class: 'hint' }, 'Các câu được trích nguyên văn từ văn bản; bấm số trong ngoặc để xem câu đó trong văn bản gốc.'),
  );
}

/**
 * One result: its number, document, section path and the passage with the query words marked.
 * @param {SearchResult} result
 * @param {boolean} cited whether the answer cites this passage (by the result's number)
 */
export function renderResult(result, cited) {
  const { document: doc, passage } = result;
  const headingId = `result-${result.rank}-title`;
  return el(
    'li',
    { class: 'result', id: `result-${result.rank}` },
    el(
      'article',
      { 'aria-labelledby': headingId },
      el(
        'h3',
        { id: headingId },
        el('span', { class: 'badge', 'aria-label': cited ? `Nguồn ${result.rank} của câu trả lời,` : `Kết quả ${result.rank},` }, `[${result.rank}]`),
        ' ',
        el('a', { href: citedUrl(doc.id, passage.start, passage.end) }, documentName(doc)),
      ),
      el('p', { class: 'meta' }, metadataLine(doc), doc.author && ` · ${doc.author}`, doc.status && ' ', statusMark(doc.status)),
      passage.section && el('p', { class: 'section-path' }, el('span', { class: 'visually-hidden' }, 'Mục: '), passage.section),
      pageMark(passage),
      el('blockquote', { class: 'passage' }, markedText(passage.text, passage.start, result.highlights)),
    ),
  );
}

/**
 * The page of a passage of a paged source, said to come from a scan when OCR read it ("from a scan, page N").
 * @param {SearchResult['passage']} passage
 */
export function pageMark(passage) {
  if (passage.page == null) return null;
  if (!passage.ocr) return el('p', { class: 'page-mark' }, `Trang ${passage.page}`);
  const confidence = passage.confidence == null ? '' : ` (độ tin cậy ${Math.round(passage.confidence * 100)}%)`;
  return el('p', { class: 'page-mark scan', title: `Văn bản nhận dạng ký tự (OCR) từ bản quét${confidence}` }, `Từ bản quét, trang ${passage.page}`);
}

/** Passages the answer cites. @param {Answer | null} answer */
export function citedPassages(answer) {
  return new Set((answer?.citations ?? []).map((c) => c.passageId));
}
