/**
 * The lexical index on disk: one binary file per segment (written once, never changed) and a manifest naming the
 * live segments and their deleted passages. Segment files are durable before the manifest names them, and the
 * manifest is replaced atomically, so a crash leaves the previous snapshot intact. Loading maps the files straight
 * into typed arrays: no parsing, so start-up stays fast at a million passages.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { writeFileDurably } from './durable-file.js';
import { crc32Of } from './file-checksums.js';
import { LexicalIndex, type SegmentPart } from './lexical-index.js';
import type { Segment } from './lexical-segment.js';

export const LEXICAL_MANIFEST = 'lexical.json';
const SEGMENT_FILE = /^lexical-(\d+)\.seg$/;
// "VNL2": 16-bit postings. Files of an older layout fail this check and the index is rebuilt from the store.
const MAGIC = 0x324c4e56;
const HEADER = 16;

interface LexicalManifest {
  version: 1;
  /** `crc32`: of the segment file, verified when it is loaded (absent in manifests written before it was recorded). */
  segments: { file: string; passages: number; deleted: number[]; crc32?: number }[];
  savedAt: string;
}

/** File names of segments already on disk; a segment is immutable, so its file never needs writing again. */
const savedAs = new WeakMap<Segment, { file: string; crc32: number }>();

/** Arrays in the file, in order; 8-byte ones first so each view is aligned. */
function layout(s: Segment): ArrayBufferView[] {
  return [s.terms, s.keys, s.starts, s.docs, s.lengths, s.freqs, s.maxFreqs];
}

function encode(s: Segment): Buffer[] {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(s.keys.length, 4);
  header.writeUInt32LE(s.terms.length, 8);
  header.writeUInt32LE(s.docs.length, 12);
  return [header, ...layout(s).map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
}

function writeSegment(path: string, s: Segment): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of encode(s)) {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, Math.min(chunk.length - at, 1 << 30));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The whole file in one 8-byte-aligned buffer of shared memory, so worker threads can search the segment (read in
 * chunks: a single read stops at 2 GiB).
 */
function readAligned(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.from(new SharedArrayBuffer(fstatSync(fd).size));
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 30), at);
      if (n === 0) break;
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function decode(bytes: Buffer): Segment | null {
  if (bytes.length < HEADER || bytes.readUInt32LE(0) !== MAGIC) return null;
  const passages = bytes.readUInt32LE(4);
  const terms = bytes.readUInt32LE(8);
  const postings = bytes.readUInt32LE(12);
  const size = HEADER + terms * 8 + passages * 4 + (terms + 1) * 4 + postings * 2 + passages * 2 + postings + terms;
  if (bytes.length !== size) return null;
  const { buffer } = bytes;
  let at = bytes.byteOffset + HEADER;
  const take = <T>(make: (b: ArrayBufferLike, offset: number, length: number) => T, length: number, width: number): T => {
    const view = make(buffer, at, length);
    at += length * width;
    return view;
  };
  return {
    terms: take((b, o, n) => new Float64Array(b, o, n), terms, 8),
    keys: take((b, o, n) => new Uint32Array(b, o, n), passages, 4),
    starts: take((b, o, n) => new Uint32Array(b, o, n), terms + 1, 4),
    docs: take((b, o, n) => new Uint16Array(b, o, n), postings, 2),
    lengths: take((b, o, n) => new Uint16Array(b, o, n), passages, 2),
    freqs: take((b, o, n) => new Uint8Array(b, o, n), postings, 1),
    maxFreqs: take((b, o, n) => new Uint8Array(b, o, n), terms, 1),
  };
}

function readManifest(dir: string): LexicalManifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, LEXICAL_MANIFEST), 'utf8')) as LexicalManifest;
    return m.version === 1 && Array.isArray(m.segments) ? m : null;
  } catch {
    return null;
  }
}

/**
 * The saved index, or why it cannot be used: none saved, a segment missing, of another layout, or whose bytes differ
 * from the checksum recorded when it was written (damaged at rest). The caller rebuilds from the store.
 */
export function readLexicalSnapshot(dir: string): { index: LexicalIndex; problem: null } | { index: null; problem: string } {
  const manifest = readManifest(dir);
  if (!manifest) return { index: null, problem: existsSync(join(dir, LEXICAL_MANIFEST)) ? `${LEXICAL_MANIFEST} is unreadable` : 'missing' };
  const parts: SegmentPart[] = [];
  for (const entry of manifest.segments) {
    const path = join(dir, entry.file);
    if (!SEGMENT_FILE.test(entry.file) || !existsSync(path)) return { index: null, problem: `segment ${entry.file} is missing` };
    const bytes = readAligned(path);
    if (entry.crc32 !== undefined && crc32Of(bytes) !== entry.crc32) {
      return { index: null, problem: `segment ${entry.file} is damaged on disk (it does not match its checksum)` };
    }
    const segment = decode(bytes);
    if (!segment || segment.keys.length !== entry.passages) return { index: null, problem: `segment ${entry.file} is torn or of an older layout` };
    savedAs.set(segment, { file: entry.file, crc32: entry.crc32 ?? crc32Of(bytes) });
    parts.push({ segment, deleted: new Set(entry.deleted) });
  }
  return { index: LexicalIndex.fromParts(parts), problem: null };
}

/** The saved index, or null when there is none or any part of it is unreadable or damaged (the caller rebuilds). */
export function loadLexicalIndex(dir: string): LexicalIndex | null {
  return readLexicalSnapshot(dir).index;
}

/** Writes new segments, then the manifest, then removes segment files no longer named. */
export function saveLexicalIndex(dir: string, index: LexicalIndex): void {
  const existing = readdirSync(dir).filter((f) => SEGMENT_FILE.test(f));
  let next = Math.max(0, ...existing.map((f) => Number(SEGMENT_FILE.exec(f)![1]))) + 1;
  const segments = index.segments().map(({ segment, deleted }) => {
    let saved = savedAs.get(segment);
    if (!saved) {
      const file = `lexical-${next++}.seg`;
      const chunks = encode(segment);
      const bytes = chunks.reduce((n, chunk) => n + chunk.length, 0);
      writeFileDurably(join(dir, file), (tmp) => writeSegment(tmp, segment), bytes);
      saved = { file, crc32: chunks.reduce((sum, chunk) => crc32(chunk, sum), 0) };
      savedAs.set(segment, saved);
    }
    return { file: saved.file, passages: segment.keys.length, deleted: [...deleted].sort((a, b) => a - b), crc32: saved.crc32 };
  });
  const manifest: LexicalManifest = { version: 1, segments, savedAt: new Date().toISOString() };
  const json = JSON.stringify(manifest);
  writeFileDurably(join(dir, LEXICAL_MANIFEST), (tmp) => writeFileSync(tmp, json), Buffer.byteLength(json));
  const named = new Set(segments.map((s) => s.file));
  for (const f of existing) if (!named.has(f)) rmSync(join(dir, f), { force: true });
}
