import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/prepare-document.js';
import { UserError } from '../../src/core/errors.js';
import { detectFormat } from '../../src/ingest/detect-format.js';
import { extractText } from '../../src/ingest/read-document.js';

const FIXTURES_DIR = resolve('test/fixtures');

/** An OLE2 compound file header (the magic of DOC, XLS and PPT files) followed by nothing a reader can use. */
const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 0xff)]);

describe('DOC (Word 97–2003)', () => {
  it('is told from the OLE2 magic, whatever the file is called', () => {
    expect(detectFormat(OLE2, 'van-ban.txt')).toBe('doc');
    expect(detectFormat(OLE2, 'van-ban.doc')).toBe('doc');
  });

  it('reads a real Word 97 file, characters beyond Latin-1 and tracked insertions included', async () => {
    // test/fixtures/word-unicode.doc: test01.doc of word-extractor's own tests (MIT, © Stuart Watt).
    const bytes = readFileSync(join(FIXTURES_DIR, 'word-unicode.doc'));
    const { format, text } = await extractText(bytes, 'vanban');
    expect(format).toBe('doc');
    expect(text).toContain('A second test of reviewing, but with Unicode characters in to see if character offsets get broken. 😀 ∀');
    expect(text).toContain('This text has been inserted, ✻and should be included');
    const doc = prepareDocument(text, format);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('refuses a damaged or non-Word OLE2 file with a reason, not a stack trace', async () => {
    for (const bytes of [OLE2, OLE2.subarray(0, 8)]) {
      const err = await extractText(bytes, 'a.doc').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).code).toBe('unreadable_doc');
      expect((err as UserError).message).toMatch(/could not be read as a Word document/u);
    }
  });
});
