import { describe, expect, it } from 'vitest';
import { effectiveValidity, preferReplacements, type StatusChange } from '../../src/core/validity.js';

const change = (type: StatusChange['type'], partial: boolean, by: string, date: string, since: string | null = null): StatusChange => ({
  type,
  partial,
  since,
  by: { id: by, number: `${by}-CT/TW`, title: null, date },
  statedIn: by,
  sentence: 's',
  start: 0,
  end: 1,
});

describe('effectiveValidity', () => {
  it('keeps the stated status when no indexed document changes the document', () => {
    expect(effectiveValidity('in-force', [])).toMatchObject({ status: 'in-force', stated: 'in-force', endedBy: null });
    expect(effectiveValidity(null, []).status).toBeNull();
  });

  it('a whole replacement or repeal ends it, from the date the sentence gives or else the replacing document’s date', () => {
    const v = effectiveValidity('in-force', [change('amends', true, '40', '2024-01-01'), change('replaces', false, '45', '2025-04-14')]);
    expect(v).toMatchObject({ status: 'no-longer-in-force', stated: 'in-force', endedBy: { by: { id: '45' }, since: '2025-04-14' } });
    expect(v.changes.map((c) => c.by.id)).toEqual(['40', '45']);
    expect(effectiveValidity(null, [change('repeals', false, '9', '2023-05-01', '2024-01-01')]).endedBy!.since).toBe('2024-01-01');
  });

  it('an amendment or a partial repeal leaves it partly in force, but never raises a stated no-longer-in-force', () => {
    expect(effectiveValidity('in-force', [change('amends', true, '1', '2022-01-01')]).status).toBe('partly-in-force');
    expect(effectiveValidity(null, [change('repeals', true, '1', '2022-01-01')]).status).toBe('partly-in-force');
    expect(effectiveValidity('no-longer-in-force', [change('amends', true, '1', '2022-01-01')]).status).toBe('no-longer-in-force');
  });
});

describe('preferReplacements', () => {
  const doc = new Map([
    [1, 'old'],
    [2, 'other'],
    [3, 'new'],
    [4, 'old'],
    [5, 'new'],
  ]);
  const hits = [1, 2, 3, 4, 5].map((key) => ({ key }));
  const keys = (list: { key: number }[]) => list.map((h) => h.key);

  it('moves the replaced document’s passages that rank above its replacement to just below the replacement’s best', () => {
    expect(keys(preferReplacements(hits, doc, new Map([['old', ['new']]])))).toEqual([2, 3, 1, 4, 5]);
  });

  it('leaves the ranking alone when the replacement does not match, or the query names the replaced document', () => {
    expect(keys(preferReplacements(hits.filter((h) => doc.get(h.key) !== 'new'), doc, new Map([['old', ['new']]])))).toEqual([1, 2, 4]);
    expect(keys(preferReplacements(hits, doc, new Map([['old', ['new']]]), new Set(['old'])))).toEqual([1, 2, 3, 4, 5]);
  });
});
