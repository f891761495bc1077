/**
 * Where the practice catalog lives: two files in the index generation folder, written by ingest
 * with the rest of the generation (so the catalog is published, and swapped in, atomically with
 * it) and read by the index reader through `practicesLoader`.
 *
 *   practices.jsonl        a header line, then one PracticeRecord per line
 *   practice-vectors.f32   when the ingest had an embedding model: one vector per practice
 *
 * PostgreSQL keeps the same two things as values of `pbqa_practices` (`serialize`), replaced in
 * the transaction that publishes a corpus version, and builds the same PracticeCatalog from them
 * (`catalogLoader`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Embedder } from '../embedding/embedder.ts';
import { AppError, throwIfAborted } from '../errors.ts';
import { decodeInSlices, typedArrayOf, type Loader } from '../index/binary-io.ts';
import { PracticeCatalog } from './catalog.ts';
import { extractorVersion } from './extract.ts';
import type { PracticeRecord } from './record.ts';

export const practiceFile = 'practices.jsonl';
export const practiceVectorFile = 'practice-vectors.f32';
const format = 'practices';
const formatVersion = 1;

const headerSchema = z.object({
  format: z.literal(format),
  version: z.number().int(),
  extractor: z.string(),
  count: z.number().int().nonnegative(),
  vectors: z.object({ model: z.string(), dimension: z.number().int().positive() }).nullable(),
});
type Header = z.infer<typeof headerSchema>;

/** The text a practice is embedded by: its name and description. */
export function practiceEmbeddingText(record: PracticeRecord): string {
  return `${record.name.text}：${record.description.text}`.slice(0, 300);
}

/** A catalog as stored: the JSON lines (header first) and, with an embedder, one vector per practice. */
export interface SerializedCatalog {
  catalog: string;
  vectors: Buffer | null;
}

/** Collects an ingest's practices; the corpus writer stores them with the version it publishes. */
export class PracticeCatalogWriter {
  private readonly records: PracticeRecord[] = [];

  get count(): number {
    return this.records.length;
  }

  add(records: readonly PracticeRecord[]): void {
    for (const record of records) this.records.push(record);
  }

  /** The catalog's vectors, batch by batch, in record order (none without an embedder). */
  private async *embed(embedder: Embedder | null, signal: AbortSignal | undefined, batchSize: number): AsyncGenerator<Float32Array> {
    if (!embedder) return;
    for (let start = 0; start < this.records.length; start += batchSize) {
      throwIfAborted(signal);
      yield* await embedder.embedPassages(this.records.slice(start, start + batchSize).map(practiceEmbeddingText), signal);
    }
  }

  private text(embedder: Embedder | null): string {
    const vectors = embedder && this.records.length > 0 ? { model: embedder.modelId, dimension: embedder.dimension } : null;
    const header: Header = { format, version: formatVersion, extractor: extractorVersion, count: this.records.length, vectors };
    return `${[JSON.stringify(header), ...this.records.map((record) => JSON.stringify(record))].join('\n')}\n`;
  }

