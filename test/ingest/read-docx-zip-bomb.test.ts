/**
 * Bug: a 1 MB DOCX whose word/document.xml unpacks to 1 GiB was refused `unreadable_docx … may be damaged or
 * incomplete: Cannot create a string longer than …` after the parse child had held 2.2 GB for 30 s. It is now
 * refused `parse_memory` from the sizes its ZIP directory declares, before anything is inflated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { extractText } from '../../src/ingest/read-document.js';
import { MAX_DOCX_XML_BYTES } from '../../src/ingest/read-docx.js';
import { zipEntrySizes } from '../../src/ingest/zip-sizes.js';
import { SHARED_DIR } from '../support/fixtures.js';
import { docx, p, zip } from '../support/zip.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const HEAD = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t xml:space="preserve">Nghị quyết`);
const TAIL = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
const MIB = Buffer.alloc(1 << 20, 0x20);

/** A raw deflate stream that ends byte-aligned and not final, so such streams can be concatenated (RFC 1951 3.2.3). */
const flushed = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH });

/** word/document.xml of a paragraph padded with `mib` MiB of spaces: its deflated bytes, size and CRC-32. */
function spacesDocument(mib: number): { data: Buffer; size: number; crc: number } {
  const block = flushed(MIB);
  const data = Buffer.concat([flushed(HEAD), ...Array.from({ length: mib }, () => block), flushed(TAIL), deflateRawSync(Buffer.alloc(0))]);
  let crc = crc32(HEAD);
  for (let i = 0; i < mib; i++) crc = crc32(MIB, crc);
  return { data, size: HEAD.length + mib * MIB.length + TAIL.length, crc: crc32(TAIL, crc) };
}

/** A DOCX (a ZIP with a content-types part) whose word/document.xml is deflated (method 8) from `doc`. */
function deflatedDocx(doc: { data: Buffer; size: number; crc: number }): Buffer {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': { deflated: doc.data, size: doc.size, crc: doc.crc },
  });
}

async function refusal(bytes: Uint8Array): Promise<UserError> {
  try {
    await extractText(bytes, 'bom.docx');
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('read without error');
}

describe('a DOCX zip bomb', () => {
  it('is built right: a small one inflates to its declared size and reads as a DOCX', async () => {
    const doc = spacesDocument(2);
    const inflated = inflateRawSync(doc.data);
    expect(inflated.length).toBe(doc.size);
    expect(crc32(inflated)).toBe(doc.crc);
    const bytes = deflatedDocx(doc);
    expect(zipEntrySizes(bytes)?.find((e) => e.name === 'word/document.xml')?.size).toBe(doc.size);
    expect((await extractText(bytes, 'nho.docx')).text.trim()).toBe('Nghị quyết');
  });

  it('of 1 MB unpacking to 1 GiB is refused parse_memory before it is inflated', async () => {
    const doc = spacesDocument(1024);
    const bytes = deflatedDocx(doc);
    expect(bytes.length).toBeLessThan(1.2e6);
    expect(doc.size).toBeGreaterThan(MAX_DOCX_XML_BYTES);
    const started = performance.now();
    const e = await refusal(bytes);
    expect(performance.now() - started).toBeLessThan(500);
    expect(e.code).toBe('parse_memory');
    expect(e.message).toMatch(/word\/document\.xml: 1,073,742,\d{3} bytes/);
  });

  it('reads the declared sizes of a real DOCX, all well under the limit', () => {
    const sizes = zipEntrySizes(readFileSync(join(SHARED_DIR, 'corpus/decrees/ND123-2021.docx')));
    const document = sizes?.find((e) => e.name === 'word/document.xml');
    expect(document?.size).toBeGreaterThan(100_000);
    expect(document?.size).toBeLessThan(MAX_DOCX_XML_BYTES);
    expect(zipEntrySizes(docx(p('Xin chào')))?.map((e) => e.name)).toContain('word/document.xml');
    expect(zipEntrySizes(Buffer.from('not a zip'))).toBeNull();
  });
});
