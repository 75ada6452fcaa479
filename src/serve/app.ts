/** The HTTP API over one open index. */
import express, { type Express } from 'express';
import { search } from '../search/search.js';
import type { IndexHandle } from '../store/open-index.js';
import { errorHandler, HttpError, notFound } from './http-error.js';
import { parseSearchParams } from './search-params.js';

export function createApp(handle: IndexHandle): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.get('/api/health', (_req, res) => {
    const counts = handle.store.counts();
    res.json({
      status: 'ok',
      mode: handle.mode,
      model: handle.embedder ? { id: handle.embedder.modelId, dimension: handle.embedder.dimension } : null,
      ...counts,
    });
  });

  app.get('/api/search', async (req, res) => {
    const params = parseSearchParams(req.query as Record<string, unknown>);
    res.json(await search(handle, params.q, { k: params.k, mode: params.mode }));
  });

  app.get('/api/documents', (_req, res) => {
    res.json({ documents: handle.store.listDocuments() });
  });

  app.get('/api/documents/:id', (req, res) => {
    const doc = handle.store.getDocument(req.params.id);
    if (!doc) throw new HttpError(404, 'document_not_found', `no document with id "${req.params.id}"`);
    const passages = handle.store.documentPassages(doc.id).map(({ id, section, start, end }) => ({ id, section, start, end }));
    res.json({ ...doc, references: handle.store.references(doc.id), passages });
  });

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
