/**
 * The zip check that runs before a .docx is unpacked: entry count, total unpacked size and
 * compression ratio from the central directory, then entries that unpack to more than they
 * declare. Archives are built by hand (test/helpers/zip.ts), hostile ones included.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { checkArchive, defaultArchiveLimits, type ArchiveLimits } from '../../ingest/readers/archive-guard.ts';
import { docxToText } from '../../ingest/readers/docx.ts';
import { isIngestProblem, readCorpusFile } from '../../ingest/readers/index.ts';
import { buildDocx, documentXml, zip } from '../helpers/zip.ts';

const paragraphs = ['坚持党建引领，推动学校高质量发展。', '实施“红色引擎”工程。'];
/** Valid Word XML that unpacks to `megabytes` MB: whitespace between the paragraphs and the end of the body. */
const paddedXml = (megabytes: number): string => documentXml(paragraphs, ' '.repeat(megabytes * 1024 * 1024));

function refusal(bytes: Buffer, limits?: Partial<ArchiveLimits>): AppError {
  try {
    checkArchive(bytes, limits);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the archive was accepted');
}

describe('checkArchive', () => {
  it('accepts a real .docx, stored or deflated, in the zip64 layout, and with data in front of it', async () => {
    for (const bytes of [buildDocx(paragraphs), buildDocx(paragraphs, { deflate: true }), zip({ 'a.txt': '党建', 'b.xml': { data: '<a/>'.repeat(1000), deflate: true } }, { zip64: true })]) {
      expect(checkArchive(bytes).entries).toBeGreaterThan(1);
    }
    // A self-extracting stub before the archive shifts every offset; zip readers (and mammoth) allow it.
    const shifted = Buffer.concat([Buffer.from('MZ stub '.repeat(64)), buildDocx(paragraphs, { deflate: true })]);
    expect(checkArchive(shifted)).toMatchObject({ entries: 3 });
    const text = await docxToText(shifted);
    expect(text).toMatchObject({ ok: true, text: paragraphs.join('\n') });
  });

  it('refuses an entry with a huge compression ratio, naming it, before unpacking it', () => {
    const bomb = buildDocx(paragraphs, { data: paddedXml(24), deflate: true });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = refusal(bomb);
    expect(error.code).toBe('ARCHIVE_REFUSED');
    expect(error.details).toMatchObject({ rule: 'ratio', entry: 'word/document.xml', limit: defaultArchiveLimits.maxRatio });
    expect(error.message).toMatch(/^word\/document\.xml unpacks to 24\.0 MB from 0\.0 MB \(\d+ : 1; at most 100 : 1 is accepted\)$/);
  });

  it('refuses an archive whose entries unpack to more than the total limit together', () => {
    // Each entry compresses modestly (ratio far below the limit); together they are too much.
    const noisy = (seed: number) => Array.from({ length: 40_000 }, (_, i) => ((i * 7919 + seed) % 65_521).toString(36)).join(',');
    const entries = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`word/media/part${i}.xml`, { data: noisy(i), deflate: true }]));
    const archive = zip(entries);
    const total = checkArchive(archive).uncompressedBytes;
    const error = refusal(archive, { maxUncompressedBytes: Math.floor(total * 0.8) });
    expect(error.details).toMatchObject({ rule: 'size', entry: 'word/media/part3.xml' });
  });

  it('refuses more entries than the limit, whether the end record admits it or not', () => {
    const many = Object.fromEntries(Array.from({ length: defaultArchiveLimits.maxEntries + 1 }, (_, i) => [`f${i}.xml`, '<a/>']));
    expect(refusal(zip(many)).details).toMatchObject({ rule: 'entries', actual: defaultArchiveLimits.maxEntries + 1 });
    // An end record that understates the count: the walk over the central directory still counts.
    const lying = zip(many);
    lying.writeUInt16LE(3, lying.length - 22 + 8);
    lying.writeUInt16LE(3, lying.length - 22 + 10);
    expect(refusal(lying).details).toMatchObject({ rule: 'entries' });
  });

  it('refuses an entry that unpacks to more than its headers declare', () => {
    const liar = buildDocx(paragraphs, { data: paddedXml(4), deflate: true, declaredSize: 2_000 });
    const error = refusal(liar);
    expect(error.code).toBe('ARCHIVE_REFUSED');
    expect(error.details).toMatchObject({ rule: 'inflation', entry: 'word/document.xml', declared: 2_000 });
  });

  it('says INPUT_UNREADABLE for bytes that are not a zip archive, a truncated one, or headers pointing nowhere', () => {
    const archive = buildDocx(paragraphs, { deflate: true });
    const broken = Buffer.from(archive);
    // The central directory's offset of word/document.xml's local header, sent past the end.
    const central = broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    broken.writeUInt32LE(broken.length + 10, central + 42);
    for (const bytes of [Buffer.from('plain text, not a zip'), archive.subarray(0, archive.length - 30), broken]) {
      const error = refusal(bytes);
      expect(error.code).toBe('INPUT_UNREADABLE');
      expect(error.details).toMatchObject({ rule: 'structure' });
    }
  });
});

describe('a zip bomb in the corpus', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'archive-guard-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is skipped as a malformed .docx whose message names the file and the entry', async () => {
    await writeFile(path.join(dir, 'bomb.docx'), buildDocx(paragraphs, { data: paddedXml(24), deflate: true }));
    const items = [];
    for await (const item of readCorpusFile(dir, 'bomb.docx')) items.push(item);
    expect(items).toHaveLength(1);
    const problem = items[0]!;
    if (!isIngestProblem(problem)) throw new Error('the bomb was read as an article');
    expect(problem).toMatchObject({ sourcePath: 'bomb.docx', reason: 'MALFORMED_DOCX' });
    expect(problem.message).toMatch(/^bomb\.docx: refused before unpacking: ARCHIVE_REFUSED: word\/document\.xml unpacks to 24\.0 MB/);
  });
});
