/**
 * Bug: a bare number's reference carried the canonical number as its `text` (`22-NQ/TW`) while its offsets slice
 * what the document wrote (`22/NQ-TW`). `text` is the slice; the canonical form is `number`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { findReferences } from '../../src/core/references.js';
import { SHARED_DIR } from '../support/fixtures.js';

describe('a reference text is the stored text at its offsets', () => {
  it('keeps the written form of a bare number and gives the canonical one as number', () => {
    const text = 'Thực hiện theo 22/NQ-TW của Bộ Chính trị và Thông báo 06/TB-TW, chi bộ triển khai kế hoạch.';
    const refs = findReferences(text);
    for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(refs.map((r) => [r.text, r.number])).toEqual([
      ['22/NQ-TW', '22-NQ/TW'],
      ['06/TB-TW', '06-TB/TW'],
    ]);
  });

  it('holds for every reference of a web article citing 06/TB-TW', () => {
    const doc = prepareDocument(readFileSync(join(SHARED_DIR, 'corpus/party-web-articles/9fa0d8fce7391761.md'), 'utf8'), 'md');
    const written = doc.references.filter((r) => r.text.includes('06/TB-TW'));
    expect(written.length).toBeGreaterThan(0);
    for (const r of written) expect(r.number).toBe('06-TB/TW');
    for (const r of doc.references) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
  });
});
