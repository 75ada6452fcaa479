/**
 * Search stages for validity (src/core/validity.ts): before diversifying, a document replaced or repealed by an
 * indexed document that also matches moves below it; after presenting, each result carries its effective status and
 * the answer marks a sentence it quotes from a document no longer in force (`[1, hết hiệu lực]`), naming what replaced
 * it in the citation.
 */
import type { Answer, SearchResult } from '../../core/types.js';
import { effectiveValidity, preferReplacements, type StatusChange } from '../../core/validity.js';
import type { EngineReader } from '../../store/engine.js';
import { replacedDocuments } from '../../store/validity.js';
import type { Hit } from './retrieve.js';

/**
 * The changes indexed documents make to others, read once per search (the embedded engine: one query over the
 * relations table; the Solr engine: two queries, src/store/solr/solr-document-reads.ts, kept 5 s or until it writes).
 */
export async function readStatusChanges(engine: EngineReader): Promise<ReadonlyMap<string, StatusChange[]>> {
  return engine.statusChanges();
}

/** Stage 5b: replacements before what they replaced; nothing to do when nothing indexed was replaced. */
export async function preferInForce(engine: EngineReader, ordered: Hit[], named: readonly string[], changes: ReadonlyMap<string, StatusChange[]>): Promise<Hit[]> {
  const replaced = replacedDocuments(changes);
  if (replaced.size === 0) return ordered;
  const documentOf = new Map<number, string>();
  for (const id of new Set([...replaced.keys(), ...[...replaced.values()].flat()])) for (const key of await engine.passageKeys(id)) documentOf.set(key, id);
  return preferReplacements(ordered, documentOf, replaced, new Set(named));
}

/** The mark an answer puts after the citation of a document no longer in force. */
export const NO_LONGER_IN_FORCE_MARK = 'hết hiệu lực';

/** Stage 7b: effective statuses on the results, and a visible mark in the answer on what is no longer in force. */
export function markValidity(results: SearchResult[], answer: Answer | null, changes: ReadonlyMap<string, StatusChange[]>): { results: SearchResult[]; answer: Answer | null } {
  if (results.length === 0 || changes.size === 0) return { results, answer };
  const validity = new Map(results.map((r) => [r.document.id, effectiveValidity(r.document.status, changes.get(r.document.id) ?? [])]));
  const marked = results.map((r) => ({ ...r, document: { ...r.document, status: validity.get(r.document.id)!.status } }));
  if (!answer) return { results: marked, answer };
  const ended = answer.citations.filter((c) => validity.get(c.documentId)?.status === 'no-longer-in-force');
  if (ended.length === 0) return { results: marked, answer };
  let text = answer.text;
  for (const c of ended) text = text.split(`[${c.n}]`).join(`[${c.n}, ${NO_LONGER_IN_FORCE_MARK}]`);
  const citations = answer.citations.map((c) => {
    const v = validity.get(c.documentId);
    if (v?.status !== 'no-longer-in-force') return c;
    const by = v.endedBy?.by ?? null;
    return { ...c, noLongerInForce: { since: v.endedBy?.since ?? null, replacedBy: by ? { id: by.id, number: by.number, title: by.title } : null } };
  });
  return { results: marked, answer: { ...answer, text, citations } };
}
