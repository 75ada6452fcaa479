/**
 * The HTTP server the app runs in. Node's parser refuses some requests before the app sees them (headers or a URL
 * past `maxHeaderSize`, a malformed request line, a request that took too long to arrive) and by default answers
 * with a bare status line and an empty body; here they get the API's JSON error body of the table's code
 * (src/core/errors.ts), like every other error.
 */
import { createServer, type RequestListener, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERRORS, type ErrorCode } from '../core/errors.js';

/** Node's default (16 KB) is too small for a 2,000-letter Vietnamese query once percent-encoded. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** The code answering a request Node's parser refused with `err.code`. */
function codeOf(err: NodeJS.ErrnoException): ErrorCode {
  if (err.code === 'HPE_HEADER_OVERFLOW') return 'headers_too_large';
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout';
  return 'bad_request';
}

/** Answers a request refused by Node's parser with `{ error: { code, message } }` and closes the connection. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // Nothing can be written to a connection the client reset, nor in the middle of a response already under way on
  // it (a bad pipelined request after a good one): Node's own handler makes the same check.
  const inProgress = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inProgress?.headersSent) {
    socket.destroy();
    return;
  }
  const code = codeOf(err);
  const { status, message } = ERRORS[code];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** An HTTP server for `app` taking headers up to MAX_HEADER_BYTES and answering parser refusals in JSON. */
export function createHttpServer(app: RequestListener): Server {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', answerClientError);
  return server;
}
