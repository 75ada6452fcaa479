/** The embedded engine (SQLite store, our BM25 index, hnswlib) against the SearchEngine contract. */
import { embeddedEngine } from '../../src/store/embedded-engine.js';
import { openIndex } from '../../src/store/open-index.js';
import { loadTinyEmbedder, tempDir } from '../support/fixtures.js';
import { engineContract } from './engine-contract.js';

engineContract('embedded, lexical only', async () => {
  const work = tempDir();
  const engine = embeddedEngine(openIndex(work.dir, { embedder: null }));
  return { engine, embed: null, cleanup: async () => (await engine.close(), work.cleanup()) };
});

engineContract('embedded, with a model (HNSW)', async () => {
  const work = tempDir();
  const embedder = await loadTinyEmbedder();
  const engine = embeddedEngine(openIndex(work.dir, { embedder, lexicalThreads: 1 }), { parallel: true });
  return { engine, embed: (texts) => embedder.embedPassages(texts), cleanup: async () => (await engine.close(), work.cleanup()) };
});
