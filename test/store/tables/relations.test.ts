/** Rows of `relations` and `citations` mapped back: the sentence, the target and each citation slice the stored text. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CitationRow, toReference } from '../../../src/store/tables/citations.js';
import { type RelationRow, toRelation } from '../../../src/store/tables/relations.js';
import { type StoredFixtures, storedFixtures } from './stored-fixtures.js';

let s: StoredFixtures;
beforeEach(() => {
  s = storedFixtures();
});
afterEach(() => s.cleanup());

describe('relations rows', () => {
  it('map to relations whose sentence and target number slice the stating text; partial becomes a boolean', () => {
    const rows = s.raw.prepare('SELECT * FROM relations WHERE document_id = ? ORDER BY start, target_start').all(s.directive.id) as RelationRow[];
    const relations = rows.map(toRelation);
    expect(relations.map((r) => [r.type, r.targetNumber, r.partial, r.sourceNumber])).toEqual([
      ['replaces', '35-CT/TW', false, null],
      ['replaces', '118-KL/TW', false, null],
    ]);
    for (const r of relations) {
      expect(s.directive.text.slice(r.start, r.end)).toBe(r.sentence);
      expect(s.directive.text.slice(r.targetStart, r.targetEnd)).toContain(r.targetNumber.split('-')[0]);
      expect(r.documentId).toBe(s.directive.id);
    }
    expect(s.store.relations({ in: s.directive.id })).toEqual(relations);
  });
});

describe('citations rows', () => {
  it('map to references whose words slice the citing text, as the document was prepared', () => {
    const rows = s.raw.prepare('SELECT * FROM citations WHERE document_id = ? ORDER BY start').all(s.directive.id) as CitationRow[];
    const references = rows.map(toReference);
    expect(references).toEqual(s.directive.references);
    for (const r of references) expect(s.directive.text.slice(r.start, r.end)).toBe(r.text);
    const cited = references.filter((r) => r.key === '35-CT/TW');
    expect(cited.length).toBeGreaterThan(0);
    expect(s.store.citationsOf('35-CT/TW')).toEqual(cited.map((r) => ({ documentId: s.directive.id, text: r.text, start: r.start, end: r.end })));
  });
});
