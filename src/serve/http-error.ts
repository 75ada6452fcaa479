/** JSON error responses: `{ "error": { "code", "message" } }` with the status of the code's row in src/core/errors.ts; never a stack trace. */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ERRORS, type ErrorCode, UserError } from '../core/errors.js';

/** Answers with `code`'s status and the message given (default: the table's). */
export function sendError(res: Response, code: ErrorCode, message: string = ERRORS[code].message): void {
  res.status(ERRORS[code].status).json({ error: { code, message } });
}

export const notFound: RequestHandler = (req, res) => sendError(res, 'not_found', `no such endpoint: ${req.method} ${req.path}`);

export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof UserError) return sendError(res, err.code, err.message);
  // Body-parser and similar middleware errors carry a status and are the client's fault.
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendError(res, status === 413 ? 'too_large' : 'bad_request', (err as Error).message);
  }
  console.error(err);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(String((err as { code?: unknown }).code ?? ''))) return sendError(res, 'store_damaged');
  sendError(res, 'internal');
};
