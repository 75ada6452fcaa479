import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fetchModel } from '../../src/embed/fetch-model.js';
import { locateModel } from '../../src/embed/locate-model.js';
import type { ModelSpec } from '../../src/embed/model-spec.js';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { tempDir, TINY_SPEC } from '../support/fixtures.js';
import { TINY_MODEL_ID } from '../support/tiny-model.js';

const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const REVISION = '0123456789abcdef0123456789abcdef01234567';

/** A stand-in hub on loopback serving the generated model at /<id>/resolve/<revision>/<path>. */
let server: Server;
let endpoint: string;
let requests: string[] = [];
let spec: ModelSpec;

beforeAll(async () => {
  const source = join(inject('modelRoot'), TINY_MODEL_ID);
  spec = {
    ...TINY_SPEC,
    revision: REVISION,
    files: FILES.map((path) => {
      const bytes = readFileSync(join(source, path));
      return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  };
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const prefix = `/${TINY_MODEL_ID}/resolve/${REVISION}/`;
    const path = decodeURIComponent(req.url ?? '').slice(prefix.length);
    if (!req.url?.startsWith(prefix) || !FILES.includes(path)) return void res.writeHead(404).end();
    const body = readFileSync(join(source, path));
    res.writeHead(200, { 'content-length': body.length }).end(body);
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('fetchModel', () => {
  it('downloads, verifies and installs a loadable model; a second run downloads nothing', async () => {
    const { dir, cleanup } = tempDir();
    try {
      requests = [];
      const target = await fetchModel(spec, dir, endpoint);
      expect(requests).toHaveLength(FILES.length);
      const lookup = locateModel(spec, dir);
      expect(lookup.found).toBe(true);
      if (lookup.found) expect((await TransformersEmbedder.load(spec, lookup.location)).dimension).toBe(64);
      requests = [];
      await fetchModel(spec, dir, endpoint);
      expect(requests).toHaveLength(0);
      expect(existsSync(join(target, 'onnx', 'model.onnx'))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('refuses a file whose checksum does not match and leaves nothing behind', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const tampered: ModelSpec = { ...spec, files: [{ ...spec.files[0]!, sha256: '0'.repeat(64) }] };
      await expect(fetchModel(tampered, dir, endpoint)).rejects.toThrow(/expected .* with 0000/);
      expect(existsSync(join(dir, TINY_MODEL_ID, 'config.json'))).toBe(false);
      expect(existsSync(join(dir, TINY_MODEL_ID, 'config.json.part'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('says what to do when the hub cannot be reached', async () => {
    const { dir, cleanup } = tempDir();
    try {
      await expect(fetchModel(spec, dir, 'http://127.0.0.1:9')).rejects.toThrow(/cannot reach .*set MODEL_DIR/);
    } finally {
      cleanup();
    }
  });

  it('reports a missing file with its HTTP status', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const missing: ModelSpec = { ...spec, files: [{ path: 'onnx/absent.onnx', bytes: 1, sha256: 'a'.repeat(64) }] };
      await expect(fetchModel(missing, dir, endpoint)).rejects.toThrow(/HTTP 404/);
    } finally {
      cleanup();
    }
  });
});
