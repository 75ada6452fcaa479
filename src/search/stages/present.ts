/**
 * Stage 7 of search: the result list as clients see it (document summaries, passage offsets, highlights) and the
 * extractive answer citing it.
 */
import { extractAnswer } from '../../core/answer.js';
import type { Candidate } from '../../core/diversify.js';
import { highlight, highlightTerms } from '../../core/highlight.js';
import type { Answer, PassagePage, SearchResult, StoredPassage } from '../../core/types.js';
import type { EngineReader } from '../../store/engine.js';

export interface Presented {
  results: SearchResult[];
  answer: Answer | null;
}

export async function present(engine: EngineReader, query: string, top: Candidate[], passages: Map<number, StoredPassage>): Promise<Presented> {
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
  const answer = extractAnswer(
    query,
    results.map((r) => ({ documentId: r.document.id, passageId: r.passage.id, text: r.passage.text, start: r.passage.start })),
  );
  // A citation of a paged source (PDF, scan) names its page.
  const pages = new Map(results.map((r) => [r.passage.id, r.passage.page]));
  if (answer) answer.citations = answer.citations.map((c) => (pages.get(c.passageId) != null ? { ...c, page: pages.get(c.passageId) } : c));
  return { results, answer };
}

/** Page, OCR mark and confidence of a passage of a paged source; nothing for other sources. */
function pageOf(p: StoredPassage): PassagePage {
  return p.page == null ? {} : { page: p.page, ocr: p.ocr === true, confidence: p.confidence ?? null };
}
