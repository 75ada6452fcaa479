/**
 * Ingests files through the SearchEngine write verbs (src/store/engine.ts) alone, for an engine without an index
 * folder (ENGINE=solr): each file is prepared and embedded here, then written whole by the engine. Identical content
 * under a new path becomes a second source of the stored document; a changed file replaces the document its path
 * held (removeSource, then addDocument). Unlike ingestPaths, an unchanged file is prepared again (the engine keeps no
 * file hashes) and then only linked; one failing file never stops the run, an engine or embedder that is down does.
 */
import { UserError } from '../core/errors.js';
import { textForEmbedding } from '../core/passage-context.js';
import type { Embedder } from '../embed/embedder.js';
import type { SearchEngine } from '../store/engine.js';
import type { FileResult, IngestListeners, IngestSummary, PreparedFile } from './ingest-files.js';
import { prepareFile } from './ingest-files.js';
import { listFiles } from './list-files.js';
import { hashBytes, readFileBytes } from './read-document.js';
import { sourceKey } from './source-key.js';

/** Codes after which every later file would fail the same way. */
const STOPPING = new Set(['engine_unavailable', 'embedder_unavailable', 'model_changed']);

/** Stores one file's bytes under `source` through the engine. */
export async function ingestIntoEngine(engine: SearchEngine, embedder: Embedder | null, bytes: Uint8Array, fileName: string, source: string): Promise<FileResult> {
  return commitIntoEngine(engine, embedder, await prepareFile(bytes, fileName, hashBytes(bytes)), source);
}

/**
 * Stores a prepared file under `source` through the engine's write verbs: linked when its document is stored
 * already, else embedded and added whole (replacing what the source held). Errors: the engine's (`engine_unavailable`
 * when no node takes the write) and the embedder's; a document not added is not stored at all.
 */
export async function commitIntoEngine(engine: SearchEngine, embedder: Embedder | null, { doc, fileHash }: PreparedFile, source: string): Promise<FileResult> {
  const stored = (await engine.documentSummaries([doc.id])).get(doc.id);
  if (stored) {
    await engine.linkSource(source, doc.id, fileHash);
    return { outcome: stored.source === source ? 'unchanged' : 'linked', passages: 0, documentId: doc.id };
  }
  // Embedded before anything is removed: an embedder that is down leaves the source's old document in place.
  const values = embedder ? await embedder.embedPassages(doc.passages.map((p) => textForEmbedding(doc.title, p.section, p.text))) : null;
  const previous = await engine.removeSource(source);
  const keys = await engine.addDocument(doc, source, fileHash, embedder && values ? { model: embedder.modelId, values } : null);
  return { outcome: previous ? 'updated' : 'added', passages: keys.length, documentId: doc.id };
}

/** Ingests files and folders through the engine; the summary of ingestPaths (nothing is backfilled). */
export async function ingestPathsIntoEngine(engine: SearchEngine, embedder: Embedder | null, paths: string[], { onProgress, onFileDone }: IngestListeners = {}): Promise<IngestSummary> {
  const started = performance.now();
  const { files, missing, skipped } = await listFiles(paths, []);
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, linked: 0, failed: [], skipped, passages: 0, backfilled: 0, seconds: 0 };
  for (const path of missing) summary.failed.push({ path, code: 'not_found', message: 'no such file or folder' });
  for (const [i, path] of files.entries()) {
    onProgress?.({ phase: 'files', done: i, total: files.length, current: path });
    try {
      const result = await ingestIntoEngine(engine, embedder, await readFileBytes(path), path, sourceKey(path));
      summary[result.outcome]++;
      summary.passages += result.passages;
      onFileDone?.(path, result);
    } catch (err) {
      if (err instanceof UserError && STOPPING.has(err.code)) {
        throw new UserError(err.code, `${err.message} (stopped at ${path}, file ${i + 1} of ${files.length}; the ${i} before it are stored)`);
      }
      summary.failed.push({ path, code: err instanceof UserError ? err.code : 'read_failed', message: (err as Error).message });
    }
  }
  onProgress?.({ phase: 'files', done: files.length, total: files.length });
  await engine.flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
