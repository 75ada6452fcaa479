/**
 * The API shows a file of a CORPUS_DIR outside the working folder from the corpus folder's name, not by the absolute
 * path the store keeps for it: unit rules, then `npm start`'s server over such a corpus (a real process).
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../src/store/document-store.js';
import { presentSource, sourceReplacer } from '../../src/serve/present-sources.js';
import { CORPUS_DIR, SEED, tempDir } from '../support/fixtures.js';
import { nodeCommand, startServing } from '../support/processes.js';

let work: ReturnType<typeof tempDir>;
beforeAll(() => {
  work = tempDir();
});
afterAll(() => work.cleanup());

describe('presentSource', () => {
  it('shows an absolute path under the corpus folder from its name, and any other source as stored', () => {
    expect(presentSource('/srv/data/corpus/party-web-articles/x.md', '/srv/data/corpus')).toBe('corpus/party-web-articles/x.md');
    expect(presentSource('/srv/other/x.md', '/srv/data/corpus')).toBe('/srv/other/x.md');
    expect(presentSource('/srv/data/corpus-2/x.md', '/srv/data/corpus')).toBe('/srv/data/corpus-2/x.md');
    expect(presentSource('corpus/x.txt', '/srv/data/corpus')).toBe('corpus/x.txt');
    expect(presentSource('uploads/x.txt', '/srv/data/corpus')).toBe('uploads/x.txt');
  });

  it('rewrites only `source` strings and `sources` lists of a response', () => {
    const json = JSON.stringify(
      { sources: ['/c/a.md', 'uploads/b.txt'], results: [{ document: { source: '/c/d/e.md', title: '/c/a.md' } }], schema: { source: { type: 'string' } } },
      sourceReplacer('/c'),
    );
    expect(JSON.parse(json)).toEqual({ sources: ['c/a.md', 'uploads/b.txt'], results: [{ document: { source: 'c/d/e.md', title: '/c/a.md' } }], schema: { source: { type: 'string' } } });
  });
});

describe('the server over a CORPUS_DIR outside the working folder', () => {
  it('stores the absolute path and shows it from the corpus folder', async () => {
    const corpus = join(work.dir, 'shared', 'corpus');
    mkdirSync(join(corpus, 'articles'), { recursive: true });
    cpSync(join(CORPUS_DIR, `${SEED.tccsd}.txt`), join(corpus, 'articles', `${SEED.tccsd}.txt`));
    const index = join(work.dir, 'index');
    const [cmd, argv] = nodeCommand('serve-command.ts', []);
    const server = await startServing(cmd, argv, { MODEL_DIR: join(work.dir, 'no-models'), INDEX_DIR: index, CORPUS_DIR: corpus, PORT: '0', HOST: '127.0.0.1', LEXICAL_THREADS: '0' });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const docs = (await (await fetch(`${base}/api/documents`)).json()) as { documents: { id: string; sources: string[] }[] };
      expect(docs.documents.map((d) => d.sources)).toEqual([[`corpus/articles/${SEED.tccsd}.txt`]]);
      const hits = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('chi bộ')}`)).json()) as { results: { document: { source: string } }[] };
      expect(hits.results[0]?.document.source).toBe(`corpus/articles/${SEED.tccsd}.txt`);
      const one = (await (await fetch(`${base}/api/documents/${docs.documents[0]!.id}`)).json()) as { sources: string[] };
      expect(one.sources).toEqual([`corpus/articles/${SEED.tccsd}.txt`]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    // What is stored is unchanged: the absolute path, the key that finds the file again.
    const store = new DocumentStore(join(index, 'store.sqlite'));
    try {
      expect(store.listDocuments().map((d) => d.sources)).toEqual([[join(corpus, 'articles', `${SEED.tccsd}.txt`)]]);
    } finally {
      store.close();
    }
  }, 60_000);
});
