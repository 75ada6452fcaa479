/** Vietnamese wording of metadata, dates and errors, shared by the pages. */
import { ApiError } from './api.js';
import { el } from './dom.js';

/** @param {string} text */
export const capitalise = (text) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** `2016-05-15` → `15/05/2016`. @param {string} iso */
export const formatDate = (iso) => iso.split('-').reverse().join('/');

/**
 * What to call a document: its title, else its kind and number.
 * @param {{ id: string, title: string | null, kind: string, number: string | null }} doc
 */
export const documentName = (doc) => doc.title ?? (doc.number ? `${capitalise(doc.kind)} ${doc.number}` : `${capitalise(doc.kind)} ${doc.id}`);

/**
 * Kind, number, date and term in one line: `Chỉ thị · Số 05-CT/TW · 15/05/2016 · Khóa XII`.
 * @param {{ kind: string, number: string | null, date: string | null, term: string | null }} doc
 */
export function metadataLine(doc) {
  return [capitalise(doc.kind), doc.number && `Số ${doc.number}`, doc.date && formatDate(doc.date), doc.term && `Khóa ${doc.term}`].filter(Boolean).join(' · ');
}

/** @typedef {NonNullable<import('./api.js').DocumentFields['status']>} DocumentStatus */

/**
 * How Vietnamese legal portals word each validity (`Tình trạng`), as the status filter offers them.
 * @type {Record<DocumentStatus, string>}
 */
export const STATUS_LABELS = {
  'in-force': 'Còn hiệu lực',
  'not-yet-in-force': 'Chưa có hiệu lực',
  'partly-in-force': 'Hết hiệu lực một phần',
  'no-longer-in-force': 'Hết hiệu lực',
};

/**
 * The validity as a mark (`Hết hiệu lực`), styled by status, or null when the source states none.
 * @param {DocumentStatus | null} status
 */
export const statusMark = (status) => (status ? el('span', { class: `validity validity-${status}` }, STATUS_LABELS[status]) : null);

/** What the page calls each facet (src/core/facets.ts). @type {Record<import('../../src/core/facets.js').FacetField, string>} */
export const FACET_LABELS = {
  kind: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  signer: 'Người ký',
  year: 'Năm',
  term: 'Khóa',
  status: 'Tình trạng hiệu lực',
};

/** @type {Record<string, string>} */
const ERROR_MESSAGES = {
  network: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  too_many_requests: 'Bạn đã tìm kiếm quá nhiều lần trong một phút. Vui lòng đợi giây lát rồi thử lại.',
  query_too_long: 'Nội dung tìm kiếm quá dài (tối đa 2.000 ký tự).',
  invalid_date: 'Ngày không hợp lệ: hãy chọn ngày theo dạng ngày/tháng/năm.',
  invalid_term: 'Khóa không hợp lệ: hãy nhập số La Mã hoặc số, ví dụ XII hoặc 12.',
  invalid_filter: 'Một bộ lọc quá dài (tối đa 200 ký tự).',
  invalid_status: 'Tình trạng hiệu lực không hợp lệ: hãy chọn một tình trạng trong danh sách.',
  query_syntax:
    'Cú pháp tìm kiếm chưa đúng: cụm từ trong ngoặc kép cần có dấu đóng ngoặc ("…"), và cần ít nhất một từ cần tìm không có dấu trừ (-) phía trước.',
  document_not_found: 'Không tìm thấy văn bản này trong kho. Có thể văn bản đã bị xóa.',
};

/** @param {unknown} err */
export function errorMessage(err) {
  if (err instanceof ApiError) return ERROR_MESSAGES[err.code] ?? `Đã xảy ra lỗi (${err.status}): ${err.message}`;
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}
