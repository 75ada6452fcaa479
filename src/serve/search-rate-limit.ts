/** The per-address limit on searches the app (src/serve/app.ts) puts before `GET /api/search`. */
import type express from 'express';
import { rateLimit } from 'express-rate-limit';
import { sendError } from './http-error.js';

/** `searchesPerMinute` searches per minute per address (429 `too_many_requests` beyond); 0 turns the limit off. */
export function searchRateLimit(searchesPerMinute: number): express.RequestHandler {
  if (searchesPerMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: searchesPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => sendError(res, 'too_many_requests'),
  });
}
