import { describe, expect, it } from 'vitest';
import { groupReferences, sentenceAround, type LinkedDocument } from '../../src/core/citation-graph.js';
import { findReferences } from '../../src/core/references.js';

describe('groupReferences', () => {
  const text = 'Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Nghị quyết Trung ương 4. Sơ kết Chỉ thị 05-CT/TW hằng năm.';
  const directive: LinkedDocument = { id: 'd05', title: 'Chỉ thị', date: '2016-05-15', kind: 'chỉ thị', number: '05-CT/TW', issuer: null, term: 'XII', author: null, signer: null, signerTitle: null, onBehalfOf: null, status: null };

  it('lists each cited document once, in order of first mention, with every mention', () => {
    const groups = groupReferences(findReferences(text), new Map([['05-CT/TW', directive]]));
    expect(groups.map((g) => g.key)).toEqual(['05-CT/TW', 'nghị quyết Trung ương 4']);
    expect(groups[0]!.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Chỉ thị số 05-CT/TW của Bộ Chính trị', 'Chỉ thị 05-CT/TW']);
    expect(groups[0]!.mentions.map((m) => m.text)).toEqual(groups[0]!.mentions.map((m) => text.slice(m.start, m.end)));
  });

  it('links a cited number to the indexed document and keeps the fields a later mention leaves out', () => {
    const [first, second] = groupReferences(findReferences(text), new Map([['05-CT/TW', directive]]));
    expect(first).toMatchObject({ document: directive, issuer: 'Bộ Chính trị', kind: 'chỉ thị' });
    expect(second!.document).toBeNull();
  });
});

describe('sentenceAround', () => {
  it('gives the sentence holding a mention, with its offsets', () => {
    const text = 'Tiêu đề\nCâu đầu tiên. Chi bộ thực hiện Chỉ thị 05-CT/TW nghiêm túc. Câu cuối.\nDòng khác.';
    const at = text.indexOf('05-CT/TW');
    const s = sentenceAround(text, at, at + 8);
    expect(s.text).toBe('Chi bộ thực hiện Chỉ thị 05-CT/TW nghiêm túc.');
    expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('falls back to the line when the mention runs across a sentence end', () => {
    const text = 'Một. Hai ba.\nBốn';
    expect(sentenceAround(text, 2, 7).text).toBe('Một. Hai ba.');
  });
});
