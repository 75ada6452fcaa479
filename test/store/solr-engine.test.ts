/**
 * The SolrCloud engine against a real local cluster (engines/solr launcher: 3 nodes, embedded ZooKeeper) with a
 * collection of 2 shards × 2 replicas, on real documents of the shared corpus prepared by our own pipeline:
 * lexical search ranks as our embedded BM25 index does, kNN finds the exact nearest vectors, filters are filter
 * queries, writes are whole-document-or-nothing, deletes delete; and a node stopped during searches and an ingest
 * loses nothing: searches keep answering from replicas, the ingest goes on, the node catches up when it returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { queryTerms } from '../../src/core/lexical-terms.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import type { PreparedDocument } from '../../src/core/types.js';
import { extractText } from '../../src/ingest/read-document.js';
import { LexicalIndex } from '../../src/store/lexical-index.js';
import { documentTerms } from '../../src/store/passage-terms.js';
import { createCollection, deleteCollection, replicaStates, waitForActive } from '../../src/store/solr/solr-collection.js';
import { passageId } from '../../src/store/solr/solr-documents.js';
import { SolrHttp } from '../../src/store/solr/solr-http.js';
import { getDocumentText, getPassages, knnSearch, lexicalSearch, type SolrHit } from '../../src/store/solr/solr-search.js';
import { deleteDocument, writeDocument } from '../../src/store/solr/solr-writes.js';
import { SHARED_DIR } from '../support/fixtures.js';
import { gaussian, prng } from '../support/random.js';
import { type SolrCluster, sharedCluster } from '../support/solr-cluster.js';

const ARTICLES = join(SHARED_DIR, 'corpus/party-web-articles');
const COLLECTION = 'passages';
const DIMENSION = 384;
/** Ingested first: a decision of the HCMC People's Committee, a Secretariat regulation, a Bắc Ninh plan, articles. */
const FILES = ['001c610b2efdcf0c.md', '056a116c77fe4047.md', '09daab284f92e2dd.md', '08a69d59ac22cbb1.md', '07af42cd8d05ce9c.md', '01e2944c3b71fd89.md'];
/** Ingested while a node stops, and once it is down. */
const LATE_FILE = '065a92a582fac364.md';
const DOWN_FILE = '0a409da2590b5d59.md';
/** Its last passage gets a vector Solr refuses: nothing of it may remain. */
const BROKEN_FILE = '074df7072bfe0ff9.md';

async function prepare(file: string): Promise<PreparedDocument> {
  const { format, text } = await extractText(readFileSync(join(ARTICLES, file)), file);
  return prepareDocument(text, format);
}

/** A deterministic unit vector per passage (the kNN check needs exact nearest neighbours, not a model). */
function unitVector(seed: number): Float32Array {
  const rand = prng(seed);
  const v = Float32Array.from({ length: DIMENSION }, () => gaussian(rand));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(aa * bb);
}

const startCluster = sharedCluster();
let cluster: SolrCluster;
let http: SolrHttp;
const docs: PreparedDocument[] = [];
/** Passage id → its vector, for every indexed passage. */
const vectors = new Map<string, Float32Array>();
/** Our embedded BM25 index over the same passages, keyed by position in `passageIds`. */
const embedded = new LexicalIndex();
const passageIds: string[] = [];

function vectorsOf(doc: PreparedDocument): Float32Array[] {
  return doc.passages.map((p) => {
    const id = passageId(doc.id, p.ordinal);
    const v = unitVector(passageIds.length + vectors.size + p.ordinal * 7919 + doc.id.charCodeAt(0));
    vectors.set(id, v);
    return v;
  });
}

async function ingest(doc: PreparedDocument): Promise<void> {
  await writeDocument(http, COLLECTION, { document: doc, sources: [`corpus/${doc.id}.md`], ingestedAt: '2026-11-30T00:00:00Z', vectors: vectorsOf(doc) });
  const first = passageIds.length;
  passageIds.push(...doc.passages.map((p) => passageId(doc.id, p.ordinal)));
  embedded.add(documentTerms(doc, doc.passages.map((_, i) => first + i)));
}

const documentOf = (key: string): string => key.slice(0, key.indexOf('!'));

/** How many documents one core holds, asked alone (no distributed search). */
async function documentsIn(baseUrl: string, core: string): Promise<number> {
  const q = encodeURIComponent('{!term f=type}document');
  const res = await fetch(`${baseUrl}/${core}/select?distrib=false&rows=0&wt=json&q=${q}`);
  return ((await res.json()) as { response: { numFound: number } }).response.numFound;
}

