/** Builds an index of the bundled corpus in a temporary folder, with or without the test model. */
import { ingestPaths, type IngestSummary } from '../../src/ingest/ingest-files.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { CORPUS_DIR, loadTinyEmbedder, tempDir } from './fixtures.js';

export interface CorpusIndex {
  dir: string;
  handle: IndexHandle;
  summary: IngestSummary;
  reopen(): Promise<IndexHandle>;
  cleanup(): void;
}

/** `extra` files are ingested after the corpus (e.g. CITED_DIRECTIVE). */
export async function buildCorpusIndex(withModel = true, extra: string[] = []): Promise<CorpusIndex> {
  const { dir, cleanup } = tempDir('vn-docsearch-index-');
  // Opened with a lexical search thread, as the server opens its index, so searches take the same path.
  const open = async () => openIndex(dir, { embedder: withModel ? await loadTinyEmbedder() : null, lexicalThreads: 1 });
  const handle = await open();
  const summary = await ingestPaths(handle, [CORPUS_DIR, ...extra]);
  return { dir, handle, summary, reopen: open, cleanup };
}
