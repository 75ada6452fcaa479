/**
 * The one contract every SearchEngine implementation passes (src/store/engine.ts), Hono-style: each implementation's
 * test file calls `engineContract` with a factory. Documents are real (the bundled corpus, two formal documents),
 * prepared by our own pipeline, so every engine sees the same passages, index terms and vectors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentities } from '../../src/core/document-identity.js';
import { passageHeading } from '../../src/core/passage-context.js';
import { FACET_FIELDS } from '../../src/core/facets.js';
import { queryTerms } from '../../src/core/lexical-terms.js';
import { meanVector } from '../../src/core/mean-vector.js';
import { toneKey } from '../../src/core/normalize.js';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { matchesQuery } from '../../src/core/query-match.js';
import { parseQuery } from '../../src/core/query-syntax.js';
import { referencePattern } from '../../src/core/references.js';
import type { PreparedDocument } from '../../src/core/types.js';
import { searchEngine } from '../../src/search/search.js';
import { engineNearMean, findSimilar } from '../../src/search/similar.js';
import { searchFacets } from '../../src/search/stages/count-facets.js';
import type { EngineReader, Restriction, SearchEngine } from '../../src/store/engine.js';
import { documentTerms } from '../../src/store/passage-terms.js';
import { CITED_DIRECTIVE, corpusFiles, SEED, SHARED_DIR } from '../support/fixtures.js';

export interface EngineUnderTest {
  engine: SearchEngine;
  /** Passage vectors of the engine's model (unit length), or null for an engine without one. */
  embed: ((texts: string[]) => Promise<Float32Array[]>) | null;
  cleanup(): Promise<void>;
}

const DECISION = 'test/fixtures/quyet-dinh-27-2019-QD-UBND.txt';
/** Chỉ thị 45-CT/TW replaces 35-CT/TW; a news page without a number of its own publishes 45 (its title names it). */
const DIRECTIVE_35 = 'test/fixtures/relations/chi-thi-35-CT-TW.txt';
const DIRECTIVE_45 = 'test/fixtures/relations/chi-thi-45-CT-TW.txt';
const PAGE_45 = join(SHARED_DIR, 'corpus', 'party-web-articles', '9ec4020fad86e30d.md');

function prepare(path: string): PreparedDocument {
  return prepareDocument(readFileSync(path, 'utf8'), 'txt');
}

