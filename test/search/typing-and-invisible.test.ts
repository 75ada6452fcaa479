import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { findReferences } from '../../src/core/references.js';
import { ingestBytes } from '../../src/ingest/ingest-files.js';
import { extractText } from '../../src/ingest/read-document.js';
import { search } from '../../src/search/search.js';
import { openIndex, type IndexHandle } from '../../src/store/open-index.js';
import { buildCorpusIndex, type CorpusIndex } from '../support/corpus-index.js';
import { SHARED_DIR, tempDir } from '../support/fixtures.js';

const CASE = join(SHARED_DIR, 'cases', 'invisible-characters');
const INVISIBLE = readFileSync(join(CASE, 'invisible.html'));
const CONTROL = readFileSync(join(CASE, 'control', 'control-no-invisible.html'));

describe('invisible characters inside words and numbers (cases/invisible-characters)', () => {
  it('the case file does carry ZWSP, soft hyphen, word joiner and a BOM inside the text', () => {
    const html = INVISIBLE.toString('utf8');
    for (const c of ['\u200B', '\u00AD', '\u2060', '\uFEFF']) expect(html).toContain(c);
  });

  it('prepares the same document as the control: text, title, passages and references', async () => {
    const prepare = async (bytes: Buffer) => {
      const { format, text } = await extractText(bytes, 'bai.html');
      return prepareDocument(text, format);
    };
    const [doc, control] = [await prepare(INVISIBLE), await prepare(CONTROL)];
    expect(doc).toEqual(control);
    expect(doc.references.map((r) => r.key)).toContain('01-KL/TW');
    expect(findReferences(doc.text).map((r) => r.key)).toEqual(['01-KL/TW']);
  });

  describe('through an index', () => {
    const work = tempDir();
    let withInvisible: IndexHandle;
    let control: IndexHandle;
    beforeAll(async () => {
      withInvisible = openIndex(join(work.dir, 'a'), { embedder: null });
      control = openIndex(join(work.dir, 'b'), { embedder: null });
      await ingestBytes(withInvisible, INVISIBLE, 'bai.html', 'bai.html');
      await ingestBytes(control, CONTROL, 'bai.html', 'bai.html');
    });
    afterAll(() => {
      withInvisible.close();
      control.close();
      work.cleanup();
    });

    it.each(['Đảng bộ chuyển đổi số', 'chuyển đổi số', 'Kết luận 01-KL/TW', 'Đả\u200Bng bộ chuy\u00ADển đổi', 'cán bộ đảng viên nêu cao trách nhiệm'])(
      'finds and highlights %s exactly as in the control',
      async (query) => {
        const [got, want] = [await search(withInvisible, query, { k: 5 }), await search(control, query, { k: 5 })];
        expect(got.results.length).toBeGreaterThan(0);
        expect(got).toEqual(want);
        const r = got.results[0]!;
        for (const [start, end] of r.highlights) expect(r.passage.text.slice(start - r.passage.start, end - r.passage.start)).not.toMatch(/[\u00AD\u200B\u2060\uFEFF]/u);
      },
    );

    it('highlights the words that carried invisible characters', async () => {
      const r = (await search(withInvisible, 'Đảng chuyển', { k: 1 })).results[0]!;
      const marked = r.highlights.map(([s, e]) => r.passage.text.slice(s - r.passage.start, e - r.passage.start));
      expect(marked).toEqual(expect.arrayContaining(['Đảng', 'chuyển']));
    });
  });
});

describe('queries typed with Telex or VNI over the bundled corpus', () => {
  let corpus: CorpusIndex;
  beforeAll(async () => {
    corpus = await buildCorpusIndex(false);
  }, 300_000);
  afterAll(() => corpus.cleanup());

  const top = async (q: string) => {
    const r = await search(corpus.handle, q, { k: 10 });
    return { corrected: r.correctedQuery, ids: r.results.map((x) => x.passage.id), answer: r.answer !== null, score: r.results[0]?.score ?? 0 };
  };

  it.each([
    ['sinh hoatj chi booj', 'sinh hoạt chi bộ'],
    ['sinh hoa5t chi bo65', 'sinh hoạt chi bộ'],
    ['nghij quyeets trung uwowng 4', 'nghị quyết trung ương 4'],
  ])('%s gives the results of %s and says so', async (typed, vietnamese) => {
    const [got, want] = [await top(typed), await top(vietnamese)];
    expect(want.ids.length).toBeGreaterThan(0);
    expect(got.corrected).toBe(vietnamese);
    expect(want.corrected).toBeNull();
    expect(got.ids).toEqual(want.ids);
    expect(got.answer).toBe(want.answer);
    expect(got.score).toBe(want.score);
  });

  it('reports the query as typed next to the one searched', async () => {
    const r = await search(corpus.handle, 'sinh hoatj chi booj', { k: 3 });
    expect(r.query).toBe('sinh hoatj chi booj');
    expect(r.correctedQuery).toBe('sinh hoạt chi bộ');
    expect(r.results[0]!.highlights.length).toBeGreaterThan(0);
  });
});
