/**
 * The query syntax (`"phrase"`, `-word`, `-"phrase"`, `OR`) through the real server, over the bundled corpus plus
 * invented documents: many that repeat the query's words without the phrase (so a passage holding it ranks far below
 * the candidates a search would otherwise read), and a few that tell accents apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/core/normalize.js';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { call, startServer, type TestServer } from '../support/http.js';

let index: CorpusIndex;
let server: TestServer;

/** 80 documents full of `sinh hoạt` and `chi bộ`, never `chi bộ sinh hoạt` within a sentence. */
const DISTRACTORS = 80;
const distractor = (i: number) =>
  `Tin số ${i}\n\nSinh hoạt chi bộ. Chi bộ. Sinh hoạt. Nâng cao chất lượng sinh hoạt chi bộ. Chi bộ sinh. Hoạt động của chi bộ. Sinh hoạt chi bộ. Sinh hoạt chi bộ ${i}. Chi bộ Xuân Phương sinh hoạt.\n`;
/** The one passage holding the phrase, in a long text about other things, so it ranks low on those words. */
const FILLER = 'Hội nghị bàn về phát triển kinh tế xã hội, bảo đảm quốc phòng an ninh, chăm lo đời sống nhân dân, cải cách hành chính và chuyển đổi số. ';
const TARGET = `Báo cáo tổng kết năm\n\n${FILLER.repeat(6)}Ở nhiều nơi các chi bộ sinh hoạt đều đặn hằng tháng. ${FILLER.repeat(6)}\n`;
/** A passage with `chi bộ Xuân Phương` and without `sinh hoạt`, also ranked low. */
const WITHOUT = `Thông báo kết luận\n\n${FILLER.repeat(6)}Đồng chí Bí thư chi bộ Xuân Phương phát biểu. ${FILLER.repeat(6)}\n`;
const ACCENTS = [
  ['dang-uy.txt', 'Tin về Đảng ủy\n\nThường trực Đảng ủy phường họp bàn công tác quy hoạch cán bộ.\n'],
  ['dang-uy-quyen.txt', 'Tin về ủy quyền\n\nGiám đốc đang ủy quyền cho phó giám đốc ký các hợp đồng quy hoạch.\n'],
] as const;

beforeAll(async () => {
  index = await buildCorpusIndex(false);
  const files: (readonly [string, string])[] = [
    ...Array.from({ length: DISTRACTORS }, (_, i): [string, string] => [`distractor-${i}.txt`, distractor(i)]),
    ['target.txt', TARGET],
    ['without.txt', WITHOUT],
    ...ACCENTS,
  ];
  for (const [name, text] of files) await ingestBytes(index.handle, new TextEncoder().encode(text), name, `/fixtures/${name}`);
  index.handle.save();
  server = await startServer(index.handle);
}, 120_000);
afterAll(async () => {
  await server?.close();
  index?.handle.close();
  index?.cleanup();
});

interface Hit {
  rank: number;
  document: { id: string; source: string | null };
  passage: { text: string };
}
const search = async (q: string, extra: Record<string, string> = {}) => call(server.base, `/api/search?${new URLSearchParams({ q, ...extra })}`);
const sourcesOf = (results: Hit[]) => results.map((r) => r.document.source);
const folded = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ');

