/**
 * One app for both engines (src/serve/app.ts): the index folder's app (src/serve/embedded-app.ts) is that app with
 * options, serving the same routes as the app over a bare engine (what ENGINE=solr serves), and every endpoint of the
 * OpenAPI description; no other file builds an express app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { createEmbeddedApp } from '../../src/serve/embedded-app.js';
import { OPENAPI } from '../../src/serve/openapi.js';
import { embeddedEngine } from '../../src/store/embedded-engine.js';
import { type IndexHandle, openIndex } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** `METHOD path` of every route of an app, mounted routers included (Express 5's `app.router`), sorted. */
function routeTable(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      const { route } = layer;
      if (route) for (const method of Object.keys(route.methods)) out.push(`${method.toUpperCase()} ${route.path}`);
      else if (layer.handle.stack) walk(layer.handle.stack);
    }
  };
  walk((app.router as unknown as { stack: Layer[] }).stack);
  return out.sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const work = tempDir();
let handle: IndexHandle;
beforeAll(() => {
  handle = openIndex(work.dir, { embedder: null });
});
afterAll(() => {
  handle.close();
  work.cleanup();
});

describe('the one app', () => {
  it('serves the same routes over an index folder as over a bare engine', () => {
    const folder = routeTable(createEmbeddedApp(handle).app);
    expect(folder).toEqual(routeTable(createApp(embeddedEngine(handle), null).app));
    expect(folder).toContain('DELETE /api/documents/:id');
    expect(folder).toContain('GET /documents/:id');
  });

  it('serves every endpoint of the OpenAPI description', () => {
    const routes = routeTable(createApp(embeddedEngine(handle), null).app);
    const described = Object.entries(OPENAPI.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(described.length).toBeGreaterThan(10);
    expect(described.filter((endpoint) => !routes.includes(endpoint))).toEqual([]);
    expect(routes.filter((r) => r.includes('/api/') && !described.includes(r))).toEqual([]);
  });

  it('is the only express app: no other source file or script builds one', () => {
    const builders = [...sourceFiles(resolve('src')), ...sourceFiles(resolve('scripts'))]
      .filter((file) => /\bexpress\(\)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(resolve('.'), file));
    expect(builders).toEqual([join('src', 'serve', 'app.ts')]);
  });
});
