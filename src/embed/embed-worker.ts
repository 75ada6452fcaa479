/**
 * The passage-embedding thread: loads the model given in workerData with transformers.js (src/embed/transformers-
 * embedder.ts) and answers requests from src/embed/threaded-embedder.ts one at a time, so that onnxruntime's
 * synchronous inference blocks this thread, never the server's. Vectors are sent back transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../core/errors.js';
import type { FromEmbedThread, EmbedThreadData, ToEmbedThread } from './threaded-embedder.js';
import { TransformersEmbedder } from './transformers-embedder.js';

const port = parentPort;
if (!port) throw new Error('embed-worker.ts runs only as a worker thread');
const { spec, location, batchSize } = workerData as EmbedThreadData;

const post = (message: FromEmbedThread, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const describe = (err: unknown): { code: string | null; message: string } => ({
  code: err instanceof UserError ? err.code : null,
  message: err instanceof Error ? err.message : String(err),
});

let model: Promise<TransformersEmbedder>;
try {
  model = TransformersEmbedder.load(spec, location, batchSize);
  // Loading fails only here, before any request: the owner hears of it with the first request's answer.
  model.catch(() => undefined);
} catch (err) {
  model = Promise.reject(err);
}

// One request at a time, in arrival order (the job runner sends one anyway).
let tail: Promise<void> = Promise.resolve();
port.on('message', (request: ToEmbedThread) => {
  tail = tail.then(async () => {
    try {
      const embedder = await model;
      const onProgress = (done: number) => post({ id: request.id, type: 'progress', done });
      const vectors =
        request.kind === 'queries' ? await embedder.embedQueries(request.texts) : await embedder.embedPassages(request.texts, onProgress);
      post({ id: request.id, type: 'vectors', vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
    } catch (err) {
      post({ id: request.id, type: 'error', error: describe(err) });
    }
  });
});