export function engineContract(name: string, make: () => Promise<EngineUnderTest>): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let under: EngineUnderTest;
    let engine: SearchEngine;
    const docs = new Map<string, PreparedDocument>();
    const keys = new Map<string, number[]>();

    async function add(path: string, source = path, change: (doc: PreparedDocument) => PreparedDocument = (d) => d): Promise<PreparedDocument> {
      const doc = change(prepare(path));
      const values = under.embed ? await under.embed(doc.passages.map((p) => p.text)) : null;
      const model = engine.vectorModel;
      keys.set(doc.id, await engine.addDocument(doc, source, `hash-of-${source}`, values && model ? { model, values } : null));
      docs.set(doc.id, doc);
      return doc;
    }

    const ascending = (list: Iterable<number>): number[] => [...list].sort((a, b) => a - b);
    /** The index terms of every stored passage, from our own analysis: what any engine's postings must agree with. */
    function* indexedPassages(): Generator<{ key: number; documentId: string; folded: Set<string>; exact: Set<string> }> {
      for (const [id, doc] of docs) {
        for (const t of documentTerms(doc, keys.get(id) ?? [])) yield { key: t.key, documentId: id, folded: new Set(t.folded), exact: new Set(t.exact) };
      }
    }
    /** Passages under every folded term, by brute force; within the restriction's documents (and keys) when given. */
    const postingsOracle = (terms: string[], restriction: Restriction | null, only: Set<number> | null = null): number[] => {
      const allowed = restriction ? new Set(restriction.documents) : null;
      const out: number[] = [];
      for (const p of indexedPassages()) {
        if (terms.length === 0 || (allowed && !allowed.has(p.documentId)) || (only && !only.has(p.key))) continue;
        if (terms.every((t) => p.folded.has(t))) out.push(p.key);
      }
      return ascending(out);
    };
    const exactOracle = (term: string): number => [...indexedPassages()].filter((p) => p.exact.has(term)).length;

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

    it('knows documents by any spelling of their number, and how often numbers are cited', async () => {
      const directive = [...docs.values()].find((d) => d.number === '05-CT/TW');
      const named = await engine.documentsNamed(parseIdentities('CT 5 · chỉ thị 05 của Bộ Chính trị · 05/CT-TW · nghị quyết 5'));
      expect(named).toEqual([[directive?.id], [directive?.id], [directive?.id], []]);
      const cited = await engine.citedNumbers('5');
      expect(cited.find((c) => c.number === '05-CT/TW')?.documents).toBeGreaterThan(0);
      expect(cited.every((c) => /^0?5[-/]/u.test(c.number))).toBe(true);
    });

    it('looks up postings: the passages indexed under every folded term, within a restriction', async () => {
      expect(postingsOracle(['chi_bo'], null).length).toBeGreaterThan(3);
      for (const terms of [['chi_bo'], ['to', 'chuc', 'dang'], ['cong_dan', 'tiep'], ['khong_co_tu_nay'], []]) {
        expect(ascending(await engine.passagesWithAll?.(terms, null) ?? []), terms.join(' ')).toEqual(postingsOracle(terms, null));
      }
      const signed = await engine.restrict({ signer: 'Đinh Văn Khải' });
      expect(postingsOracle(['cong_dan'], signed).length).toBeGreaterThan(0);
      expect(ascending((await engine.passagesWithAll?.(['cong_dan'], signed)) ?? [])).toEqual(postingsOracle(['cong_dan'], signed));
      // Narrowed to three passages: both look-ups and retrieval stay within them.
      const some = postingsOracle(['chi_bo'], null).slice(0, 3);
      const narrowed = (await engine.restrictToPassages?.(some, null)) ?? null;
      const owners = [...indexedPassages()].filter((p) => some.includes(p.key)).map((p) => p.documentId);
      expect([...(narrowed?.documents ?? [])].sort()).toEqual([...new Set(owners)].sort());
      expect(ascending((await engine.lexicalSearch(queryTerms('chi bộ'), 50, narrowed)).map((h) => h.key))).toEqual(some);
      expect(ascending((await engine.passagesWithAll?.(['chi'], narrowed)) ?? [])).toEqual(some);
      const none = await engine.restrictToPassages?.(some, signed);
      expect(none?.documents).toEqual([]);
      expect(await engine.lexicalSearch(queryTerms('chi bộ'), 50, none ?? null)).toEqual([]);
    });

    it('searches a phrase in quotes and leaves out excluded words, however low their passages rank', async () => {
      const q = '"tổ chức cơ sở đảng" -"chi bộ"';
      const parsed = parseQuery(q);
      const expected = new Set<number>();
      for (const p of indexedPassages()) {
        const stored = (await engine.passages([p.key])).get(p.key);
        // An exclusion applies to the heading the passage is indexed with (title, section) as well as to its text.
        if (matchesQuery(parsed, stored?.text ?? '', passageHeading(docs.get(p.documentId)?.title ?? null, stored?.section ?? null))) expected.add(p.key);
      }
      expect(expected.size).toBeGreaterThan(0);
      const response = await searchEngine(engine, null, q, { k: 50, exact: true });
      expect(response.results.length).toBeGreaterThan(0);
      for (const r of response.results) {
        expect(matchesQuery(parsed, r.passage.text), r.passage.text).toBe(true);
        expect(r.passage.text.toLowerCase()).not.toContain('chi bộ');
        expect(`${r.document.title ?? ''}\n${r.passage.section ?? ''}`.toLowerCase()).not.toContain('chi bộ');
      }
      expect(new Set(response.results.map((r) => r.document.id))).toEqual(new Set([...indexedPassages()].filter((p) => expected.has(p.key)).map((p) => p.documentId)));
      const absent = await searchEngine(engine, null, '"đảng viên tổ chức cơ sở chi bộ"', { k: 10, exact: true });
      expect(absent.results).toEqual([]);
    });

    it('counts facets over every matching document from its postings, as brute force does', async () => {
      const bruteForce: EngineReader = { ...engine, passagesWithAll: async (terms, restriction) => postingsOracle(terms, restriction) };
      const signed = await engine.restrict({ kind: 'chỉ thị' });
      expect(signed?.documents.length).toBeGreaterThan(0);
      for (const q of ['chi bộ', '"tổ chức cơ sở đảng"', 'đảng viên -"chi bộ"', 'chi bộ OR tiếp công dân']) {
        for (const restriction of [null, signed]) {
          const facets = await searchFacets(engine, parseQuery(q), restriction, FACET_FIELDS);
          expect(facets, q).toEqual(await searchFacets(bruteForce, parseQuery(q), restriction, FACET_FIELDS));
        }
      }
      const kinds = await searchFacets(engine, parseQuery('chi bộ'), null, ['kind']);
      expect(kinds.kind?.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(1);
    });

    it('counts accented syllables and pairs for diacritic restoration (after a flush)', async () => {
      await engine.flush();
      const vocabulary = engine.vocabulary();
      expect(vocabulary).not.toBeNull();
      expect(vocabulary?.total).toBe((await engine.counts()).passages);
      for (const [first, second] of [['chi', 'bộ'], ['tổ', 'chức'], ['đảng', 'viên'], ['công', 'dân']]) {
        const [a, b] = [toneKey(first ?? ''), toneKey(second ?? '')];
        expect(exactOracle(a)).toBeGreaterThan(0);
        expect(vocabulary?.syllable(a), first).toBe(exactOracle(a));
        expect(vocabulary?.pair(a, b), `${first} ${second}`).toBe(exactOracle(`${a}_${b}`));
      }
      expect(vocabulary?.syllable('khôngcos')).toBe(0);
      const restored = await searchEngine(engine, null, 'to chuc co so dang', { k: 3 });
      expect(restored.correctedQuery ?? restored.suggestedQuery).toBe('tổ chức cơ sở đảng');
    });

    it('weighs index terms by BM25 idf for the answer stage, from the same live passages', async () => {
      await engine.flush();
      const total = (await engine.counts()).passages;
      const idf = (df: number) => Math.max(1e-6, Math.log((total - df + 0.5) / (df + 0.5)));
      const keys = ['chi', 'bộ', 'đảng', 'viên', 'karaoke'].map((w) => toneKey(w));
      const weights = engine.inverseFrequencies?.(keys, true) ?? [];
      expect(weights).toHaveLength(keys.length);
      keys.forEach((key, i) => expect(weights[i], key).toBeCloseTo(idf(exactOracle(key)), 9));
      // A word no passage holds weighs most: nothing in the index speaks of it.
      expect(weights[4]).toBe(Math.max(...weights));
    });

    it('completes numbers and titles as typed (autocomplete)', async () => {
      const directive = [...docs.values()].find((d) => d.number === '05-CT/TW');
      const numbers = await engine.suggest('05-ct', 10);
      expect(numbers[0]).toMatchObject({ label: '05-CT/TW', documentId: directive?.id, kind: 'number' });
      const decision = [...docs.values()].find((d) => d.number === '27/2019/QĐ-UBND');
      expect((await engine.suggest('quyet dinh 27', 10)).map((s) => s.documentId)).toContain(decision?.id);
      expect(await engine.suggest('', 10)).toEqual([]);
      expect(await engine.suggest('zzzz', 10)).toEqual([]);
    });

    it('reads a document as its page shows it: fields, sources, text, passages in order, references', async () => {
      const decision = [...docs.values()].find((d) => d.number === '27/2019/QĐ-UBND');
      const id = decision?.id ?? '';
      const stored = await engine.document(id);
      expect(stored).toMatchObject({ id, number: '27/2019/QĐ-UBND', signer: 'Đinh Văn Khải', format: 'txt', sources: [DECISION], passageCount: decision?.passages.length });
      expect(stored?.text).toBe(decision?.text);
      expect(Number.isNaN(Date.parse(stored?.ingestedAt ?? ''))).toBe(false);
      expect(await engine.document('no-such-document')).toBeNull();
      const passages = await engine.documentPassages(id);
      expect(passages.map((p) => p.key)).toEqual(keys.get(id));
      expect(passages).toEqual([...(await engine.passages(keys.get(id) ?? [])).values()].sort((a, b) => a.ordinal - b.ordinal));
      for (const p of passages) {
        expect(stored?.text.slice(p.start, p.end)).toBe(p.text);
        expect(p.id).toBe(`${id}-${p.ordinal}`);
        expect('page' in p).toBe(false);
      }
      const banDanToc = [...docs.values()].find((d) => d.text.includes('05-CT/TW') && d.number !== '05-CT/TW');
      const references = await engine.references(banDanToc?.id ?? '');
      expect(references.map((r) => r.key)).toContain('05-CT/TW');
      expect(references.map((r) => r.start)).toEqual([...references.map((r) => r.start)].sort((a, b) => a - b));
      expect(references).toEqual(
        (banDanToc?.references ?? []).map(({ key, kind, number, issuer, term, date, text, start, end }) => ({ key, kind, number, issuer, term, date, text, start, end })),
      );
      expect(await engine.references('no-such-document')).toEqual([]);
    });

    it('lists every document newest first, without its text', async () => {
      const listed = await engine.listDocuments();
      expect(listed.map((d) => d.id).sort()).toEqual([...docs.keys()].sort());
      const dates = listed.map((d) => d.date);
      const dated = dates.filter((d): d is string => d !== null);
      expect(dated).toEqual([...dated].sort().reverse());
      expect(dates.indexOf(null) === -1 || dates.slice(dates.indexOf(null)).every((d) => d === null)).toBe(true);
      for (const d of listed) {
        expect('text' in d).toBe(false);
        expect(d.passageCount).toBe(docs.get(d.id)?.passages.length);
      }
    });

    it('finds where documents cite a number, with words that slice the citing text', async () => {
      const citations = await engine.citationsOf('05-CT/TW');
      const expected = [...docs.values()]
        .flatMap((d) => d.references.filter((r) => r.key === '05-CT/TW').map((r) => ({ documentId: d.id, text: r.text, start: r.start, end: r.end })))
        .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start));
      expect(expected.length).toBeGreaterThan(0);
      expect(citations).toEqual(expected);
      expect(await engine.citationsOf('999-NQ/TW')).toEqual([]);
    });

    it('keeps typed relations, their subjects, and the validity changes among indexed documents', async () => {
      // 35-CT/TW as a scan would give it: each passage on its page, recognised by OCR.
      const d35 = await add(DIRECTIVE_35, DIRECTIVE_35, (d) => ({ ...d, passages: d.passages.map((p, i) => ({ ...p, page: i + 1, ocr: true, confidence: 0.75 })) }));
      // Read before what changes it is written: an engine that keeps status changes a while must show its own writes at once.
      expect((await engine.statusChanges()).has(d35.id)).toBe(false);
      const d45 = await add(DIRECTIVE_45);
      const page = await add(PAGE_45);
      const paged = await engine.documentPassages(d35.id);
      expect(paged.map(({ page, ocr, confidence }) => ({ page, ocr, confidence }))).toEqual(d35.passages.map((_, i) => ({ page: i + 1, ocr: true, confidence: 0.75 })));
      const own = await engine.relations({ in: d45.id });
      expect(own).toContainEqual(expect.objectContaining({ documentId: d45.id, type: 'replaces', sourceNumber: null, targetNumber: '35-CT/TW', partial: false }));
      for (const r of own) expect(d45.text.slice(r.start, r.end)).toBe(r.sentence);
      const aboutIt = await engine.relations({ target: '35-CT/TW' });
      expect(aboutIt.map((r) => r.documentId)).toEqual([d45.id, page.id].sort().flatMap((id) => aboutIt.filter((r) => r.documentId === id).map(() => id)));
      expect(new Set(aboutIt.map((r) => r.documentId))).toEqual(new Set([d45.id, page.id]));
      // The page has no number of its own: what it says of itself is said for 45-CT/TW, the number its title names.
      const saidFor45 = await engine.relations({ source: '45-CT/TW' });
      expect(saidFor45.length).toBeGreaterThan(0);
      expect(saidFor45.every((r) => r.documentId === page.id && r.sourceNumber === '45-CT/TW')).toBe(true);
      expect(await engine.relations({ in: 'no-such-document' })).toEqual([]);
      const changes = await engine.statusChanges();
      const of35 = changes.get(d35.id) ?? [];
      expect(of35).toEqual([
        expect.objectContaining({ type: 'replaces', partial: false, by: { id: d45.id, number: '45-CT/TW', title: d45.title, date: d45.date }, statedIn: d45.id }),
      ]);
      expect(d45.text.slice(of35[0]?.start, of35[0]?.end)).toBe(of35[0]?.sentence);
      expect(changes.has(d45.id)).toBe(false);
      // The status filter reads the effective status: 35-CT/TW states none, 45-CT/TW ended it.
      const ended = await engine.restrict({ status: 'no-longer-in-force' });
      expect(ended?.documents).toContain(d35.id);
      expect(ended?.documents).not.toContain(d45.id);
      const hits = await engine.lexicalSearch(queryTerms('chỉ thị 35 công tác'), 50, ended);
      expect(hits.map((h) => h.key)).toContain(keys.get(d35.id)?.[0]);
      const allowed = new Set((ended?.documents ?? []).flatMap((id) => keys.get(id) ?? []));
      for (const h of hits) expect(allowed.has(h.key)).toBe(true);
      expect((await engine.restrict({ status: 'no-longer-in-force', kind: 'nghị quyết' }))?.documents).toEqual([]);
      // Without 45-CT/TW nothing indexed ends 35-CT/TW (the page speaks for 45, which is gone); with it again, it does.
      await engine.removeSource(DIRECTIVE_45);
      expect((await engine.statusChanges()).has(d35.id)).toBe(false);
      expect((await engine.restrict({ status: 'no-longer-in-force' }))?.documents).not.toContain(d35.id);
      await add(DIRECTIVE_45);
      expect((await engine.statusChanges()).get(d35.id)).toEqual(of35);
    });

    it('counts the passages holding each folded term (what similar documents weigh terms by)', async () => {
      const stats = await engine.foldedFrequencies(['dang', 'chi_bo', 'khongcotu']);
      expect(stats.live).toBe((await engine.counts()).passages);
      expect(stats.df[0]).toBe((await engine.lexicalSearch(queryTerms('đảng'), 100_000, null)).length);
      expect(stats.df[1]).toBe((await engine.lexicalSearch({ folded: ['chi_bo'], exact: [] }, 100_000, null)).length);
      expect(stats.df[1]).toBeGreaterThan(0);
      expect(stats.df[2]).toBe(0);
    });

    it('finds similar documents by distinctive terms and, with a model, by the mean of the passage vectors', async () => {
      const [id, doc] = [...docs].find(([, d]) => d.passages.length > 2) ?? ['', null];
      expect(doc).not.toBeNull();
      const mean = await engine.documentVector(id);
      const similar = await findSimilar(engine, engineNearMean(engine), id, 3);
      expect(similar?.similar).toHaveLength(3);
      expect(similar?.similar.map((s) => s.document.id)).not.toContain(id);
      expect(await engine.documentVector('no-such-document')).toBeNull();
      if (!under.embed || !engine.vectorModel) {
        expect(mean).toBeNull();
        expect(similar?.mode).toBe('lexical');
        return;
      }
      // The normalised mean of the vectors the document was written with (embedded again here: equal up to rounding).
      const expected = meanVector(await under.embed(doc?.passages.map((p) => p.text) ?? [])) ?? new Float32Array();
      expect(mean?.length).toBe(expected.length);
      const cosine = (mean ?? new Float32Array()).reduce((sum, x, i) => sum + x * (expected[i] ?? 0), 0);
      expect(cosine).toBeGreaterThan(0.99999);
      expect(similar?.mode).toBe('hybrid');
      // The vector half counts: fused scores differ from the lexical half's alone.
      const lexical = await findSimilar(engine, null, id, 3);
      expect(lexical?.mode).toBe('lexical');
      expect(similar?.similar.map((s) => s.score)).not.toEqual(lexical?.similar.map((s) => s.score));
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
