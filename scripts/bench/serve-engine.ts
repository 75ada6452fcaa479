/**
 * Run by the engines section (engines.ts) as a process of its own: serves the search API of one engine on a loopback
 * port, lexical only (no model), and prints one JSON line when ready (port, resident memory in MiB).
 *   serve-engine.ts embedded DIR                         the index folder (src/serve/embedded-app.ts), as `npm start`
 *   serve-engine.ts solr URLS COLLECTION CONFIGNAME      the collection (ENGINE=solr)
 * Both through the one app of src/serve/app.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '../../src/config.js';
import { type App, createApp } from '../../src/serve/app.js';
import { createEmbeddedApp } from '../../src/serve/embedded-app.js';
import { openIndex } from '../../src/store/open-index.js';
import { solrEngine } from '../../src/store/solr/solr-engine.js';

const [kind, first, collection, configName] = process.argv.slice(2);
if (!first || (kind !== 'embedded' && kind !== 'solr')) throw new Error('usage: serve-engine.ts embedded DIR | solr URLS COLLECTION CONFIGNAME');
let close: () => Promise<void>;
let served: App;
if (kind === 'embedded') {
  const handle = openIndex(first, { embedder: null, lexicalThreads: readConfig().lexicalThreads });
  served = createEmbeddedApp(handle, { searchesPerMinute: 0 });
  close = async () => handle.close();
} else {
  if (!collection || !configName) throw new Error('usage: serve-engine.ts solr URLS COLLECTION CONFIGNAME');
  const engine = await solrEngine({ urls: first.split(','), collection, configName, numShards: 2, replicationFactor: 2 }, { model: null, create: false });
  served = createApp(engine, null, { searchesPerMinute: 0 });
  close = () => engine.close();
}
const { app, requests } = served;
const server = createServer(app).listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port, readyMs: performance.now(), rssMiB: process.memoryUsage().rss / 1048576 })}\n`);
});
process.on('SIGTERM', () => server.close(() => void requests.idle().then(close)));
