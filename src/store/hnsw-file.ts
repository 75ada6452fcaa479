/**
 * The layout of an hnswlib index file (hnswalg.h `saveIndex`), checked without loading it: a 96-byte header, the
 * level-0 block of `count × sizePerElement` bytes, then per element a 4-byte link-list size and that many bytes.
 * hnswlib writes through an ofstream that reports no error on a full disk, and reads without bounds checks, so a
 * short or inconsistent file must be caught here, before it replaces a good one or is loaded.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const HEADER = 96;
/** Slots and element sizes beyond these are not an index this service wrote. */
const MAX_ELEMENTS = 2 ** 32;
const MAX_ELEMENT_BYTES = 1 << 20;

/** What is wrong with the file's layout, or null when its size is exactly what its header and link lists say. */
export function hnswFileProblem(path: string): string | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < HEADER) return `${size} bytes, shorter than the header`;
    const header = Buffer.alloc(HEADER);
    readSync(fd, header, 0, HEADER, 0);
    const maxElements = Number(header.readBigUInt64LE(8));
    const count = Number(header.readBigUInt64LE(16));
    const perElement = Number(header.readBigUInt64LE(24));
    if (count > maxElements || maxElements > MAX_ELEMENTS || perElement === 0 || perElement > MAX_ELEMENT_BYTES) {
      return `a header that names ${count} of ${maxElements} elements of ${perElement} bytes`;
    }
    let at = HEADER + count * perElement;
    if (at + count * 4 > size) return `${size} bytes, shorter than its ${count} elements need`;
    // Walk the upper-level link lists through a buffer (their sizes are 4 bytes each, spread over the tail).
    const chunk = Buffer.alloc(1 << 20);
    let chunkStart = -1;
    let chunkEnd = -1;
    for (let i = 0; i < count; i++) {
      if (at + 4 > size) return `${size} bytes, cut inside the link lists`;
      if (at < chunkStart || at + 4 > chunkEnd) {
        chunkStart = at;
        chunkEnd = at + readSync(fd, chunk, 0, chunk.length, at);
      }
      at += 4 + chunk.readUInt32LE(at - chunkStart);
    }
    return at === size ? null : `${size} bytes where its layout says ${at}`;
  } finally {
    closeSync(fd);
  }
}
