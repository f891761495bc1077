/**
 * Limits for zip containers (.docx), checked before a zip library unpacks anything. A 1 MB .docx
 * can unpack to gigabytes (a "zip bomb"), and the library reading it holds everything in memory:
 * the process runs out of heap and dies. So the central directory is read first (entry count,
 * declared sizes, compression ratio), then every entry is inflated with its declared size as a hard
 * cap, so an entry whose header lies about its size is caught too, and never costs more memory
 * than the limits allow. Ingest and uploads call the same check.
 */
import zlib from 'node:zlib';
import { AppError } from '../../core/errors.ts';

export interface ArchiveLimits {
  /** Most entries (files and folders) in one archive. */
  maxEntries: number;
  /** Most bytes all entries may unpack to together. */
  maxUncompressedBytes: number;
  /** Highest unpacked : packed ratio of one entry that unpacks to more than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries that unpack to less than this are not held to `maxRatio` (tiny files compress oddly). */
  ratioFloorBytes: number;
}

/** Far above any real article: a .docx holds a few dozen entries and its text XML compresses 5–20 : 1. */
export const defaultArchiveLimits: Readonly<ArchiveLimits> = {
  maxEntries: 5_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** What the check found in an archive it accepted. */
export interface ArchiveSummary {
  entries: number;
  uncompressedBytes: number;
}

/** Which rule refused an archive (in the error's details, for callers and tests). */
export type ArchiveRule = 'entries' | 'size' | 'ratio' | 'inflation' | 'structure';

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const endOfCentralDirectory = 0x06054b50;
const zip64Locator = 0x07064b50;
const zip64EndOfCentralDirectory = 0x06064b50;
const centralFileHeader = 0x02014b50;
const localFileHeader = 0x04034b50;
const max16 = 0xffff;
const max32 = 0xffffffff;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function refuse(rule: ArchiveRule, message: string, details: Record<string, unknown> = {}): never {
  if (rule === 'structure') throw new AppError('INPUT_UNREADABLE', `not a readable zip archive: ${message}`, { details: { rule, ...details } });
  throw new AppError('ARCHIVE_REFUSED', message, { details: { rule, ...details } });
}

/** A reader that turns every out-of-range read into a structure error instead of a RangeError. */
function uint(bytes: Buffer, offset: number, size: 2 | 4 | 8): number {
  if (offset < 0 || offset + size > bytes.length) refuse('structure', 'a header points past the end of the file');
  if (size === 2) return bytes.readUInt16LE(offset);
  if (size === 4) return bytes.readUInt32LE(offset);
  return Number(bytes.readBigUInt64LE(offset));
}

function signature(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

/** Where the central directory is and how many entries it announces. */
function locateCentralDirectory(bytes: Buffer): { offset: number; announced: number; shift: number } {
  const end = bytes.lastIndexOf(signature(endOfCentralDirectory));
  if (end < 0) refuse('structure', 'no end of central directory');
  let announced = uint(bytes, end + 10, 2);
  let size = uint(bytes, end + 12, 4);
  let offset = uint(bytes, end + 16, 4);
  let expectedEnd = offset + size;
  if (announced === max16 || size === max32 || offset === max32) {
    const locator = bytes.lastIndexOf(signature(zip64Locator), end);
    if (locator < 0) refuse('structure', 'no zip64 end of central directory locator');
    let record = uint(bytes, locator + 8, 8);
    if (record + 4 > bytes.length || bytes.readUInt32LE(record) !== zip64EndOfCentralDirectory) {
      record = bytes.lastIndexOf(signature(zip64EndOfCentralDirectory), locator);
      if (record < 0) refuse('structure', 'no zip64 end of central directory');
    }
    announced = uint(bytes, record + 32, 8);
    size = uint(bytes, record + 40, 8);
    offset = uint(bytes, record + 48, 8);
    expectedEnd = offset + size + 20 + 12 + uint(bytes, record + 4, 8);
  }
  // Data prepended to the archive (self-extracting zips) shifts every offset, as zip readers allow.
  const extra = end - expectedEnd;
  if (extra < 0) refuse('structure', `${-extra} bytes of the central directory are missing`);
  const shift = extra > 0 && !(offset + 4 <= bytes.length && bytes.readUInt32LE(offset) === centralFileHeader) ? extra : 0;
  return { offset: offset + shift, announced, shift };
}

/** Reads the zip64 extra field of a central header for the sizes and offset that did not fit in 32 bits. */
function applyZip64(bytes: Buffer, from: number, length: number, entry: CentralEntry): void {
  for (let at = from; at + 4 <= from + length; ) {
    const id = uint(bytes, at, 2);
    const size = uint(bytes, at + 2, 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (entry.uncompressedSize === max32) (entry.uncompressedSize = uint(bytes, field, 8)), (field += 8);
      if (entry.compressedSize === max32) (entry.compressedSize = uint(bytes, field, 8)), (field += 8);
      if (entry.localHeaderOffset === max32) entry.localHeaderOffset = uint(bytes, field, 8);
      return;
    }
    at += 4 + size;
  }
}

/** The central directory's entries, refusing as soon as there are more than `maxEntries`. */
function readEntries(bytes: Buffer, limits: ArchiveLimits): { entries: CentralEntry[]; shift: number } {
  const { offset, announced, shift } = locateCentralDirectory(bytes);
  if (announced > limits.maxEntries) {
    refuse('entries', `the archive has ${announced} entries; at most ${limits.maxEntries} are accepted`, { limit: limits.maxEntries, actual: announced });
  }
  const entries: CentralEntry[] = [];
  let at = offset;
  while (at + 4 <= bytes.length && bytes.readUInt32LE(at) === centralFileHeader) {
    if (entries.length >= limits.maxEntries) {
      refuse('entries', `the archive has more than ${limits.maxEntries} entries`, { limit: limits.maxEntries, actual: entries.length + 1 });
    }
    const nameLength = uint(bytes, at + 28, 2);
    const extraLength = uint(bytes, at + 30, 2);
    const commentLength = uint(bytes, at + 32, 2);
    if (at + 46 + nameLength > bytes.length) refuse('structure', 'an entry name runs past the end of the file');
    const entry: CentralEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: uint(bytes, at + 8, 2),
      method: uint(bytes, at + 10, 2),
      compressedSize: uint(bytes, at + 20, 4),
      uncompressedSize: uint(bytes, at + 24, 4),
      localHeaderOffset: uint(bytes, at + 42, 4),
    };
    applyZip64(bytes, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length === 0 && announced > 0) refuse('structure', `the central directory announces ${announced} entries but holds none`);
  return { entries, shift };
}

/** Inflates one entry with its declared size as the cap: an entry that unpacks to more is refused. */
function verifyInflation(bytes: Buffer, entry: CentralEntry, shift: number): void {
  // Encrypted entries and methods other than stored/deflate are left to the zip library, which refuses them.
  if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) return;
  const local = entry.localHeaderOffset + shift;
  if (uint(bytes, local, 4) !== localFileHeader) refuse('structure', `${entry.name}: no local header where the central directory says`);
  const start = local + 30 + uint(bytes, local + 26, 2) + uint(bytes, local + 28, 2);
  if (start + entry.compressedSize > bytes.length) refuse('structure', `${entry.name}: its data runs past the end of the file`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) refuse('structure', `${entry.name}: stored entry with two different sizes`);
    return;
  }
  try {
    zlib.inflateRawSync(bytes.subarray(start, start + entry.compressedSize), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      refuse('inflation', `${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes its header declares`, { entry: entry.name, declared: entry.uncompressedSize });
    }
    refuse('structure', `${entry.name}: its compressed data is damaged`);
  }
}