describe('exact phrases', () => {
  it('finds a phrase that ranks far below the candidates a plain search reads', async () => {
    const plain = await search('chi bộ sinh hoạt', { k: '100', mode: 'lexical' });
    const plainRank = sourcesOf(plain.body.results).indexOf('/fixtures/target.txt');
    // Without quotes the passage is not within reach of a ten-result search (depth max(50, 3k)).
    expect(plainRank === -1 || plainRank >= 50).toBe(true);
    for (const q of ['"chi bộ sinh hoạt"', '"chi bo sinh hoat"', '"CHI BỘ SINH HOẠT" đều đặn']) {
      const { status, body } = await search(q);
      expect(status, q).toBe(200);
      expect(sourcesOf(body.results), q).toEqual(['/fixtures/target.txt']);
      expect(body.answer?.text ?? '', q).not.toBe(undefined);
    }
  });

  it('regression (ViRHE4QA): a phrase no passage holds is searched again for its words, saying so', async () => {
    const { status, body } = await search('"chi bộ sinh hoạt định kỳ hằng quý" đều đặn', { mode: 'lexical' });
    expect(status).toBe(200);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.notice).toMatch(/no passage holds the exact phrase "chi bộ sinh hoạt định kỳ hằng quý"/);
    expect(body.query).toBe('"chi bộ sinh hoạt định kỳ hằng quý" đều đặn');
    // With an exclusion the quotes are not dropped: nothing found stays nothing found.
    const excluded = await search('"chi bộ sinh hoạt định kỳ hằng quý" -đảng', { mode: 'lexical' });
    expect(excluded.body.results).toEqual([]);
    expect(excluded.body.notice).toBeUndefined();
  });

  it('is accent-exact when typed with accents, folded when typed without', async () => {
    const exact = await search('"Đảng ủy" quy hoạch');
    expect(exact.body.results.length).toBeGreaterThan(0);
    // Either tone placement (ủy, uỷ) is the same word.
    for (const r of exact.body.results as Hit[]) expect(r.passage.text.normalize('NFC').toLowerCase().replace(/uỷ/g, 'ủy')).toMatch(/đảng\W+ủy/);
    expect(sourcesOf(exact.body.results)).toContain('/fixtures/dang-uy.txt');
    expect(sourcesOf(exact.body.results)).not.toContain('/fixtures/dang-uy-quyen.txt');
    const loose = await search('"dang uy" quy hoach');
    expect(sourcesOf(loose.body.results)).toEqual(expect.arrayContaining(['/fixtures/dang-uy.txt', '/fixtures/dang-uy-quyen.txt']));
    for (const r of loose.body.results as Hit[]) expect(folded(r.passage.text)).toContain('dang uy');
  });
});

describe('exclusions', () => {
  it('leaves out every passage with the excluded phrase, reading deeper for ones without it', async () => {
    const plain = await search('Xuân Phương', { k: '50', mode: 'lexical' });
    const plainRank = sourcesOf(plain.body.results).indexOf('/fixtures/without.txt');
    expect(plainRank === -1 || plainRank >= 20).toBe(true);
    const { status, body } = await search('Xuân Phương -"sinh hoạt"', { mode: 'lexical' });
    expect(status).toBe(200);
    // The 80 passages above it all say `sinh hoạt`: the one that does not comes first (others share one word).
    expect(sourcesOf(body.results)[0]).toBe('/fixtures/without.txt');
    for (const r of body.results as Hit[]) expect(folded(r.passage.text)).not.toContain('sinh hoat');
    const wider = await search('chi bộ -"sinh hoạt"', { k: '30' });
    expect(wider.body.results).toHaveLength(30);
    for (const r of wider.body.results as Hit[]) expect(folded(r.passage.text)).not.toContain('sinh hoat');
  });

  it('leaves out passages with an excluded word, and only those', async () => {
    const { body } = await search('quy hoạch -đang');
    expect(sourcesOf(body.results)).toContain('/fixtures/dang-uy.txt');
    expect(sourcesOf(body.results)).not.toContain('/fixtures/dang-uy-quyen.txt');
  });
});

describe('OR', () => {
  it('finds passages of either alternative, each holding its alternative', async () => {
    const { status, body } = await search('"chi bộ sinh hoạt" OR "đang ủy quyền"');
    expect(status).toBe(200);
    expect(sourcesOf(body.results).sort()).toEqual(['/fixtures/dang-uy-quyen.txt', '/fixtures/target.txt']);
    // The query is answered as typed, OR included.
    expect(body.query).toBe('"chi bộ sinh hoạt" OR "đang ủy quyền"');
  });

  it('ranks the union of the alternatives\' words', async () => {
    const { body } = await search('ủy quyền OR Đảng ủy', { k: '20' });
    expect(sourcesOf(body.results)).toEqual(expect.arrayContaining(['/fixtures/dang-uy.txt', '/fixtures/dang-uy-quyen.txt']));
  });
});

describe('syntax errors', () => {
  it('answer 400 with a plain message', async () => {
    const unclosed = await search('"sinh hoạt chi bộ');
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.code).toBe('query_syntax');
    expect(unclosed.body.error.message).toMatch(/unclosed quotation mark/);
    const onlyExcluded = await search('-đảng -"kỷ luật"');
    expect(onlyExcluded.status).toBe(400);
    expect(onlyExcluded.body.error).toEqual({ code: 'query_syntax', message: 'the query only excludes words (-word): add a word or a "phrase" to search for' });
  });

  it('never a 500, whatever the quotes, hyphens and ORs', async () => {
    for (const q of ['"', '-', '-"', '--x', 'OR', '" OR "', '"" x', '-"-" x', '“', '„x“', 'x -"y', 'a OR -b', '"a"-b', 'a OR OR "b"', '-"" x', '"-x"']) {
      const { status } = await search(q);
      expect([200, 400], q).toContain(status);
    }
  });
});
