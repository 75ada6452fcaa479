/**
 * Checksums of index files, recorded in their manifests when they are written and verified when they are loaded,
 * so bytes damaged at rest (same size, different content) are caught before a file is used. CRC-32 (zlib's,
 * several GB/s) per fixed block: verifying a 1.5 GB vector index costs about as much as reading it, which loading
 * does anyway, and a mismatch names the damaged block. SHA-256 of the whole file is kept beside it for `check`.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** 4 MiB blocks: a 1M-vector index has about 400 checksums in its manifest. */
export const BLOCK_BYTES = 4 << 20;

export interface BlockChecksums {
  /** Block size in bytes; the last block may be shorter. */
  size: number;
  crc32: number[];
}

export interface FileDigest {
  bytes: number;
  sha256: string;
  blocks: BlockChecksums;
}

/** Reads `path` once, block by block. */
function eachBlock(path: string, size: number, visit: (block: Buffer, index: number) => boolean | void): number {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(size);
    for (let at = 0, i = 0; at < total; i++) {
      let n = 0;
      while (n < size && at + n < total) {
        const got = readSync(fd, buffer, n, size - n, at + n);
        if (got === 0) break;
        n += got;
      }
      if (visit(buffer.subarray(0, n), i) === false) break;
      at += n;
    }
    return total;
  } finally {
    closeSync(fd);
  }
}

/** Size, SHA-256 and per-block CRC-32 of a file, in one pass. */
export function digestFile(path: string, size = BLOCK_BYTES): FileDigest {
  const hash = createHash('sha256');
  const sums: number[] = [];
  const bytes = eachBlock(path, size, (block) => {
    hash.update(block);
    sums.push(crc32(block));
  });
  return { bytes, sha256: hash.digest('hex'), blocks: { size, crc32: sums } };
}

/** The first block whose CRC-32 differs from the recorded one (or a count that differs), described; null when all agree. */
export function blockProblem(path: string, blocks: BlockChecksums): string | null {
  let problem: string | null = null;
  let seen = 0;
  eachBlock(path, blocks.size, (block, i) => {
    seen = i + 1;
    if (crc32(block) !== blocks.crc32[i]) {
      problem = `block ${i} (bytes ${i * blocks.size}–${i * blocks.size + block.length}) does not match its checksum`;
      return false;
    }
  });
  if (problem === null && seen !== blocks.crc32.length) problem = `${seen} blocks where the manifest records ${blocks.crc32.length}`;
  return problem;
}

/** CRC-32 of bytes in memory (a segment file read whole), in slices under zlib's 2 GiB limit per call. */
export function crc32Of(bytes: Uint8Array): number {
  let value = 0;
  for (let at = 0; at < bytes.length || at === 0; at += 1 << 30) {
    value = crc32(bytes.subarray(at, Math.min(bytes.length, at + (1 << 30))), value);
    if (bytes.length === 0) break;
  }
  return value;
}
