/** Rows of `passages` mapped to StoredPassage: offsets slice the stored text; only paged passages carry page and OCR. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PassageRow, toPassage } from '../../../src/store/tables/passages.js';
import { type StoredFixtures, storedFixtures } from './stored-fixtures.js';

let s: StoredFixtures;
beforeEach(() => {
  s = storedFixtures();
});
afterEach(() => s.cleanup());

const rowsOf = (documentId: string) => s.raw.prepare('SELECT * FROM passages WHERE document_id = ? ORDER BY ordinal').all(documentId) as PassageRow[];

describe('passages rows', () => {
  it('map to passages whose offsets slice their document text exactly', () => {
    for (const doc of [s.decision, s.directive, s.scanned]) {
      const passages = rowsOf(doc.id).map(toPassage);
      expect(passages.map((p) => p.text)).toEqual(doc.passages.map((p) => p.text));
      for (const p of passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      expect(passages.map((p) => p.id)).toEqual(doc.passages.map((p) => `${doc.id}-${p.ordinal}`));
    }
  });

  it('a paged row carries its page, a boolean OCR mark and the confidence; an unpaged row none of them', () => {
    const scanned = rowsOf(s.scanned.id);
    expect(scanned.at(-1)).toMatchObject({ page: 2, ocr: 1, confidence: 0.93 });
    expect(toPassage(scanned.at(-1)!)).toMatchObject({ page: 2, ocr: true, confidence: 0.93 });
    expect(toPassage(scanned[0]!)).toMatchObject({ page: 1, ocr: false, confidence: null });
    const typed = toPassage(rowsOf(s.decision.id)[0]!);
    expect(Object.keys(typed).sort()).toEqual(['documentId', 'end', 'id', 'key', 'ordinal', 'section', 'start', 'text']);
  });
});
