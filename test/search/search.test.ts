import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchMode } from '../../src/core/types.js';
import { search } from '../../src/search/search.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { SEED } from '../support/fixtures.js';

/** Topic queries for the seed articles, each with its unaccented twin. */
const TOPICS: [string, string, string][] = [
  ['xây dựng, củng cố Ban Cán sự Đảng vững mạnh', 'xay dung, cung co ban can su dang vung manh', SEED.banCanSu],
  ['phối hợp giữa Đảng ủy với Ban Cán sự đảng trong công tác cán bộ', 'phoi hop giua dang uy voi ban can su dang trong cong tac can bo', SEED.phoiHop],
  ['nâng cao chất lượng sinh hoạt chi bộ', 'nang cao chat luong sinh hoat chi bo', SEED.tccsd],
  ['Đảng bộ xã, thị trấn ở huyện Gò Công Tây', 'dang bo xa, thi tran o huyen go cong tay', SEED.goCongTay],
  ['vai trò của Chi bộ Ban Dân tộc', 'vai tro cua chi bo ban dan toc', SEED.banDanToc],
];

let index: CorpusIndex;
beforeAll(async () => {
  index = await buildCorpusIndex();
});
afterAll(() => {
  index.handle.close();
  index.cleanup();
});

const topSource = async (q: string, mode?: SearchMode) => (await search(index.handle, q, { k: 5, mode })).results[0]?.document.source ?? '';

describe('search over the bundled corpus with the test model', () => {
  it('ingested all five articles with vectors for every passage', () => {
    expect(index.summary).toMatchObject({ added: 5, failed: [] });
    const counts = index.handle.store.counts();
    expect(counts.documents).toBe(5);
    expect(counts.vectors).toBe(counts.passages);
    expect(index.handle.vectors?.count).toBe(counts.passages);
  });

  for (const mode of ['hybrid', 'lexical', 'dense'] as const) {
    for (const [accented, plain, id] of TOPICS) {
      it(`${mode}: "${plain}" and its accented form find ${id}`, async () => {
        expect(await topSource(accented, mode)).toContain(id);
        expect(await topSource(plain, mode)).toContain(id);
      });
    }
  }

  it('answers with cited sentences taken verbatim from the results', async () => {
    const r = await search(index.handle, 'sinh hoạt chi bộ', { k: 10 });
    expect(r.mode).toBe('hybrid');
    expect(r.answer).not.toBeNull();
    const cited = r.answer!.citations;
    expect(cited.length).toBeGreaterThan(0);
    expect(r.answer!.text).toMatch(/\[1\]/);
    for (const c of cited) expect(r.results.some((res) => res.passage.id === c.passageId && res.document.id === c.documentId)).toBe(true);
    for (const sentence of r.answer!.text.split(/ ?\[\d+\] ?/).filter(Boolean)) {
      expect(r.results.some((res) => res.passage.text.includes(sentence))).toBe(true);
    }
  });

  it('gives no answer to a question the corpus does not cover', async () => {
    const r = await search(index.handle, 'giá vàng SJC hôm nay', { k: 5 });
    expect(r.answer).toBeNull();
  });

  it('cites offsets that slice the stored document text', async () => {
    const r = await search(index.handle, 'kiểm tra giám sát', { k: 20 });
    expect(r.results.length).toBe(20);
    for (const res of r.results) {
      const doc = index.handle.store.getDocument(res.document.id)!;
      expect(doc.text.slice(res.passage.start, res.passage.end)).toBe(res.passage.text);
    }
  });

  it('falls back to lexical when asked for dense without a model', async () => {
    const bare = await buildCorpusIndex(false);
    try {
      const r = await search(bare.handle, 'sinh hoat chi bo', { k: 3, mode: 'dense' });
      expect(r.mode).toBe('lexical');
      expect(r.results[0]!.document.source).toContain(SEED.tccsd);
    } finally {
      bare.handle.close();
      bare.cleanup();
    }
  });
});

describe('filters, applied before ranking', () => {
  const sourcesOf = async (q: string, filters: Record<string, string>, mode?: SearchMode) =>
    new Set((await search(index.handle, q, { k: 20, mode, filters })).results.map((r) => r.document.source));

  for (const mode of ['hybrid', 'lexical', 'dense'] as const) {
    it(`${mode}: by author, kind and date range`, async () => {
      expect(await sourcesOf('công tác cán bộ', { author: 'ha ban' }, mode)).toEqual(new Set([`corpus/${SEED.tccsd}.txt`]));
      expect(await sourcesOf('công tác cán bộ', { kind: 'tham luận' }, mode)).toEqual(new Set([`corpus/${SEED.phoiHop}.txt`]));
      expect(await sourcesOf('chi bộ', { from: '2020-01-01', to: '2022-12-31' }, mode)).toEqual(
        new Set([`corpus/${SEED.goCongTay}.txt`, `corpus/${SEED.banDanToc}.txt`]),
      );
    });
  }

  it('finds the filtered document even when it would rank far down unfiltered', async () => {
    const r = await search(index.handle, 'sinh hoạt chi bộ', { k: 3, filters: { author: 'Nguyễn Văn Trung' } });
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((x) => x.document.author === 'Nguyễn Văn Trung')).toBe(true);
  });

  it('returns nothing when no document passes', async () => {
    const r = await search(index.handle, 'chi bộ', { k: 5, filters: { issuer: 'Quốc hội' } });
    expect(r).toMatchObject({ results: [], answer: null });
  });
});

describe('queries that name a document by number', () => {
  for (const mode of ['hybrid', 'lexical', 'dense'] as const) {
    it(`${mode}: puts the passages citing it first`, async () => {
      for (const [q, cited] of [
        ['38-KL/TW', 'Kết luận số 38-KL/TW'],
        ['chỉ thị 05 của Bộ Chính trị', /Chỉ thị (số )?05/],
        ['Nghị quyết Trung ương 4 khoá 12', 'Nghị quyết Trung ương 4, khoá 12'],
      ] as const) {
        const top = (await search(index.handle, q, { k: 3, mode })).results[0]!;
        expect(top.passage.text).toMatch(cited);
      }
    });
  }
});
