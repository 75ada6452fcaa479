/**
 * Each stage of the search pipeline (src/search/stages/) alone, on the bundled corpus without a model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedPassages } from '../../src/search/stages/allowed.js';
import { chooseResults } from '../../src/search/stages/diversify.js';
import { chooseReadingDeeper } from '../../src/search/stages/read-deeper.js';
import { fuseRankings } from '../../src/search/stages/fuse.js';
import { pinNamedDocuments } from '../../src/search/stages/pin-named.js';
import { present } from '../../src/search/stages/present.js';
import { readQuery } from '../../src/search/stages/read-query.js';
import { retrieve } from '../../src/search/stages/retrieve.js';
import { embeddedEngine } from '../../src/store/embedded-engine.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE } from '../support/fixtures.js';

let corpus: CorpusIndex;
beforeAll(async () => {
  corpus = await buildCorpusIndex(false, [CITED_DIRECTIVE]);
}, 120_000);
afterAll(() => {
  corpus.handle.close();
  corpus.cleanup();
});

describe('read query', () => {
  it('keeps the query as typed and searches its Telex correction', () => {
    const read = readQuery('  sinh hoatj chi booj\u200b ');
    expect(read.typed).toBe('sinh hoatj chi booj');
    expect(read.query).toBe('sinh hoạt chi bộ');
    expect(read.terms).not.toEqual(readQuery('chi bộ').terms);
  });
  it('reads the document numbers a query names', () => {
    expect(readQuery('Chỉ thị 05-CT/TW').pattern?.numbers).toContain('05-CT/TW');
    expect(readQuery('sinh hoạt chi bộ').pattern).toBeNull();
  });
});

describe('fuse', () => {
  const lexical = [
    { key: 1, score: 9 },
    { key: 2, score: 8 },
  ];
  const dense = [
    { key: 2, score: 0.9 },
    { key: 3, score: 0.8 },
  ];
  it('passes one retriever through in its own mode', () => {
    expect(fuseRankings('lexical', lexical, dense)).toBe(lexical);
    expect(fuseRankings('dense', lexical, dense)).toBe(dense);
  });
  it('puts a passage both retrievers found first in hybrid mode', () => {
    expect(fuseRankings('hybrid', lexical, dense).map((h) => h.key)).toEqual([2, 1, 3]);
  });
});

describe('allowed, retrieve, pin, diversify, present', () => {
  const engineOf = () => embeddedEngine(corpus.handle);

  it('retrieves only what the filters allow, and nothing when they allow nothing', async () => {
    const engine = engineOf();
    const read = readQuery('chi bộ');
    expect(await allowedPassages(engine, undefined)).toBeNull();
    const none = await allowedPassages(engine, { kind: 'nghi-dinh', issuer: 'Không có cơ quan này' });
    expect(none?.documents).toEqual([]);
    const request = { query: read.query, terms: read.terms, mode: 'lexical' as const, depth: 50, lexicalDepth: 50 };
    const some = await retrieve(engine, null, { ...request, restriction: null });
    expect(some.lexical.length).toBeGreaterThan(0);
    expect((await retrieve(engine, null, { ...request, restriction: none })).lexical).toEqual([]);
  });

  it('pins a named document first, then walks the ranking into k diverse, presentable results', async () => {
    const engine = engineOf();
    const { handle } = corpus;
    const read = readQuery('Chỉ thị 05-CT/TW học tập và làm theo');
    const retrieved = await retrieve(engine, null, { query: read.query, terms: read.terms, mode: 'lexical', restriction: null, depth: 50, lexicalDepth: 50 });
    const pinned = await pinNamedDocuments(engine, read.pattern, retrieved.lexical, null);
    const directive = handle.store.documentsNumbered(['05-CT/TW']);
    expect(pinned.named).toEqual(directive);
    expect(handle.store.getPassage(pinned.ordered[0]?.key ?? -1)?.documentId).toBe(directive[0]);
    expect(new Set(pinned.ordered.map((h) => h.key)).size).toBe(pinned.ordered.length);
    const unpinned = await pinNamedDocuments(engine, null, retrieved.lexical, null);
    expect(unpinned.ordered).toBe(retrieved.lexical);
    const chosen = await chooseResults(engine, pinned.ordered, { k: 3, depth: 50, deeper: null, exempt: new Set(pinned.named) });
    expect(chosen.top.length).toBe(3);
    for (const c of chosen.top) expect(chosen.passages.get(c.key)?.documentId).toBe(c.documentId);
    const { results } = await present(engine, read.query, chosen.top, chosen.passages);
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (const r of results) {
      const stored = handle.store.documentText(r.document.id);
      expect(stored?.slice(r.passage.start, r.passage.end)).toBe(r.passage.text);
    }
  });

  it('reads the deeper list only when the shallow one is used up', async () => {
    const engine = engineOf();
    const { handle } = corpus;
    const keys = handle.store.passageKeys(handle.store.documentIdsWhere(() => true)[0] ?? '');
    const shallow = keys.slice(0, 1).map((key) => ({ key, score: 1 }));
    let reads = 0;
    const deeper = async () => {
      reads++;
      return keys.map((key) => ({ key, score: 1 }));
    };
    const chosen = await chooseResults(engine, shallow, { k: 3, depth: 50, deeper, exempt: new Set() });
    expect(reads).toBe(1);
    expect(chosen.top.length).toBeGreaterThan(1);
    await chooseResults(
      engine,
      keys.map((key) => ({ key, score: 1 })),
      { k: 1, depth: 50, deeper, exempt: new Set() },
    );
    expect(reads).toBe(1);
  });

  it('reads the ranking deeper, doubling, only while fewer than k results are chosen and it was cut', async () => {
    const engine = engineOf();
    const { handle } = corpus;
    const all = handle.store.documentIdsWhere(() => true).flatMap((id) => handle.store.passageKeys(id));
    const depths: number[] = [];
    const rankAt = async (depth: number) => {
      depths.push(depth);
      return all.slice(0, depth).map((key) => ({ key, score: 1 }));
    };
    const request = { k: 12, depth: 4, deeper: null, exempt: new Set<string>(), rankAt, limit: async () => all.length };
    const chosen = await chooseReadingDeeper(engine, await rankAt(4), request);
    expect(chosen.top.length).toBe(12);
    expect(depths.length).toBeGreaterThan(1);
    expect(depths.slice(1)).toEqual(depths.slice(1).map((_, i) => 4 * 2 ** (i + 1)));
    depths.length = 0;
    // A ranking that yields k at once, or came back shorter than its depth, is not read again.
    expect((await chooseReadingDeeper(engine, all.slice(0, 40).map((key) => ({ key, score: 1 })), { ...request, depth: 40 })).top.length).toBe(12);
    expect((await chooseReadingDeeper(engine, all.slice(0, 3).map((key) => ({ key, score: 1 })), { ...request, depth: 40 })).top.length).toBe(3);
    expect(depths).toEqual([]);
  });
});
