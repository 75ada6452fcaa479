/** A real server on a loopback port for API tests, and small request helpers. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppOptions } from '../../src/serve/app.js';
import { createEmbeddedApp } from '../../src/serve/embedded-app.js';
import { createHttpServer } from '../../src/serve/http-server.js';
import type { IngestJobs } from '../../src/serve/ingest-jobs.js';
import type { IndexHandle } from '../../src/store/open-index.js';

export interface TestServer {
  base: string;
  jobs: IngestJobs;
  close(): Promise<void>;
}

export async function startServer(handle: IndexHandle, options: Partial<AppOptions> = {}): Promise<TestServer> {
  const { app, jobs } = createEmbeddedApp(handle, options);
  const server: Server = createHttpServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    jobs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Reply {
  status: number;
  // JSON of any endpoint: each test checks the parts it is about (and openapi.test.ts the whole shape).
  body: any;
}

export async function call(base: string, path: string, init?: RequestInit): Promise<Reply> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test sees the text
  }
  return { status: res.status, body };
}

export function upload(files: { name: string; bytes: Uint8Array | string }[], field = 'file'): FormData {
  const form = new FormData();
  for (const f of files) form.append(field, new Blob([typeof f.bytes === 'string' ? f.bytes : Buffer.from(f.bytes)]), f.name);
  return form;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Polls a job until it has finished. */
export async function waitForJob(base: string, id: string): Promise<Reply> {
  for (let i = 0; i < 600; i++) {
    const r = await call(base, `/api/jobs/${id}`);
    if (r.body.job.finishedAt) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}
