import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search.js';
import Database from 'better-sqlite3';
import { checkIndex } from '../../src/store/check-index.js';
import { SCHEMA_VERSION } from '../../src/store/document-store.js';
import { LEXICAL_MANIFEST, saveLexicalIndex } from '../../src/store/lexical-snapshot.js';
import { openIndex, STORE_FILE } from '../../src/store/open-index.js';
import { INDEX_FILE, MANIFEST_FILE } from '../../src/store/vector-index.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CORPUS_DIR, loadTinyEmbedder, SEED, tempDir } from '../support/fixtures.js';

const QUERIES = ['sinh hoạt chi bộ', 'cung co ban can su dang', 'Gò Công Tây', 'kiểm tra, giám sát', 'Kết luận số 38-KL/TW'];

const snapshot = async (handle: Parameters<typeof search>[0]) =>
  Promise.all(QUERIES.map(async (q) => (await search(handle, q, { k: 10 })).results.map((r) => [r.passage.id, r.score])));

let index: CorpusIndex | null = null;
afterEach(() => {
  index?.cleanup();
  index = null;
});

describe('an index folder across restarts', () => {
  it('gives identical results after a restart', async () => {
    index = await buildCorpusIndex();
    const before = await snapshot(index.handle);
    index.handle.close();
    const reopened = await index.reopen();
    expect(await snapshot(reopened)).toEqual(before);
    reopened.close();
  });

  it('changes nothing when unchanged files are ingested again', async () => {
    index = await buildCorpusIndex();
    const counts = index.handle.store.counts();
    index.handle.close();
    const storeFile = join(index.dir, 'store.sqlite');
    const indexMtime = statSync(join(index.dir, INDEX_FILE)).mtimeMs;
    const handle = await index.reopen();
    const again = await ingestPaths(handle, [CORPUS_DIR]);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5, passages: 0, failed: [] });
    expect(handle.store.counts()).toEqual(counts);
    handle.close();
    expect(statSync(join(index.dir, INDEX_FILE)).mtimeMs).toBe(indexMtime);
    expect(statSync(storeFile).size).toBeGreaterThan(0);
  });

  it('rebuilds the vector index from stored vectors when its file is missing or stale', async () => {
    index = await buildCorpusIndex();
    const before = await snapshot(index.handle);
    index.handle.close();
    rmSync(join(index.dir, INDEX_FILE));
    const rebuilt = await index.reopen();
    expect(rebuilt.vectors?.count).toBe(rebuilt.store.counts().vectors);
    expect(await snapshot(rebuilt)).toEqual(before);
    rebuilt.close();

    const manifest = JSON.parse(readFileSync(join(index.dir, MANIFEST_FILE), 'utf8'));
    writeFileSync(join(index.dir, MANIFEST_FILE), JSON.stringify({ ...manifest, count: manifest.count - 1 }));
    const again = await index.reopen();
    expect(again.vectors?.count).toBe(again.store.counts().vectors);
    again.close();
  });


  it('rebuilds the lexical index from stored passages when its snapshot is missing or behind the store', async () => {
    index = await buildCorpusIndex();
    const before = await snapshot(index.handle);
    const passages = index.handle.store.counts().passages;
    index.handle.close();
    rmSync(join(index.dir, LEXICAL_MANIFEST));
    const rebuilt = await index.reopen();
    expect(rebuilt.lexical.size).toBe(passages);
    expect(await snapshot(rebuilt)).toEqual(before);
    // A passage the snapshot lacks (a crash after the commit, before the save) is indexed again at open.
    const lost = rebuilt.store.allPassageKeys()[3]!;
    rebuilt.lexical.remove(lost);
    saveLexicalIndex(index.dir, rebuilt.lexical);
    // A crash: the store closes unsaved, and the kernel releases the writer lock with the process.
    rebuilt.store.close();
    rebuilt.lock?.release();
    expect(checkIndex(index.dir).problems).toEqual(['the lexical index lacks 1 passages and has 0 removed ones; run `npm run rebuild`']);
    const repaired = await index.reopen();
    expect(repaired.lexical.keys().has(lost)).toBe(true);
    expect(await snapshot(repaired)).toEqual(before);
    repaired.close();
    expect(checkIndex(index.dir).ok).toBe(true);
  });

  it('upgrades a schema-4 folder, whose lexical terms were in SQLite, in place', async () => {
    index = await buildCorpusIndex();
    const before = await snapshot(index.handle);
    index.handle.close();
    rmSync(join(index.dir, LEXICAL_MANIFEST));
    const db = new Database(join(index.dir, STORE_FILE));
    db.exec("CREATE VIRTUAL TABLE passage_terms USING fts5(folded, exact); UPDATE meta SET value = '4' WHERE key = 'schema_version'");
    db.close();
    const upgraded = await index.reopen();
    expect(upgraded.store.getMeta('schema_version')).toBe(SCHEMA_VERSION);
    expect(await snapshot(upgraded)).toEqual(before);
    upgraded.close();
  });
  it('refuses to mix vector spaces when the model changes', async () => {
    index = await buildCorpusIndex();
    index.handle.close();
    const real = await loadTinyEmbedder();
    const other: Embedder = {
      modelId: 'someone/else',
      dimension: real.dimension,
      embedQueries: (t) => real.embedQueries(t),
      embedPassages: (t) => real.embedPassages(t),
    };
    expect(() => openIndex(index!.dir, { embedder: other })).toThrow(/npm run reindex/);
  });

  it('adds vectors to passages ingested before a model was installed', async () => {
    index = await buildCorpusIndex(false);
    expect(index.handle.store.counts().vectors).toBe(0);
    index.handle.close();
    const withModel = openIndex(index.dir, { embedder: await loadTinyEmbedder() });
    const summary = await ingestPaths(withModel, [CORPUS_DIR]);
    const counts = withModel.store.counts();
    expect(summary.backfilled).toBe(counts.passages);
    expect(counts.vectors).toBe(counts.passages);
    expect((await search(withModel, 'chi bo ban dan toc', { k: 1, mode: 'dense' })).results[0]!.document.source).toContain(SEED.banDanToc);
    withModel.close();
  });
});

