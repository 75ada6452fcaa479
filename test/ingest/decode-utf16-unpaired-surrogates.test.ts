/**
 * Bug: UTF-16 text with an unpaired surrogate was stored with U+FFFD and reported done, while UTF-8 with bad bytes
 * was refused `unknown_encoding`. Both are now refused with the same code and a message saying where.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { decodeText } from '../../src/ingest/decode-text.js';
import { extractText } from '../../src/ingest/read-document.js';

const TEXT = 'Nghị quyết về công tác xây dựng Đảng trong tình hình mới, đảng viên gương mẫu thực hiện nhiệm vụ được giao. '.repeat(8);

/** TEXT as UTF-16 code units with `units` spliced in after its first ten characters, in the given byte order. */
function utf16(order: 'le' | 'be', bom: boolean, units: number[] = []): Buffer {
  const codes = [...(bom ? [0xfeff] : []), ...[...TEXT.slice(0, 10)].map((c) => c.charCodeAt(0)), ...units, ...[...TEXT.slice(10)].map((c) => c.charCodeAt(0))];
  const out = Buffer.alloc(codes.length * 2);
  codes.forEach((u, i) => (order === 'le' ? out.writeUInt16LE(u, i * 2) : out.writeUInt16BE(u, i * 2)));
  return out;
}

function refusal(bytes: Uint8Array): UserError {
  try {
    decodeText(bytes);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('decoded without error');
}

describe('UTF-16 with unpaired surrogates is refused like bad UTF-8', () => {
  it('reads valid UTF-16 in both byte orders, with and without a BOM, and a surrogate pair', () => {
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) expect(decodeText(utf16(order, bom)).text).toBe(TEXT);
      expect(decodeText(utf16(order, true, [0xd83d, 0xdcd6])).text).toBe(`${TEXT.slice(0, 10)}📖${TEXT.slice(10)}`);
    }
  });

  it('refuses a lone high or low surrogate, with or without a BOM', () => {
    for (const [order, bom, unit] of [['le', true, 0xd800], ['be', true, 0xdc00], ['le', false, 0xdbff], ['le', true, 0xdfff]] as const) {
      const e = refusal(utf16(order, bom, [unit]));
      expect(e.code).toBe('unknown_encoding');
      expect(e.message).toMatch(/unpaired surrogate at byte \d+/);
      expect(e.message).toContain(order === 'le' ? 'little-endian' : 'big-endian');
    }
  });

  it('is refused when a text file is read, not stored with U+FFFD', async () => {
    await expect(extractText(utf16('le', true, [0xd800]), 'bao-cao.txt')).rejects.toMatchObject({ code: 'unknown_encoding' });
    expect((await extractText(utf16('le', true), 'bao-cao.txt')).text).toBe(TEXT);
  });

  it('refuses UTF-16 cut inside a code unit', () => {
    const cut = utf16('le', true).subarray(0, 301);
    const e = refusal(cut);
    expect(e.code).toBe('unknown_encoding');
    expect(e.message).toMatch(/half a code unit/);
  });

  it('refuses UTF-8 with a bad byte with the same code', () => {
    const bytes = Buffer.concat([Buffer.from(TEXT, 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(TEXT, 'utf8')]);
    expect(refusal(bytes).code).toBe('unknown_encoding');
  });
});
