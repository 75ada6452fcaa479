/**
 * The one contract every SearchEngine implementation passes (src/store/engine.ts), Hono-style: each implementation's
 * test file calls `engineContract` with a factory. Documents are real (the bundled corpus, two formal documents),
 * prepared by our own pipeline, so every engine sees the same passages, index terms and vectors.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTerms } from '../../src/core/lexical-terms.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { referencePattern } from '../../src/core/references.js';
import type { PreparedDocument } from '../../src/core/types.js';
import type { SearchEngine } from '../../src/store/engine.js';
import { CITED_DIRECTIVE, corpusFiles, SEED } from '../support/fixtures.js';

export interface EngineUnderTest {
  engine: SearchEngine;
  /** Passage vectors of the engine's model (unit length), or null for an engine without one. */
  embed: ((texts: string[]) => Promise<Float32Array[]>) | null;
  cleanup(): Promise<void>;
}

const DECISION = 'test/fixtures/quyet-dinh-27-2019-QD-UBND.txt';

function prepare(path: string): PreparedDocument {
  return prepareDocument(readFileSync(path, 'utf8'), 'txt');
}

export function engineContract(name: string, make: () => Promise<EngineUnderTest>): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let under: EngineUnderTest;
    let engine: SearchEngine;
    const docs = new Map<string, PreparedDocument>();
    const keys = new Map<string, number[]>();

    async function add(path: string, source = path): Promise<PreparedDocument> {
      const doc = prepare(path);
      const values = under.embed ? await under.embed(doc.passages.map((p) => p.text)) : null;
      const model = engine.vectorModel;
      keys.set(doc.id, await engine.addDocument(doc, source, `hash-of-${source}`, values && model ? { model, values } : null));
      docs.set(doc.id, doc);
      return doc;
    }

    beforeAll(async () => {
      under = await make();
      engine = under.engine;
    }, 600_000);
    afterAll(async () => {
      await under?.cleanup();
    });

    it('starts empty: no documents, no hits', async () => {
      expect(await engine.counts()).toEqual({ documents: 0, passages: 0, vectors: 0 });
      expect(await engine.lexicalSearch(queryTerms('chi bộ'), 10, null)).toEqual([]);
    });

    it('stores whole documents: every passage, its offsets and the document fields', async () => {
      for (const file of [...corpusFiles(), CITED_DIRECTIVE, DECISION]) await add(file);
      const counts = await engine.counts();
      const passages = [...docs.values()].reduce((n, d) => n + d.passages.length, 0);
      expect(counts.documents).toBe(docs.size);
      expect(counts.passages).toBe(passages);
      expect(counts.vectors).toBe(under.embed ? passages : 0);
      for (const [id, doc] of docs) {
        const own = keys.get(id) ?? [];
        expect(await engine.passageKeys(id)).toEqual(own);
        const stored = await engine.passages(own);
        doc.passages.forEach((p, i) => {
          const s = stored.get(own[i] ?? -1);
          expect(s?.text).toBe(p.text);
          expect(s && doc.text.slice(s.start, s.end)).toBe(p.text);
          expect(s?.documentId).toBe(id);
        });
      }
      const decision = [...docs.values()].find((d) => d.number === '27/2019/QĐ-UBND');
      const summary = (await engine.documentSummaries([decision?.id ?? '']).then((m) => m.get(decision?.id ?? ''))) ?? null;
      expect(summary?.kind).toBe(decision?.kind);
      expect(summary?.signer).toBe('Đinh Văn Khải');
      expect(summary?.source).toBe(DECISION);
    });

    it('ranks by BM25 over our index terms: a document is found by its own words, without diacritics too', async () => {
      const tccsd = docs.get(prepare(corpusFiles().find((f) => f.includes(SEED.tccsd)) ?? '').id);
      expect(tccsd).toBeDefined();
      const words = 'tổ chức cơ sở đảng';
      for (const q of [words, 'to chuc co so dang']) {
        const hits = await engine.lexicalSearch(queryTerms(q), 5, null);
        expect(hits.length).toBe(5);
        expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
        const found = await engine.passages(hits.map((h) => h.key));
        expect([...found.values()].some((p) => p.documentId === tccsd?.id)).toBe(true);
      }
    });

    it('restricts both retrievers to what the filters allow', async () => {
      const restriction = await engine.restrict({ signer: 'Đinh Văn Khải' });
      const decision = [...docs.values()].find((d) => d.signer === 'Đinh Văn Khải');
      expect(restriction?.documents).toEqual([decision?.id]);
      const hits = await engine.lexicalSearch(queryTerms('tiếp công dân chi bộ đảng'), 50, restriction);
      expect(hits.length).toBeGreaterThan(0);
      const own = new Set(keys.get(decision?.id ?? ''));
      for (const h of hits) expect(own.has(h.key)).toBe(true);
      if (under.embed) {
        const [vector] = await under.embed(['tiếp công dân']);
        const dense = await engine.vectorSearch(vector ?? new Float32Array(), 50, restriction);
        expect(dense.length).toBe(own.size);
        for (const h of dense) expect(own.has(h.key)).toBe(true);
      }
      expect(await engine.restrict(undefined)).toBeNull();
      expect((await engine.restrict({ issuer: 'Không có cơ quan này' }))?.documents).toEqual([]);
    });

    it('finds a passage by its own vector first (cosine, HNSW)', async () => {
      if (!under.embed) {
        expect(engine.vectorModel).toBeNull();
        return;
      }
      const doc = [...docs.values()][0];
      const passage = doc?.passages[1] ?? doc?.passages[0];
      const [vector] = await under.embed([passage?.text ?? '']);
      const hits = await engine.vectorSearch(vector ?? new Float32Array(), 3, null);
      expect(hits[0]?.key).toBe(keys.get(doc?.id ?? '')?.[doc?.passages[1] ? 1 : 0]);
      expect(hits[0]?.score).toBeGreaterThan(0.99);
    });

    it('knows documents by number and the passages that cite them', async () => {
      const directive = [...docs.values()].find((d) => d.number === '05-CT/TW');
      expect(await engine.documentsNumbered(['05-CT/TW'])).toEqual([directive?.id]);
      const pattern = referencePattern('Chỉ thị 05-CT/TW');
      expect(pattern).not.toBeNull();
      const citing = await engine.citingPassages(pattern ?? { numbers: [], keys: [], prefixes: [] }, null);
      const citingDocs = new Set([...(await engine.passages(citing)).values()].map((p) => p.documentId));
      const banDanToc = [...docs.values()].find((d) => d.text.includes('05-CT/TW') && d.number !== '05-CT/TW');
      expect(citingDocs.has(banDanToc?.id ?? '')).toBe(true);
    });

    it('links a second source to a stored document, and forgets a document only with its last source', async () => {
      const [firstId] = docs.keys();
      const firstSource = [...corpusFiles(), CITED_DIRECTIVE, DECISION].find((f) => prepare(f).id === firstId) ?? '';
      await engine.linkSource('copy/of-first.txt', firstId ?? '', 'hash-copy');
      const before = await engine.counts();
      expect(await engine.removeSource('copy/of-first.txt')).toEqual({ documentId: firstId, keys: [] });
      expect((await engine.counts()).documents).toBe(before.documents);
      const removed = await engine.removeSource(firstSource);
      expect(removed?.keys).toEqual(keys.get(firstId ?? ''));
      expect(await engine.removeSource('never/ingested.txt')).toBeNull();
      const after = await engine.counts();
      expect(after.documents).toBe(before.documents - 1);
      expect(await engine.passages(keys.get(firstId ?? '') ?? [])).toEqual(new Map());
    });

    it('removes a document everywhere: no retriever returns its passages', async () => {
      const decision = [...docs.values()].find((d) => d.number === '27/2019/QĐ-UBND');
      const removed = await engine.removeDocument(decision?.id ?? '');
      expect(removed).toEqual(keys.get(decision?.id ?? ''));
      await engine.flush();
      const gone = new Set(removed);
      const hits = await engine.lexicalSearch(queryTerms('tiếp công dân Bình An'), 50, null);
      for (const h of hits) expect(gone.has(h.key)).toBe(false);
      expect(await engine.documentSummaries([decision?.id ?? ''])).toEqual(new Map());
      expect(await engine.removeDocument(decision?.id ?? '')).toEqual([]);
    });

    it('refuses a document whose vectors do not match its passages, storing nothing of it', async () => {
      if (!under.embed || !engine.vectorModel) return;
      const doc = prepare(DECISION);
      const before = await engine.counts();
      await expect(engine.addDocument(doc, 'bad.txt', 'hash-bad', { model: engine.vectorModel, values: [] })).rejects.toThrow();
      expect(await engine.counts()).toEqual(before);
    });
  });
}