describe('documents and their sources', () => {
  it('keeps identical content under two paths as one document with two sources', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const a = join(dir, 'a.txt');
      const b = join(dir, 'b.txt');
      copyFileSync(join(CORPUS_DIR, `${SEED.banDanToc}.txt`), a);
      copyFileSync(join(CORPUS_DIR, `${SEED.banDanToc}.txt`), b);
      const handle = openIndex(join(dir, 'index'), { embedder: null });
      const summary = await ingestPaths(handle, [a, b]);
      expect(summary).toMatchObject({ added: 1, linked: 1 });
      const docs = handle.store.listDocuments();
      expect(docs).toHaveLength(1);
      expect(docs[0]!.sources).toHaveLength(2);
      handle.close();
    } finally {
      cleanup();
    }
  });

  it('replaces a changed file’s document and drops the old one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'chi-bo.txt');
      const original = readFileSync(join(CORPUS_DIR, `${SEED.banDanToc}.txt`), 'utf8');
      writeFileSync(file, original);
      const handle = openIndex(join(dir, 'index'), { embedder: await loadTinyEmbedder() });
      await ingestPaths(handle, [file]);
      const oldId = handle.store.listDocuments()[0]!.id;
      writeFileSync(file, original.replace('Chi bộ Ban Dân tộc', 'Chi bộ Ban Dân tộc tỉnh'));
      const summary = await ingestPaths(handle, [file]);
      expect(summary.updated).toBe(1);
      const docs = handle.store.listDocuments();
      expect(docs).toHaveLength(1);
      expect(docs[0]!.id).not.toBe(oldId);
      expect(handle.store.counts().vectors).toBe(handle.store.counts().passages);
      expect(handle.vectors?.count).toBe(handle.store.counts().passages);
      expect((await search(handle, 'Chi bộ Ban Dân tộc tỉnh', { k: 3 })).results.every((r) => r.document.id === docs[0]!.id)).toBe(true);
      handle.close();
    } finally {
      cleanup();
    }
  });

  it('lists failures and goes on past them', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'empty.txt'), '');
      writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
      copyFileSync(join(CORPUS_DIR, `${SEED.banCanSu}.txt`), join(dir, 'good.txt'));
      const handle = openIndex(join(dir, 'index'), { embedder: null });
      const summary = await ingestPaths(handle, [dir, join(dir, 'missing.txt')]);
      expect(summary.added).toBe(1);
      expect(summary.failed.map((f) => f.code).sort()).toEqual(['binary_file', 'empty_file', 'not_found']);
      handle.close();
    } finally {
      cleanup();
    }
  });
});
