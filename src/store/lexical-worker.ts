/** A lexical search thread: holds the segments the pool sends (shared, not copied) and answers searches over them. */
import { parentPort } from 'node:worker_threads';
import { LexicalIndex } from './lexical-index.js';
import type { FromWorker, ToWorker } from './lexical-pool.js';

let index = new LexicalIndex();

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'state') {
    index = LexicalIndex.fromParts(message.parts.map(({ segment, deleted }) => ({ segment, deleted: new Set(deleted) })));
    return;
  }
  const { id, query, k, allowed } = message;
  parentPort!.postMessage({ id, hits: index.search(query, k, allowed && new Set(allowed)) } satisfies FromWorker);
});
