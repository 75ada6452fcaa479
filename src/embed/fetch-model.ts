/**
 * Downloads a pinned model from the Hugging Face hub (or a mirror given by HF_ENDPOINT) into the models folder,
 * verifying each file's size and SHA-256; files are written under a temporary name and renamed only once verified.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sha256File } from '../store/durable-file.js';
import type { ModelSpec, PinnedFile } from './model-spec.js';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';

export interface FetchEvents {
  onFile?(file: PinnedFile, status: 'present' | 'downloading' | 'verified'): void;
  onBytes?(file: PinnedFile, received: number, total: number | null): void;
}

async function download(url: string, target: string, file: PinnedFile, events: FetchEvents): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (err) {
    throw new Error(`cannot reach ${new URL(url).host} (${(err as Error).cause ?? (err as Error).message}); copy the model folder in by hand and set MODEL_DIR`);
  }
  if (!response.ok || !response.body) throw new Error(`${url} answered HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || file.bytes;
  const hash = createHash('sha256');
  let received = 0;
  const tmp = `${target}.part`;
  const counter = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  counter.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    received += chunk.length;
    events.onBytes?.(file, received, total);
  });
  await pipeline(counter, createWriteStream(tmp));
  const digest = hash.digest('hex');
  if ((file.bytes !== null && received !== file.bytes) || digest !== file.sha256) {
    rmSync(tmp, { force: true });
    throw new Error(`${file.path}: got ${received} bytes with SHA-256 ${digest}, expected ${file.bytes ?? '?'} bytes with ${file.sha256}`);
  }
  renameSync(tmp, target);
}

/** Fetches every pinned file of `spec` into `root/<spec.id>/`; files already present and verified are kept. */
export async function fetchModel(spec: ModelSpec, root: string, endpoint = DEFAULT_ENDPOINT, events: FetchEvents = {}): Promise<string> {
  if (spec.files.length === 0 || !spec.revision) throw new Error(`model ${spec.id} has no pinned files to download`);
  const dir = join(root, spec.id);
  for (const file of spec.files) {
    const target = join(dir, file.path);
    if (existsSync(target) && sha256File(target) === file.sha256) {
      events.onFile?.(file, 'present');
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    events.onFile?.(file, 'downloading');
    await download(`${endpoint.replace(/\/$/, '')}/${spec.id}/resolve/${spec.revision}/${file.path}`, target, file, events);
    events.onFile?.(file, 'verified');
  }
  return dir;
}
