/** Body of the parse process (src/ingest/parse-thread.ts): reads one file into a prepared document per message. */
import { UserError } from '../core/errors.js';
import { prepareDocument } from '../core/prepare-document.js';
import type { PreparedDocument } from '../core/types.js';
import { extractText } from './read-document.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

export type ParseReply =
  | { id: number; doc: PreparedDocument }
  /** A page of a scan was recognised (OCR): `done` of `total`. */
  | { id: number; progress: { done: number; total: number } }
  | { id: number; error: { code: string; message: string; user: boolean } };

process.on('message', async ({ id, bytes, fileName }: ParseRequest) => {
  let reply: ParseReply;
  try {
    const onPage = (done: number, total: number) => process.send?.({ id, progress: { done, total } } satisfies ParseReply);
    const { text, format, pages } = await extractText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, onPage);
    reply = { id, doc: prepareDocument(text, format, pages) };
  } catch (err) {
    const user = err instanceof UserError;
    reply = { id, error: { code: user ? err.code : 'read_failed', message: (err as Error).message, user } };
  }
  process.send?.(reply);
});

// The parent is gone (or closed the channel): nothing more will come.
process.on('disconnect', () => process.exit(0));
