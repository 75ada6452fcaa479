/**
 * Ingests files into an index: unchanged files are skipped by hash, identical content under a new path becomes a
 * second source of the same document, a changed file replaces its old document. One failing file never stops the
 * run; its reason is listed in the summary.
 */
import { UserError } from '../core/errors.js';
import { textForEmbedding } from '../core/passage-context.js';
import type { PreparedDocument } from '../core/types.js';
import { isDiskFull } from '../store/disk-full.js';
import type { IndexHandle } from '../store/open-index.js';
import { dropOrphans } from './remove-document.js';
import { embedMissingVectors } from './embed-missing.js';
import { listFiles, type SkippedFile } from './list-files.js';
import { sharedParseProcess } from './parse-process.js';
import { checkSize, hashBytes, readFileBytes } from './read-document.js';
import { sourceKey } from './source-key.js';

export type FileOutcome = 'added' | 'updated' | 'unchanged' | 'linked';

export interface IngestFailure {
  path: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  linked: number;
  failed: IngestFailure[];
  /** Folder entries left out as not documents (hidden files, README, LICENSE). */
  /** Folder entries left out on purpose (hidden, README, LICENSE), with the reason. */
  skipped: SkippedFile[];
  /** Passages written by this run. */
  passages: number;
  /** Vectors computed for passages stored earlier without one. */
  backfilled: number;
  seconds: number;
}

export interface IngestProgress {
  phase: 'files' | 'vectors';
  done: number;
  total: number;
  current?: string;
}

/** Vector index is written every this many documents, so a long run that dies loses little re-embedding work. */
const SAVE_EVERY = 50;

export interface PreparedFile {
  doc: PreparedDocument;
  /** SHA-256 of the file's bytes. */
  fileHash: string;
}

export interface FileResult {
  outcome: FileOutcome;
  passages: number;
  documentId: string;
}

/**
 * Reads a file's bytes into a document ready to store, in the parse process (src/ingest/parse-process.ts) so the
 * calling thread stays free; throws a UserError for input it cannot take, including its limits.
 */
export async function prepareFile(bytes: Uint8Array, fileName: string, fileHash = hashBytes(bytes), parser = sharedParseProcess()): Promise<PreparedFile> {
  checkSize(bytes.length);
  return { doc: await parser.prepare(bytes, fileName), fileHash };
}

/** Stores a prepared file under a source path: embeds its passages, writes it in one transaction, indexes its vectors. */
export async function commitFile(handle: IndexHandle, { doc, fileHash }: PreparedFile, source: string): Promise<FileResult> {
  const previous = handle.store.getSource(source);
  let outcome: FileOutcome;
  let passages = 0;
  if (handle.store.hasDocument(doc.id)) {
    handle.linkSource(source, doc.id, fileHash);
    outcome = previous?.documentId === doc.id ? 'unchanged' : 'linked';
  } else {
    const { embedder } = handle;
    const values = embedder ? await embedder.embedPassages(doc.passages.map((p) => textForEmbedding(doc.title, p.section, p.text))) : null;
    const keys = handle.addDocument(doc, source, fileHash, embedder && values ? { model: embedder.modelId, values } : null);
    outcome = previous ? 'updated' : 'added';
    passages = keys.length;
  }
  if (previous && previous.documentId !== doc.id) dropOrphans(handle);
  return { outcome, passages, documentId: doc.id };
}

export async function ingestBytes(handle: IndexHandle, bytes: Uint8Array, fileName: string, source: string): Promise<FileResult> {
  const fileHash = hashBytes(bytes);
  const previous = handle.store.getSource(source);
  if (previous?.fileHash === fileHash) return { outcome: 'unchanged', passages: 0, documentId: previous.documentId };
  return commitFile(handle, await prepareFile(bytes, fileName, fileHash), source);
}

export interface IngestListeners {
  onProgress?: (p: IngestProgress) => void;
  /** Called once a file is committed: from then on it survives a crash. */
  onFileDone?: (path: string, result: FileResult) => void;
}

export async function ingestPaths(handle: IndexHandle, paths: string[], { onProgress, onFileDone }: IngestListeners = {}): Promise<IngestSummary> {
  const started = performance.now();
  const { files, missing, skipped } = await listFiles(paths, [handle.dir]);
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, linked: 0, failed: [], skipped, passages: 0, backfilled: 0, seconds: 0 };
  for (const path of missing) summary.failed.push({ path, code: 'not_found', message: 'no such file or folder' });
  let sinceSave = 0;
  for (const [i, path] of files.entries()) {
    onProgress?.({ phase: 'files', done: i, total: files.length, current: path });
    try {
      const bytes = await readFileBytes(path);
      const result = await ingestBytes(handle, bytes, path, sourceKey(path));
      summary[result.outcome]++;
      onFileDone?.(path, result);
      summary.passages += result.passages;
      if (result.passages > 0 && ++sinceSave >= SAVE_EVERY) {
        handle.save();
        sinceSave = 0;
      }
    } catch (err) {
      // A full disk fails every later file too: stop at the first, saying how far the run got.
      if (isDiskFull(err)) {
        throw new UserError(
          'disk_full',
          `${(err as Error).message} (stopped at ${path}, file ${i + 1} of ${files.length}; the ${i} before it are stored)`,
        );
      }
      // Without the embedding server every later file would fail too, and a file is stored only with its vectors.
      if (err instanceof UserError && err.code === 'embedder_unavailable') {
        throw new UserError(err.code, `${err.message} (stopped at ${path}, file ${i + 1} of ${files.length}; the ${i} before it are stored)`);
      }
      const code = err instanceof UserError ? err.code : 'read_failed';
      summary.failed.push({ path, code, message: (err as Error).message });
    }
  }
  onProgress?.({ phase: 'files', done: files.length, total: files.length });
  summary.backfilled = await embedMissingVectors(handle, (done, total) => onProgress?.({ phase: 'vectors', done, total }));
  handle.save();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