/** The exact top k by cosine over `vectors`, restricted to `allowed` documents when given. */
function exactNearest(query: Float32Array, k: number, allowed: (id: string) => boolean = () => true): SolrHit[] {
  return [...vectors.entries()]
    .filter(([id]) => allowed(id))
    .map(([key, v]) => ({ key, score: cosine(query, v) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

beforeAll(async () => {
  cluster = await startCluster();
  http = new SolrHttp(cluster.urls, { attemptTimeoutMs: 20_000, deadlineMs: 90_000 });
  await createCollection(http, COLLECTION, { numShards: 2, replicationFactor: 2, configName: cluster.configName });
  for (const file of FILES) docs.push(await prepare(file));
  for (const doc of docs) await ingest(doc);
}, 300_000);

describe('SolrCloud engine', () => {
  it('creates 2 shards × 2 replicas, each shard on two different nodes', async () => {
    const replicas = await replicaStates(http, COLLECTION);
    expect(replicas).toHaveLength(4);
    expect(replicas.every((r) => r.state === 'active')).toBe(true);
    for (const shard of ['shard1', 'shard2']) {
      const nodes = replicas.filter((r) => r.shard === shard).map((r) => r.node);
      expect(new Set(nodes).size).toBe(2);
    }
  });

  it('stores passages whose offsets slice the stored document text', async () => {
    const doc = docs[1]!;
    const keys = doc.passages.map((p) => passageId(doc.id, p.ordinal));
    const passages = await getPassages(http, COLLECTION, [...keys, 'nosuch!1']);
    expect(passages.map((p) => p.key)).toEqual(keys);
    const text = await getDocumentText(http, COLLECTION, doc.id);
    expect(text).toBe(doc.text);
    for (const p of passages) {
      expect(text!.slice(p.start, p.end)).toBe(p.text);
      expect(p.section).toBe(doc.passages[p.ordinal]!.section);
    }
  });

  it('ranks lexically as our BM25 index does (same terms, same k1 and b)', async () => {
    const queries = ['phông lưu trữ Đảng Cộng sản Việt Nam', 'miễn thuế sử dụng đất nông nghiệp', 'nâng cao năng lực cán bộ công chức', 'xử lý nợ xấu'];
    for (const query of queries) {
      const terms = queryTerms(query);
      const solr = await lexicalSearch(http, COLLECTION, terms, 10);
      const ours = embedded.search(terms, 10).map((h) => passageIds[h.key]!);
      expect(solr.length, query).toBe(10);
      expect(solr[0]!.key, query).toBe(ours[0]);
      const shared = solr.filter((h) => ours.includes(h.key)).length;
      expect(shared, `${query}: ${solr.map((h) => h.key)} vs ${ours}`).toBeGreaterThanOrEqual(8);
      for (let i = 1; i < solr.length; i++) expect(solr[i]!.score).toBeLessThanOrEqual(solr[i - 1]!.score);
    }
  });

  it('finds the exact nearest passages by cosine, filters as pre-filter', async () => {
    const target = passageId(docs[2]!.id, 3);
    const query = vectors.get(target)!.map((x, i) => x + (i % 2 === 0 ? 0.01 : -0.01));
    const hits = await knnSearch(http, COLLECTION, query, 10);
    const exact = exactNearest(query, 10);
    expect(hits[0]!.key).toBe(target);
    expect(hits.map((h) => h.key)).toEqual(exact.map((h) => h.key));
    hits.forEach((h, i) => expect(h.score).toBeCloseTo(exact[i]!.score, 4));
    // Restricted to another document, its own nearest passages come back (a post-filter would return fewer).
    const other = docs[0]!.id;
    const filtered = await knnSearch(http, COLLECTION, query, 10, { document: other });
    expect(filtered.map((h) => h.key)).toEqual(exactNearest(query, 10, (id) => documentOf(id) === other).map((h) => h.key));
  });

  it('applies our filters as filter queries', async () => {
    const terms = queryTerms('quy định kế hoạch quyết định nghị quyết');
    const onlyDocs = async (filters: Parameters<typeof lexicalSearch>[4]) => new Set((await lexicalSearch(http, COLLECTION, terms, 100, filters)).map((h) => documentOf(h.key)));
    const [decision, regulation, plan, article] = docs;
    expect(await onlyDocs({ kind: 'quy dinh' })).toEqual(new Set([regulation!.id]));
    expect(await onlyDocs({ issuer: 'uy ban nhan dan' })).toEqual(new Set([decision!.id, plan!.id]));
    expect(await onlyDocs({ issuer: 'Hồ Chí Minh' })).toEqual(new Set([decision!.id]));
    expect(await onlyDocs({ signer: 'trần cẩm' })).toEqual(new Set([regulation!.id]));
    expect(await onlyDocs({ term: 'khóa 13' })).toEqual(new Set([regulation!.id]));
    expect(await onlyDocs({ from: '2025-11-20', to: '2025-12-31' })).toEqual(new Set([plan!.id]));
    expect(await onlyDocs({ to: '2025-07-01' })).toEqual(new Set([article!.id]));
    expect(await onlyDocs({ source: `corpus/${plan!.id}.md` })).toEqual(new Set([plan!.id]));
    expect(await onlyDocs({ status: 'in-force' })).toEqual(new Set());
  });

  it('writes a document whole or not at all: a batch Solr refuses leaves nothing of it', async () => {
    const broken = await prepare(BROKEN_FILE);
    const bad = broken.passages.map((p) => unitVector(p.ordinal + 1));
    bad[bad.length - 1] = new Float32Array(DIMENSION - 1).fill(0.1);
    const write = writeDocument(http, COLLECTION, { document: broken, sources: [], ingestedAt: '2026-11-30T00:00:00Z', vectors: bad });
    await expect(write).rejects.toThrow(UserError);
    await expect(write).rejects.toMatchObject({ code: 'engine_rejected' });
    const keys = broken.passages.map((p) => passageId(broken.id, p.ordinal));
    expect(await getPassages(http, COLLECTION, keys)).toEqual([]);
    expect(await getDocumentText(http, COLLECTION, broken.id)).toBeNull();
  });

  it('deletes a document with its passages', async () => {
    const gone = docs.pop()!;
    const terms = queryTerms(gone.title ?? '');
    expect((await lexicalSearch(http, COLLECTION, terms, 5)).some((h) => documentOf(h.key) === gone.id)).toBe(true);
    await deleteDocument(http, COLLECTION, gone.id);
    expect((await lexicalSearch(http, COLLECTION, terms, 50)).some((h) => documentOf(h.key) === gone.id)).toBe(false);
    expect(await getPassages(http, COLLECTION, [passageId(gone.id, 0)])).toEqual([]);
    for (const p of gone.passages) vectors.delete(passageId(gone.id, p.ordinal));
  });

  it('a node stopped during searches and an ingest: searches answer, the ingest completes, the node catches up', async () => {
    const terms = queryTerms('lưu trữ tài liệu Đảng');
    const lexicalBefore = await lexicalSearch(http, COLLECTION, terms, 10);
    const probe = vectors.get(passageId(docs[1]!.id, 5))!;
    const denseBefore = await knnSearch(http, COLLECTION, probe, 10);
    expect(denseBefore[0]!.key).toBe(passageId(docs[1]!.id, 5));
    // The node holding most shard leaders (first of equals): stopping it also moves leadership.
    const replicas = await replicaStates(http, COLLECTION);
    const leaders = (url: string) => replicas.filter((r) => r.leader && r.baseUrl === url).length;
    const victim = [...cluster.nodes].sort((a, b) => leaders(b.url) - leaders(a.url) || a.index - b.index)[0]!;
    expect(replicas.some((r) => r.baseUrl === victim.url)).toBe(true);

    // Searches run on, and an ingest starts, while the node stops; the ingest waits out the leader election.
    const late = await prepare(LATE_FILE);
    let searches = 0;
    let stopping = true;
    const searching = (async () => {
      // The late document may become visible meanwhile (new statistics, new neighbours), not the best hits.
      while (stopping || searches < 5) {
        const lexical = await lexicalSearch(http, COLLECTION, terms, 10);
        expect(lexical).toHaveLength(10);
        expect(lexical[0]!.key).toBe(lexicalBefore[0]!.key);
        const dense = await knnSearch(http, COLLECTION, probe, 10);
        expect(dense).toHaveLength(10);
        expect(dense[0]!.key).toBe(denseBefore[0]!.key);
        searches++;
      }
    })();
    const stopped = cluster.stopNode(victim.index);
    await ingest(late);
    docs.push(late);
    await stopped;
    stopping = false;
    await searching;
    expect(searches).toBeGreaterThanOrEqual(5);
    const down = await prepare(DOWN_FILE);
    await ingest(down);
    docs.push(down);
    const lateTerms = queryTerms(late.title ?? '');
    expect(documentOf((await lexicalSearch(http, COLLECTION, lateTerms, 1))[0]!.key)).toBe(late.id);

    // The node returns and catches up: each replica, alone, holds what its shard holds, down to the late document.
    await cluster.startNode(victim.index);
    const all = await waitForActive(http, COLLECTION, 4);
    expect(all.some((r) => r.baseUrl === victim.url)).toBe(true);
    const perShard = new Map<string, number[]>();
    for (const r of all) perShard.set(r.shard, [...(perShard.get(r.shard) ?? []), await documentsIn(r.baseUrl, r.core)]);
    for (const counts of perShard.values()) expect(new Set(counts).size, JSON.stringify([...perShard])).toBe(1);
    expect([...perShard.values()].reduce((sum, counts) => sum + counts[0]!, 0)).toBe(docs.length);
    expect(documentOf((await lexicalSearch(http, COLLECTION, lateTerms, 1))[0]!.key)).toBe(late.id);
  }, 400_000);

  it('deletes the collection', async () => {
    await deleteCollection(http, COLLECTION);
    await expect(lexicalSearch(http, COLLECTION, queryTerms('đảng'), 1)).rejects.toMatchObject({ code: 'no_index' });
  });
});