  /** Writes the catalog (and, with an embedder, its vectors) into `dir`; the caller publishes it. */
  async write(dir: string, embedder: Embedder | null, signal?: AbortSignal, batchSize = 16): Promise<void> {
    if (embedder && this.records.length > 0) {
      const out = fs.openSync(path.join(dir, practiceVectorFile), 'w');
      try {
        for await (const vector of this.embed(embedder, signal, batchSize)) fs.writeSync(out, new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
      } finally {
        fs.closeSync(out);
      }
    }
    fs.writeFileSync(path.join(dir, practiceFile), this.text(embedder));
  }

  /** The catalog in memory, for a backend that stores it as values (PostgreSQL). */
  async serialize(embedder: Embedder | null, signal?: AbortSignal, batchSize = 16): Promise<SerializedCatalog> {
    const pieces: Buffer[] = [];
    for await (const vector of this.embed(embedder, signal, batchSize)) pieces.push(Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    return { catalog: this.text(embedder), vectors: embedder && this.records.length > 0 ? Buffer.concat(pieces) : null };
  }
}

function readHeader(line: string, file: string): Header {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new AppError('INDEX_CORRUPT', `${file}: the header is not JSON`, { cause: error });
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw new AppError('INDEX_CORRUPT', `${file}: the header is malformed`);
  return header.data;
}

/** Why a catalog whose first line is `first` must be rebuilt (another format or extractor), or null. */
export function catalogHeaderProblem(first: string, where: string): string | null {
  try {
    const header = readHeader(first, where);
    if (header.version !== formatVersion || header.extractor !== extractorVersion) return `the practice catalog was built by ${header.extractor} (format ${header.version}); this program extracts with ${extractorVersion}`;
    return null;
  } catch (error) {
    return `the practice catalog cannot be read: ${(error as Error).message}`;
  }
}

/**
 * Why the generation's catalog must be rebuilt (none yet, another format or extractor), or null
 * when it is current. Reads the header line only.
 */
export function practiceCatalogProblem(dir: string, files: Readonly<Record<string, number>>): string | null {
  if (files[practiceFile] === undefined) return 'the index has no practice catalog yet';
  let first = '';
  try {
    const fd = fs.openSync(path.join(dir, practiceFile), 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
      first = buffer.toString('utf8', 0, read).split('\n')[0] ?? '';
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return `the practice catalog cannot be read: ${(error as Error).message}`;
  }
  return catalogHeaderProblem(first, practiceFile);
}

/**
 * Loads the catalog of a generation (a loader: see binary-io.ts), or null when the generation has
 * none (it was built before the catalog existed; health says to run the ingest again).
 */
export function* practicesLoader(dir: string, files: Readonly<Record<string, number>>): Loader<PracticeCatalog | null> {
  if (files[practiceFile] === undefined) return null;
  const file = path.join(dir, practiceFile);
  const vectorFile = path.join(dir, practiceVectorFile);
  const text = yield* decodeInSlices((yield { read: file })!);
  return yield* catalogLoader(text, files[practiceVectorFile] === undefined ? null : { read: vectorFile }, { catalog: file, vectors: vectorFile });
}

/**
 * Builds a catalog from its stored text and its vectors: a file of the generation to read, bytes
 * already fetched (PostgreSQL), or null when none were stored. `where` names them in errors.
 */
export function* catalogLoader(
  text: string,
  storedVectors: { read: string } | { bytes: Buffer } | null,
  where: { catalog: string; vectors: string },
): Loader<PracticeCatalog> {
  const file = where.catalog;
  const lines = text.split('\n');
  const header = readHeader(lines[0] ?? '', file);
  if (header.version !== formatVersion) throw new AppError('INDEX_SCHEMA_MISMATCH', `${file} has format version ${header.version}; this program reads ${formatVersion}`);
  const records: PracticeRecord[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as PracticeRecord);
    } catch (error) {
      throw new AppError('INDEX_CORRUPT', `${file} line ${index + 1} is not JSON`, { cause: error });
    }
    if (index % 2000 === 0) yield { pause: true };
  }
  if (records.length !== header.count) throw new AppError('INDEX_CORRUPT', `${file} holds ${records.length} practices; its header says ${header.count}`);
  let vectors: PracticeCatalog['vectors'] = null;
  if (header.vectors && storedVectors) {
    const vectorFile = where.vectors;
    const bytes = 'read' in storedVectors ? (yield storedVectors)! : storedVectors.bytes;
    const data = typedArrayOf(bytes, Float32Array, vectorFile);
    if (data.length !== records.length * header.vectors.dimension) throw new AppError('INDEX_CORRUPT', `${vectorFile} does not hold one vector per practice`);
    vectors = { model: header.vectors.model, dimension: header.vectors.dimension, data };
  }
  return new PracticeCatalog(records, vectors);
}
