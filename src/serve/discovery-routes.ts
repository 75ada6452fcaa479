/**
 * Finding documents without a full search: autocomplete of numbers and titles (GET /api/suggest) and documents like
 * a given one (GET /api/documents/:id/similar).
 */
import { Router } from 'express';
import { DEFAULT_SIMILAR, MAX_SIMILAR, similarDocuments } from '../search/similar.js';
import { MAX_SUGGEST_LENGTH, MAX_SUGGESTIONS } from '../store/document-catalog.js';
import type { IndexHandle } from '../store/open-index.js';
import { UserError } from '../core/errors.js';


/** An optional whole number `k` in [1, max], else a 400 invalid_k. */
function readK(raw: unknown, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const k = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(k) || k < 1 || k > max) throw new UserError('invalid_k', `k must be a whole number from 1 to ${max}; got "${String(raw)}"`);
  return k;
}

export function discoveryRoutes(handle: IndexHandle): Router {
  const router = Router();

  router.get('/api/suggest', (req, res) => {
    const q = req.query.q;
    if (typeof q !== 'string') throw new UserError('missing_query', 'give the text to complete as ?q=');
    if (q.length > MAX_SUGGEST_LENGTH) throw new UserError('query_too_long', `the text to complete is longer than ${MAX_SUGGEST_LENGTH} characters`);
    const k = readK(req.query.k, MAX_SUGGESTIONS, MAX_SUGGESTIONS);
    res.json({ query: q, suggestions: handle.catalog.suggest(q, k) });
  });

  router.get('/api/documents/:id/similar', (req, res) => {
    const k = readK(req.query.k, DEFAULT_SIMILAR, MAX_SIMILAR);
    const similar = similarDocuments(handle, req.params.id, k);
    if (!similar) throw new UserError('document_not_found', `no document with id "${req.params.id}"`);
    res.json(similar);
  });

  return router;
}
