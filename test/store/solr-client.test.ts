/**
 * The Solr engine's client parts that need no cluster: failover and retries against real local HTTP servers that
 * misbehave on purpose, error codes, filter queries, the Solr documents of a real prepared document, and the
 * engine settings.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { documentMatcher } from '../../src/core/abbreviations.js';
import { indexTerms } from '../../src/core/lexical-terms.js';
import { passageHeading } from '../../src/core/passage-context.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { extractText } from '../../src/ingest/read-document.js';
import { readEngineConfig } from '../../src/store/solr/solr-config.js';
import { documentRecordId, passageId, solrDocuments, vectorValues } from '../../src/store/solr/solr-documents.js';
import { escapeQueryText, filterQueries } from '../../src/store/solr/solr-filters.js';
import { SolrHttp } from '../../src/store/solr/solr-http.js';
import { lexicalQuery } from '../../src/store/solr/solr-search.js';
import { SHARED_DIR } from '../support/fixtures.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A local server answering each request with the next of `answers` (the last repeats); counts requests. */
async function serve(answers: { status: number; body: string }[]): Promise<{ url: string; requests: () => number }> {
  let n = 0;
  const server = createServer((_req, res) => {
    const a = answers[Math.min(n++, answers.length - 1)]!;
    res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/solr`, requests: () => n };
}

/** A port nothing listens on (a stopped node). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}/solr`;
}

const OK = { status: 200, body: '{"responseHeader":{"status":0},"ok":true}' };
const solrError = (status: number, msg: string) => ({ status, body: JSON.stringify({ error: { msg, code: status } }) });

describe('SolrHttp', () => {
  it('fails over from a stopped node to a live one', async () => {
    const live = await serve([OK]);
    const http = new SolrHttp([await deadUrl(), live.url], { deadlineMs: 2000 });
    expect((await http.get('/admin/collections', { action: 'LIST' })).ok).toBe(true);
    expect(live.requests()).toBe(1);
  });

  it('retries a node without a leader yet (503) until it answers', async () => {
    const node = await serve([solrError(503, 'No registered leader was found'), solrError(503, 'No registered leader was found'), OK]);
    const http = new SolrHttp([node.url], { deadlineMs: 5000 });
    expect((await http.postJson('/c/update', {}, [])).ok).toBe(true);
    expect(node.requests()).toBe(3);
  });

  it('gives up with engine_unavailable when no node answers by the deadline', async () => {
    const http = new SolrHttp([await deadUrl(), await deadUrl()], { deadlineMs: 600 });
    const started = Date.now();
    await expect(http.get('/admin/collections', {})).rejects.toMatchObject({ code: 'engine_unavailable' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not retry what Solr refuses: engine_rejected, or no_index for a missing collection', async () => {
    const bad = await serve([solrError(400, "undefined field 'nope'")]);
    await expect(new SolrHttp([bad.url]).get('/c/select', {})).rejects.toMatchObject({ code: 'engine_rejected' });
    expect(bad.requests()).toBe(1);
    // A document the shard leader refused, reported by the node that forwarded it as 500.
    const forwarded = await serve([solrError(500, `Async exception during distributed update: ERROR: [doc=a!1] Error adding field 'vector'='[${'0.1, '.repeat(500)}]'`)]);
    const err = (await new SolrHttp([forwarded.url]).postJson('/c/update', {}, []).catch((e: unknown) => e)) as Error & { code: string };
    expect(err).toMatchObject({ code: 'engine_rejected' });
    expect(err.message.length).toBeLessThan(800);
    expect(forwarded.requests()).toBe(1);
    const missing = await serve([{ status: 404, body: '<html>Not Found</html>' }]);
    await expect(new SolrHttp([missing.url]).get('/nope/select', {})).rejects.toMatchObject({ code: 'no_index' });
  });
});

describe('filter queries', () => {
  it('restricts to passages and writes each filter as one fq, as matchesFilters means it', () => {
    expect(filterQueries({})).toEqual(['{!term f=type}passage']);
    expect(
      filterQueries({ kind: 'nghi quyet', issuer: 'Tỉnh ủy Đắk Lắk', signer: '', term: 'khoá 12', from: '2020-01-01', status: 'in-force', number: '22-NQ/TW', source: 'a b.pdf' }).slice(1),
    ).toEqual([
      '{!term f=kind}nghị quyết',
      '{!term f=number_match}22-nq/tw',
      'issuer_match:*tinh\\ uy\\ dak\\ lak*',
      '{!term f=status}in-force',
      '{!term f=term_values}XII',
      'date:[2020-01-01T00:00:00Z TO *]',
      '{!term f=source}a b.pdf',
    ]);
  });

  it('escapes query syntax', () => {
    expect(escapeQueryText('a+b (c) "d" e:f/g*?~^!')).toBe('a\\+b\\ \\(c\\)\\ \\"d\\"\\ e\\:f\\/g\\*\\?\\~\\^\\!');
    expect(lexicalQuery({ folded: ['sinh_hoat', 'c++'], exact: ['hoaf'] })).toBe('sinh_hoat c\\+\\+ .hoaf');
  });
});

describe('Solr documents', () => {
  it('a record with the stored text and one document per passage with our index terms and its vector', async () => {
    const file = '056a116c77fe4047.md';
    const { format, text } = await extractText(readFileSync(join(SHARED_DIR, 'corpus/party-web-articles', file)), file);
    const doc = prepareDocument(text, format);
    const vectors = doc.passages.map((_, i) => Float32Array.from({ length: 4 }, (_, j) => (j === 0 ? 2.5e-7 : 0.1 + i / 1000)));
    const [record, ...passages] = solrDocuments({ document: doc, sources: ['a.md'], ingestedAt: '2026-11-30T00:00:00Z', vectors });
    expect(record).toMatchObject({ id: documentRecordId(doc.id), type: 'document', document_text: doc.text, issuer: 'Ban Bí thư', issuer_match: 'ban bi thu', kind: 'quy định', term_values: ['XIII'], year: 2025, date: '2025-11-19T00:00:00Z', source: ['a.md'] });
    expect(passages).toHaveLength(doc.passages.length);
    const p = doc.passages[3]!;
    const solr = passages[3]!;
    expect(solr).toMatchObject({ id: passageId(doc.id, p.ordinal), type: 'passage', document_id: doc.id, text: p.text, start: p.start, end: p.end, issuer_match: 'ban bi thu' });
    // The terms of the embedded index, tone keys prefixed: one length over both, as ours.
    const terms = indexTerms(p.text, documentMatcher(doc.abbreviations), passageHeading(doc.title, p.section));
    const field = (solr.index_terms as string).split(' ');
    expect(field.filter((t) => !t.startsWith('.')).join(' ')).toBe(terms.folded);
    expect(field.filter((t) => t.startsWith('.')).map((t) => t.slice(1))).toEqual(terms.exact.split(' '));
    expect(solr.vector).toEqual([0, 0.103, 0.103, 0.103]);
  });

  it('writes vector components as short literals Solr reads as numbers', () => {
    const values = vectorValues([0.0000027268538360658567, -8.449706365354359e-4, 3e-7, Number.NaN]);
    expect(values).toEqual([0.00000272685384, -0.000844970637, 0, 0]);
    for (const v of values) expect(JSON.stringify(v)).not.toMatch(/e|.{21}/);
  });
});

describe('engine settings', () => {
  it('defaults to the embedded engine; solr needs node URLs', () => {
    expect(readEngineConfig({})).toEqual({ engine: 'embedded' });
    expect(() => readEngineConfig({ ENGINE: 'solr' })).toThrow(/SOLR_URL/);
    expect(() => readEngineConfig({ ENGINE: 'elastic' })).toThrow(/ENGINE/);
    expect(readEngineConfig({ ENGINE: 'solr', SOLR_URL: 'http://a:8983/solr, http://b:8983/solr', SOLR_SHARDS: '3' })).toEqual({
      engine: 'solr',
      urls: ['http://a:8983/solr', 'http://b:8983/solr'],
      collection: 'vndocsearch',
      configName: 'vndocsearch',
      numShards: 3,
      replicationFactor: 2,
    });
    expect(() => readEngineConfig({ ENGINE: 'solr', SOLR_URL: 'http://a/solr', SOLR_REPLICAS: '0' })).toThrow(/SOLR_REPLICAS/);
  });
});
