/** The search command's readable output: the answer, then each result with its document, signature and passage. */
import type { DocumentFields, DocumentStatus, SearchResponse } from '../core/types.js';

/** How Vietnamese legal portals word each validity (`Tình trạng`). */
export const STATUS_LABELS: Record<DocumentStatus, string> = {
  'in-force': 'Còn hiệu lực',
  'not-yet-in-force': 'Chưa có hiệu lực',
  'partly-in-force': 'Hết hiệu lực một phần',
  'no-longer-in-force': 'Hết hiệu lực',
};

/** `Người ký: Nguyễn Văn A (PHÓ BÍ THƯ; thay mặt Ban Thường vụ) · Hết hiệu lực`, or null when the document states neither. */
export function signatureLine(d: DocumentFields): string | null {
  const role = [d.signerTitle, d.onBehalfOf && `thay mặt ${d.onBehalfOf}`].filter(Boolean).join('; ');
  const signer = d.signer ? `Người ký: ${d.signer}${role ? ` (${role})` : ''}` : null;
  const parts = [signer, d.status && STATUS_LABELS[d.status]].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function formatResponse(r: SearchResponse): string {
  const out = [
    `mode: ${r.mode}`,
    ...(r.notice ? [`notice: ${r.notice}`] : []),
    ...(r.correctedQuery ? [`Đã tìm: ${r.correctedQuery} (gõ: ${r.query})`] : []),
    ...(r.suggestedQuery ? [`Có phải bạn muốn tìm: ${r.suggestedQuery} (kết quả của cách viết này; tìm đúng như đã gõ: --exact)`] : []),
    '',
  ];
  out.push(r.answer ? `Trả lời: ${r.answer.text}` : 'Không tìm thấy câu trả lời phù hợp.', '');
  for (const res of r.results) {
    out.push(`[${res.rank}] ${res.document.title ?? res.document.id}${res.document.date ? ` (${res.document.date})` : ''}`);
    const signature = signatureLine(res.document);
    if (signature) out.push(`    ${signature}`);
    out.push(`    ${res.document.source ?? ''}  ${res.passage.section ? `§ ${res.passage.section}  ` : ''}chars ${res.passage.start}–${res.passage.end}`);
    out.push(`    ${res.passage.text.replace(/\s+/g, ' ').slice(0, 240)}…`, '');
  }
  return out.join('\n');
}
