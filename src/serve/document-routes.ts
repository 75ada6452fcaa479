/**
 * The document pages' reads, over the engine's document reads (src/store/engine.ts DocumentReader), mounted by the
 * app (src/serve/app.ts) over either engine (an index folder, or ENGINE=solr): the list of documents, one document
 * with its text, references and passages, what it cites, what cites it, and its typed relations.
 */
import { Router } from 'express';
import { citingDocuments, referencesOf } from '../store/citation-graph.js';
import type { DocumentReader } from '../store/engine.js';
import { relationsOf } from '../store/relation-graph.js';
import { UserError } from '../core/errors.js';

const noDocument = (id: string) => new UserError('document_not_found', `no document with id "${id}"`);

export function documentRoutes(reader: DocumentReader): Router {
  const router = Router();

  router.get('/api/documents', async (_req, res) => {
    res.json({ documents: await reader.listDocuments() });
  });

  /** Metadata without the text, for the citation graph routes; 404 for an unknown id. */
  const summary = async (id: string) => {
    const fields = (await reader.documentSummaries([id])).get(id);
    if (!fields) throw noDocument(id);
    return fields;
  };

  router.get('/api/documents/:id', async (req, res) => {
    const doc = await reader.document(req.params.id);
    if (!doc) throw noDocument(req.params.id);
    const [references, stored] = await Promise.all([reader.references(doc.id), reader.documentPassages(doc.id)]);
    const passages = stored.map(({ id, section, start, end, page, ocr, confidence }) => ({
      id,
      section,
      start,
      end,
      ...(page == null ? {} : { page, ocr: ocr === true, confidence: confidence ?? null }),
    }));
    res.json({ ...doc, references, passages });
  });

  router.get('/api/documents/:id/references', async (req, res) => {
    await summary(req.params.id);
    res.json({ documentId: req.params.id, references: await referencesOf(reader, req.params.id) });
  });

  router.get('/api/documents/:id/cited-by', async (req, res) => {
    const { number } = await summary(req.params.id);
    res.json({ documentId: req.params.id, number, citedBy: await citingDocuments(reader, req.params.id, number) });
  });

  router.get('/api/documents/:id/relations', async (req, res) => {
    const relations = await relationsOf(reader, req.params.id);
    if (!relations) throw noDocument(req.params.id);
    res.json(relations);
  });

  return router;
}
