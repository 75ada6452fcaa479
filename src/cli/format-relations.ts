/** The relations command's readable output: validity, then each relation with the sentence that states it. */
import type { DocumentRelations, RelationEdge } from '../store/relation-graph.js';
import { STATUS_LABELS } from './format-results.js';

const otherName = (e: RelationEdge): string => {
  const d = e.other.document;
  const name = e.other.number ?? d?.title ?? d?.id ?? '?';
  return d ? `${name} [${d.id}]${d.title && e.other.number ? ` ${d.title}` : ''}` : `${name} (chưa có trong chỉ mục)`;
};

function edgeLines(e: RelationEdge, arrow: string, self: string): string[] {
  const qualifier = [e.partial ? 'một phần' : '', e.since ? `từ ${e.since}` : ''].filter(Boolean).join(', ');
  const where = e.statedIn.id === self || e.statedIn.id === e.other.document?.id ? '' : ` — theo ${e.statedIn.title ?? e.statedIn.id} [${e.statedIn.id}]`;
  return [
    `  ${arrow} ${e.label}${qualifier ? ` (${qualifier})` : ''}: ${otherName(e)}${where}`,
    `      “${e.sentence.text.replace(/\s+/g, ' ').slice(0, 300)}” (chars ${e.sentence.start}–${e.sentence.end})`,
  ];
}

export function formatRelations(r: DocumentRelations, title: string | null): string {
  const v = r.validity;
  const out = [`${r.number ?? r.documentId}${title ? ` — ${title}` : ''}`];
  if (v.status) {
    const ended = v.endedBy ? ` từ ${v.endedBy.since ?? '?'} (${v.endedBy.type === 'replaces' ? 'thay thế' : 'bãi bỏ'} bởi ${v.endedBy.by.number} [${v.endedBy.by.id}])` : '';
    out.push(`Hiệu lực: ${STATUS_LABELS[v.status]}${ended}${v.stated && v.stated !== v.status ? ` (nguồn ghi: ${STATUS_LABELS[v.stated]})` : ''}`);
  } else out.push('Hiệu lực: không rõ');
  out.push('', `Văn bản này → văn bản khác (${r.outgoing.length}):`);
  for (const e of r.outgoing) out.push(...edgeLines(e, '→', r.documentId));
  out.push('', `Văn bản khác → văn bản này (${r.incoming.length}):`);
  for (const e of r.incoming) out.push(...edgeLines(e, '←', r.documentId));
  return out.join('\n');
}
