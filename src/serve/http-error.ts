/** JSON error responses: `{ "error": { "code", "message" } }`, never a stack trace. */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ERROR_STATUS, UserError, type ErrorCode } from '../core/errors.js';

/** A request error of the HTTP layer: its code is named with its status where it is thrown. */
export class HttpError extends UserError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
  ) {
    super(code as ErrorCode, message);
  }
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export const notFound: RequestHandler = (req, res) => sendError(res, 404, 'not_found', `no such endpoint: ${req.method} ${req.path}`);

export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message);
  // The product's own errors (a full disk, a damaged store, a locked index) answer with their table's status.
  if (err instanceof UserError) return sendError(res, ERROR_STATUS[err.code], err.code, err.message);
  // Body-parser and similar middleware errors carry a status and are the client's fault.
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendError(res, status, (err as { type?: string }).type ?? 'bad_request', (err as Error).message);
  }
  console.error(err);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(String((err as { code?: unknown }).code ?? ''))) {
    return sendError(res, 500, 'store_damaged', 'the document store is damaged; the operator must restore it (npm run check says more)');
  }
  sendError(res, 500, 'internal', 'internal error');
};
