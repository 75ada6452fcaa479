/**
 * Facets through the real server, over the bundled corpus plus invented Party documents of several kinds, issuers,
 * years, terms and signers: the counts equal a brute-force count over the store's documents and passages, made here
 * without the index (every passage's heading and text, syllable by syllable).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/core/normalize.js';
import type { StoredDocument } from '../../src/core/types.js';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { CITED_DIRECTIVE } from '../support/fixtures.js';
import { ingestFormalDecision } from '../support/formal-document.js';
import { call, startServer, type TestServer } from '../support/http.js';

let index: CorpusIndex;
let server: TestServer;

const BODIES = [
  'Mỗi chi bộ phải nâng cao chất lượng sinh hoạt chi bộ định kỳ, đổi mới nội dung sinh hoạt.',
  'Tăng cường kỷ luật, kỷ cương trong Đảng; chi bộ kiểm tra, giám sát đảng viên thường xuyên.',
  'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong cán bộ, đảng viên.',
];
const ISSUERS = [
  ['BỘ CHÍNH TRỊ', 'T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ', 'Nguyễn Phú Trọng'],
  ['BAN BÍ THƯ', 'T/M BAN BÍ THƯ', 'Trần Quốc Vượng'],
  ['BAN BÍ THƯ', 'T/M BAN BÍ THƯ', 'Võ Văn Thưởng'],
] as const;
const KINDS = [
  ['CHỈ THỊ', 'CT'],
  ['NGHỊ QUYẾT', 'NQ'],
  ['KẾT LUẬN', 'KL'],
] as const;

/** A short Party document printed as the real ones are: letterhead, number, place and date, kind, subject, signature. */
function partyDocument(i: number): string {
  const [body, issuer, kind] = [BODIES[i % 3]!, ISSUERS[Math.floor(i / 3) % 3]!, KINDS[i % 3]!];
  const year = 2012 + ((i * 5) % 12);
  return [
    'BAN CHẤP HÀNH TRUNG ƯƠNG',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    `Số ${10 + i}-${kind[1]}/TW`,
    `Hà Nội, ngày ${1 + i} tháng ${1 + (i % 12)} năm ${year}`,
    '',
    kind[0],
    `CỦA ${issuer[0]}`,
    `về công tác xây dựng Đảng số ${i}`,
    '',
    `1. ${body}`,
    `2. Các cấp ủy tổ chức thực hiện nghiêm túc văn bản này, báo cáo kết quả hằng năm (lần ${i}).`,
    '',
    issuer[1],
    '(Đã ký)',
    issuer[2],
    '',
  ].join('\n');
}

beforeAll(async () => {
  index = await buildCorpusIndex(false, [CITED_DIRECTIVE]);
  await ingestFormalDecision(index.handle);
  for (let i = 0; i < 18; i++) await ingestBytes(index.handle, new TextEncoder().encode(partyDocument(i)), `party-${i}.txt`, `/fixtures/party-${i}.txt`);
  index.handle.save();
  server = await startServer(index.handle);
}, 120_000);
afterAll(async () => {
  await server?.close();
  index?.handle.close();
  index?.cleanup();
});

type Field = 'kind' | 'issuer' | 'signer' | 'year' | 'term' | 'status';
const FIELDS: Field[] = ['kind', 'issuer', 'signer', 'year', 'term', 'status'];

/** `ky` → `ki`, `quy` → `qui`: a final y after a consonant is the i it varies with. */
const unifyY = (syllable: string) => syllable.replace(/^(ngh|ng|nh|ch|gh|kh|ph|qu|th|tr|[bcdghklmnprstvx])y$/u, '$1i');

/** Folded syllables of each sentence-like stretch (split at . ! ? ; : and line ends), as strings padded by spaces. */
const stretches = (text: string) =>
  text
    .normalize('NFC')
    .split(/[.!?;:\n]+/u)
    .map((s) => ` ${(fold(s).match(/[\p{L}\p{N}]+/gu) ?? []).map(unifyY).join(' ')} `);

interface BruteQuery {
  /**
   * A passage matches an alternative when its text with its heading holds every one of `words` (the alternative's
   * words other than function words, folded) and its text holds every phrase, and neither its text nor its heading
   * holds an excluded one.
   */
  alternatives: { words: string[]; phrases: string[] }[];
  excluded: string[];
  document?: (d: StoredDocument) => boolean;
}

