import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { detectFormat } from '../../src/ingest/detect-format.js';
import { extractText } from '../../src/ingest/read-document.js';

/** An OLE2 compound file header (the magic of DOC, XLS and PPT files) followed by nothing a reader can use. */
const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 0xff)]);

describe('DOC (Word 97–2003)', () => {
  it('is told from the OLE2 magic, whatever the file is called', () => {
    expect(detectFormat(OLE2, 'van-ban.txt')).toBe('doc');
    expect(detectFormat(OLE2, 'van-ban.doc')).toBe('doc');
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
