/**
 * Finding documents without a full search: autocomplete of numbers and titles (GET /api/suggest, through the
 * engine's `suggest`) and documents like a given one (GET /api/documents/:id/similar), mounted by the app (src/serve/app.ts) over either engine.
 */
import { Router } from 'express';
import { DEFAULT_SIMILAR, MAX_SIMILAR, type SimilarResponse } from '../search/similar.js';
import { MAX_SUGGEST_LENGTH, MAX_SUGGESTIONS } from '../store/document-catalog.js';
import type { EngineReader } from '../store/engine.js';
import { UserError } from '../core/errors.js';

/** An optional whole number `k` in [1, max], else a 400 invalid_k. */
function readK(raw: unknown, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const k = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(k) || k < 1 || k > max) throw new UserError('invalid_k', `k must be a whole number from 1 to ${max}; got "${String(raw)}"`);
  return k;
}

/** The k documents most like a document, or null for an unknown id (src/search/similar.ts). */
export type SimilarFinder = (documentId: string, k: number) => Promise<SimilarResponse | null>;

/** The routes over `engine`; `similar` null when the engine cannot find similar documents: that route then answers 501 `engine_unsupported`. */
export function discoveryRoutes(engine: Pick<EngineReader, 'suggest'> & { readonly name: string }, similar: SimilarFinder | null): Router {
  const router = Router();

  router.get('/api/suggest', async (req, res) => {
    const q = req.query.q;
    if (typeof q !== 'string') throw new UserError('missing_query', 'give the text to complete as ?q=');
    if (q.length > MAX_SUGGEST_LENGTH) throw new UserError('query_too_long', `the text to complete is longer than ${MAX_SUGGEST_LENGTH} characters`);
    const k = readK(req.query.k, MAX_SUGGESTIONS, MAX_SUGGESTIONS);
    res.json({ query: q, suggestions: await engine.suggest(q, k) });
  });

  router.get('/api/documents/:id/similar', async (req, res) => {
    if (!similar) {
      throw new UserError('engine_unsupported', `similar documents are not available with ENGINE=${engine.name} yet`);
    }
    const k = readK(req.query.k, DEFAULT_SIMILAR, MAX_SIMILAR);
    const found = await similar(req.params.id, k);
    if (!found) throw new UserError('document_not_found', `no document with id "${req.params.id}"`);
    res.json(found);
  });

  return router;
}