/** Facet counts computed from the store alone: documents with a passage that matches, each counted once per value. */
function bruteForce(q: BruteQuery): Record<Field, Map<string, number>> {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, new Map<string, number>()])) as Record<Field, Map<string, number>>;
  for (const d of index.handle.store.listDocuments()) {
    if (q.document && !q.document(d)) continue;
    const matches = index.handle.store.documentPassages(d.id).some((p) => {
      const context = stretches([d.title, p.section, p.text].filter(Boolean).join('\n'));
      const headed = context.join(' ');
      const own = stretches(p.text);
      const has = (phrase: string) => own.some((s) => s.includes(` ${phrase} `));
      // An excluded word or phrase is looked for in the heading too (what the words matched in).
      const excluded = (phrase: string) => context.some((s) => s.includes(` ${phrase} `));
      return q.alternatives.some((a) => a.words.every((w) => headed.includes(` ${w} `)) && a.phrases.every(has)) && !q.excluded.some(excluded);
    });
    if (!matches) continue;
    const values: Record<Field, string[]> = {
      kind: [d.kind],
      issuer: d.issuer ? [d.issuer] : [],
      signer: d.signer ? [d.signer] : [],
      year: d.date ? [d.date.slice(0, 4)] : [],
      term: d.term ? d.term.split(/\s*,\s*/) : [],
      status: d.status ? [d.status] : [],
    };
    for (const f of FIELDS) for (const v of values[f]) counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
  }
  return counts;
}

async function facetsOf(params: Record<string, string>): Promise<Record<Field, { value: string; count: number }[]>> {
  const { status, body } = await call(server.base, `/api/search?${new URLSearchParams({ facets: FIELDS.join(','), mode: 'lexical', ...params })}`);
  expect(status).toBe(200);
  return body.facets;
}

function expectSame(api: Record<Field, { value: string; count: number }[]>, brute: Record<Field, Map<string, number>>): void {
  for (const f of FIELDS) {
    expect(new Map(api[f].map((c) => [c.value, c.count])), f).toEqual(brute[f]);
    const counts = api[f].map((c) => c.count);
    expect(counts, `${f} sorted by count`).toEqual([...counts].sort((a, b) => b - a));
  }
}

describe('facets', () => {
  it('are counted over every matching document, beyond the results listed', async () => {
    const api = await facetsOf({ q: 'chi bộ', k: '3' });
    const brute = bruteForce({ alternatives: [{ words: ['chi', 'bo'], phrases: [] }], excluded: [] });
    expectSame(api, brute);
    // More documents match than three results show, and the invented ones bring several values per field.
    expect([...brute.kind.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    for (const f of ['kind', 'issuer', 'signer', 'year', 'term'] as const) expect(brute[f].size, f).toBeGreaterThan(1);
  });

  it('leave out function words, and count within the filters', async () => {
    const api = await facetsOf({ q: 'kỷ luật của Đảng', from: '2016-01-01', kind: 'nghị quyết' });
    const brute = bruteForce({
      alternatives: [{ words: ['ki', 'luat', 'dang'], phrases: [] }],
      excluded: [],
      document: (d) => d.kind === 'nghị quyết' && d.date !== null && d.date >= '2016-01-01',
    });
    expectSame(api, brute);
    expect(brute.kind.get('nghị quyết')).toBeGreaterThan(0);
  });

  it('follow the phrases, exclusions and alternatives', async () => {
    const api = await facetsOf({ q: '"sinh hoạt chi bộ" OR "học tập và làm theo" -"kỷ luật"' });
    const brute = bruteForce({
      alternatives: [
        { words: ['sinh', 'hoat', 'chi', 'bo'], phrases: ['sinh hoat chi bo'] },
        // `và` is a function word: not required on its own, but part of the phrase.
        { words: ['hoc', 'tap', 'lam', 'theo'], phrases: ['hoc tap va lam theo'] },
      ],
      excluded: ['ki luat'],
    });
    expectSame(api, brute);
    expect(brute.year.size).toBeGreaterThan(1);
    // An exclusion that every match holds leaves nothing to count.
    const none = await facetsOf({ q: '"sinh hoạt chi bộ" -"chi bộ"' });
    expect(none.kind).toEqual([]);
  });

  it('are absent unless asked for', async () => {
    const { body } = await call(server.base, '/api/search?q=chi%20b%E1%BB%99');
    expect(body.facets).toBeUndefined();
  });
});

describe('facets of words without a phrase', () => {
  it('count documents with a passage holding every word of an alternative, and none with an excluded one', async () => {
    const api = await facetsOf({ q: 'kiểm tra giám sát OR phong cách -"Hồ Chí Minh"' });
    const brute = bruteForce({
      alternatives: [
        { words: ['kiem', 'tra', 'giam', 'sat'], phrases: [] },
        { words: ['phong', 'cach'], phrases: [] },
      ],
      excluded: ['ho chi minh'],
    });
    expectSame(api, brute);
    expect(brute.kind.size).toBeGreaterThan(0);
  });
});
