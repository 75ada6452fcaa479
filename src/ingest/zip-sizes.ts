/**
 * Declared sizes of a ZIP archive's entries, read from its central directory without inflating anything
 * (APPNOTE.TXT 4.3.12 central directory header, 4.3.16 end of central directory record). Lets a reader refuse a
 * ZIP bomb (a small archive whose entries unpack to gigabytes) before it spends the memory.
 */

export interface ZipEntrySize {
  name: string;
  /** Uncompressed size in bytes as the archive declares it; `Infinity` for a ZIP64 entry (0xFFFFFFFF: 4 GiB or more). */
  size: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;

/** Entries of the archive's central directory with their declared sizes, or null when it has none that reads. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - END_SEARCH); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntrySize[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_HEADER) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8');
    entries.push({ name, size: size === 0xffffffff ? Number.POSITIVE_INFINITY : size });
    at += 46 + skip;
  }
  return entries;
}
