/**
 * Stage 7 of search: the result list as clients see it (document summaries, passage offsets, highlights); the
 * answer citing it is stage 8 (answer.ts).
 */
import type { Candidate } from '../../core/diversify.js';
import { highlight, highlightTerms } from '../../core/highlight.js';
import type { SearchResult, StoredPassage } from '../../core/types.js';
import type { IndexHandle } from '../../store/open-index.js';

export function present(handle: IndexHandle, query: string, top: Candidate[], passages: Map<number, StoredPassage>): { results: SearchResult[] } {
  const documents = handle.store.documentSummaries([...new Set(top.map((c) => c.documentId))]);
  const words = highlightTerms(query);
  const results: SearchResult[] = [];
  for (const { key, score } of top) {
    const p = passages.get(key);
    const d = p && documents.get(p.documentId);
    if (!p || !d) continue;
    results.push({
      rank: results.length + 1,
      score,
      document: { id: p.documentId, ...d },
      passage: { id: p.id, text: p.text, section: p.section, start: p.start, end: p.end },
      highlights: highlight(p.text, p.start, words),
    });
  }
  return { results };
}
