/**
 * Stage 8 of search: the extractive answer citing the results (src/core/answer.ts), or none when the question is
 * not one the index covers. Two checks, chosen on the development sets (docs/EVALUATION.md, "Answers"):
 * - a quoted sentence must hold MIN_WEIGHTED_COVERAGE of the query's word weight, each word weighing its idf in the
 *   index: a sentence sharing a near-miss question's common words (`bị phạt bao nhiêu`) but not its rare ones
 *   (`rọ mõm`, `karaoke`) does not answer it;
 * - a query naming full document numbers (`99-NQ/TW`) that the index neither holds nor cites gets no answer: what it
 *   asks about is not here, however well other sentences match its other words.
 * Both read only the engine's lexical statistics and citations, so lexical, dense and hybrid searches answer alike;
 * an engine without local term statistics (EngineReader.inverseFrequencies) answers without the first check.
 * A citation of a paged source (PDF, scan) names its page.
 */
import { extractAnswer } from '../../core/answer.js';
import type { ReferencePattern } from '../../core/references.js';
import type { Answer, SearchResult } from '../../core/types.js';
import type { EngineReader } from '../../store/engine.js';

/**
 * Share of the query's idf-weighted words a sentence must hold. Measured with multilingual-e5-small installed: on the
 * 881 web extracts (lexical ranking) near-miss questions answered fall from 29 of 32 to 15, covered queries answered
 * from 99 of 105 to 91 (every fact and question query keeps its answer; paraphrases lose most); 0.7 would leave 7
 * near-misses answered but cost 3 of the 17 questions.
 */
export const MIN_WEIGHTED_COVERAGE = 0.6;

/** Whether the query names documents by full number that the index neither holds nor cites. */
export async function namesAbsentDocument(engine: EngineReader, pattern: ReferencePattern | null, named: string[]): Promise<boolean> {
  if (!pattern || pattern.numbers.length === 0 || named.length > 0) return false;
  return (await engine.citingPassages({ numbers: pattern.numbers, keys: pattern.numbers, prefixes: [] }, null)).length === 0;
}

export async function answerQuery(engine: EngineReader, query: string, pattern: ReferencePattern | null, named: string[], results: SearchResult[]): Promise<Answer | null> {
  if (await namesAbsentDocument(engine, pattern, named)) return null;
  const weigh = engine.inverseFrequencies?.bind(engine);
  const answer = extractAnswer(
    query,
    results.map((r) => ({ documentId: r.document.id, passageId: r.passage.id, text: r.passage.text, start: r.passage.start, title: r.document.title })),
    weigh ? { weigh, minWeightedCoverage: MIN_WEIGHTED_COVERAGE } : undefined,
  );
  if (!answer) return null;
  const pages = new Map(results.map((r) => [r.passage.id, r.passage.page]));
  answer.citations = answer.citations.map((c) => (pages.get(c.passageId) != null ? { ...c, page: pages.get(c.passageId) } : c));
  return answer;
}