/**
 * Checks a zip archive held in memory against `limits` before anything reads it: the entry count,
 * the total unpacked size, each large entry's compression ratio (all from the central directory),
 * then that no entry unpacks to more than it declares. Throws AppError ARCHIVE_REFUSED (with
 * `details.rule`: entries, size, ratio or inflation) when a limit is exceeded, INPUT_UNREADABLE
 * (`rule: structure`) when the bytes are not a readable zip archive.
 */
export function checkArchive(bytes: Buffer, overrides: Partial<ArchiveLimits> = {}): ArchiveSummary {
  const limits: ArchiveLimits = { ...defaultArchiveLimits, ...overrides };
  const { entries, shift } = readEntries(bytes, limits);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      refuse('size', `the archive unpacks to more than ${megabytes(limits.maxUncompressedBytes)} (limit)`, { limit: limits.maxUncompressedBytes, entry: entry.name });
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= limits.ratioFloorBytes && ratio > limits.maxRatio) {
      refuse('ratio', `${entry.name} unpacks to ${megabytes(entry.uncompressedSize)} from ${megabytes(entry.compressedSize)} (${Math.round(ratio)} : 1; at most ${limits.maxRatio} : 1 is accepted)`, {
        limit: limits.maxRatio,
        actual: Math.round(ratio),
        entry: entry.name,
      });
    }
  }
  for (const entry of entries) verifyInflation(bytes, entry, shift);
  return { entries: entries.length, uncompressedBytes: total };
}
