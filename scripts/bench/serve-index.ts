/**
 * Run by the benchmark as a process of its own: opens an index folder as `npm start` does (store, lexical index and
 * its search threads, HNSW), serves the API on a loopback port and prints one JSON line when ready: the port, the
 * milliseconds since the process started, and its resident memory. PASSAGES `model` serves with the installed real
 * model instead of the table embedder.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openEmbedder } from '../../src/embed/open-embedder.js';
import { createEmbeddedApp } from '../../src/serve/embedded-app.js';
import { readConfig } from '../../src/config.js';
import { openIndex } from '../../src/store/open-index.js';
import { tableEmbedder } from './table-embedder.js';

const [dir, size] = process.argv.slice(2);
if (!dir || !size) throw new Error('usage: serve-index.ts DIR PASSAGES');
const embedder = size === 'model' ? (await openEmbedder()).embedder : tableEmbedder(Number(size));
const handle = openIndex(dir, { embedder, lexicalThreads: readConfig().lexicalThreads });
const { app, requests } = createEmbeddedApp(handle, { searchesPerMinute: 0 });
const server = createServer(app).listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port, readyMs: performance.now(), rssMiB: process.memoryUsage().rss / 1048576 })}\n`);
});
process.on('SIGTERM', () => server.close(() => void requests.idle().then(() => handle.close())));
