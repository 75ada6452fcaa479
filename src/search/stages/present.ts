/**
 * Stage 7 of search: the result list as clients see it (document summaries, passage offsets, highlights); the
 * answer citing it is stage 8 (answer.ts).
 */
import type { Candidate } from '../../core/diversify.js';
import { highlight, highlightTerms } from '../../core/highlight.js';
import type { PassagePage, SearchResult, StoredPassage } from '../../core/types.js';
import type { EngineReader } from '../../store/engine.js';

export async function present(engine: EngineReader, query: string, top: Candidate[], passages: Map<number, StoredPassage>): Promise<{ results: SearchResult[] }> {
  const documents = await engine.documentSummaries([...new Set(top.map((c) => c.documentId))]);
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
      passage: { id: p.id, text: p.text, section: p.section, start: p.start, end: p.end, ...pageOf(p) },
      highlights: highlight(p.text, p.start, words),
    });
  }
  return { results };
}

/** Page, OCR mark and confidence of a passage of a paged source; nothing for other sources. */
function pageOf(p: StoredPassage): PassagePage {
  return p.page == null ? {} : { page: p.page, ocr: p.ocr === true, confidence: p.confidence ?? null };
}
