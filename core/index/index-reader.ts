/**
 * Loads an index generation for searching. Loading reads the small tables and the lexical index
 * into memory; document texts stay on disk and are read when a passage or article is shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuplicateSource } from '../documents.ts';
import { AppError } from '../errors.ts';
import { readTypedArray } from './binary-io.ts';
import { currentGenerationDir } from './generations.ts';
import { chunkFields, indexFiles, type StoredDocument } from './layout.ts';
import { LexicalIndex } from './lexical-index.ts';
import { readManifest, verifyFiles, type Manifest } from './manifest.ts';
import { VectorIndex } from './vector-index.ts';
import { tokenizerVersion } from '../text/tokenize.ts';

/** A document's metadata as the index serves it. */
export interface IndexedDocument extends StoredDocument {
  /** Number of the document inside this index generation. */
  number: number;
  duplicates: DuplicateSource[];
  /** Publication year, or 0 when the date is unknown. */
  year: number;
}

/** A passage as the index serves it. */
export interface IndexedChunk {
  /** Stable id: `<docId>#<ordinal>`. */
  chunkId: string;
  /** Number of the passage inside this index generation. */
  number: number;
  document: IndexedDocument;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  headingPath: string[];
}

const textCacheSize = 512;

/** An immutable, loaded index generation. */
export class IndexSnapshot {
  readonly documents: IndexedDocument[];
  readonly chunkCount: number;
  readonly lexical: LexicalIndex;
  private readonly byDocId: Map<string, IndexedDocument>;
  private readonly chunkTable: Uint32Array;
  private readonly chunkPaths: Uint32Array;
  private readonly textFd: number;
  private readonly textCache = new Map<number, string>();
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly manifest: Manifest,
    readonly vectors: VectorIndex | null,
  ) {
    const file = (name: string): string => path.join(dir, name);
    const duplicates = JSON.parse(fs.readFileSync(file(indexFiles.duplicates), 'utf8')) as Record<string, DuplicateSource[]>;
    const lines = fs.readFileSync(file(indexFiles.documents), 'utf8').split('\n');
    this.documents = [];
    for (const line of lines) {
      if (line.length === 0) continue;
      const stored = JSON.parse(line) as StoredDocument;
      const number = this.documents.length;
      const year = /^\d{4}/.test(stored.date) ? Number(stored.date.slice(0, 4)) : 0;
      this.documents.push({ ...stored, number, duplicates: duplicates[number] ?? [], year });
    }
    this.byDocId = new Map(this.documents.map((document) => [document.docId, document]));
    this.chunkTable = readTypedArray(file(indexFiles.chunks), Uint32Array);
    this.chunkPaths = readTypedArray(file(indexFiles.chunkPaths), Uint32Array);
    this.chunkCount = this.chunkTable.length / chunkFields;
    if (this.documents.length !== manifest.counts.documents || this.chunkCount !== manifest.counts.chunks) {
      throw new AppError('INDEX_CORRUPT', `${dir}: document or passage counts do not match the manifest`);
    }
    const chunkDocuments = new Uint32Array(this.chunkCount);
    for (let chunk = 0; chunk < this.chunkCount; chunk++) chunkDocuments[chunk] = this.chunkTable[chunk * chunkFields]!;
    this.lexical = LexicalIndex.load(dir, chunkDocuments, this.documents.length, {
      k1: manifest.lexical.k1,
      b: manifest.lexical.b,
      bigramWeight: manifest.lexical.bigramWeight,
      documentWeight: manifest.lexical.documentWeight,
    });
    this.textFd = fs.openSync(file(indexFiles.texts), 'r');
  }

  /**
   * Loads the live generation of `indexDir`. Throws INDEX_MISSING when there is none,
   * INDEX_SCHEMA_MISMATCH for an index written by another version, INDEX_CORRUPT for damage.
   * `vectorModel` is the model the caller will embed queries with: when it differs from the
   * index's, the vectors are not loaded (never mixed) and `vectorMismatch` says why.
   */
  static load(indexDir: string, options: { vectorModel: string | null }): IndexSnapshot {
    const dir = currentGenerationDir(indexDir);
    if (!dir) throw new AppError('INDEX_MISSING', `no index in ${indexDir}: run the ingest first`);
    return IndexSnapshot.loadGeneration(dir, options);
  }

  /** Loads one generation folder (see `load`). */
  static loadGeneration(dir: string, options: { vectorModel: string | null }): IndexSnapshot {
    const manifest = readManifest(dir);
    verifyFiles(dir, manifest);
    if (manifest.lexical.tokenizer !== tokenizerVersion) {
      throw new AppError('INDEX_SCHEMA_MISMATCH', `${dir} was tokenised with ${manifest.lexical.tokenizer}; this program uses ${tokenizerVersion}. Run the ingest again.`);
    }
    let vectors: VectorIndex | null = null;
    if (manifest.embedding && options.vectorModel === manifest.embedding.model) {
      vectors = VectorIndex.load(path.join(dir, indexFiles.hnsw), manifest.embedding.dimension, manifest.counts.chunks);
    }
    try {
      return new IndexSnapshot(dir, manifest, vectors);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('INDEX_CORRUPT', `${dir}: the document tables cannot be read`, { cause: error });
    }
  }

  /** Why vector search is off for this snapshot and a query model, or null when it is on. */
  vectorStatus(queryModel: string | null): string | null {
    const built = this.manifest.embedding?.model ?? null;
    if (built === null) return 'the index was built without an embedding model';
    if (queryModel === null) return `the index has ${built} vectors but no embedding model is loaded`;
    if (built !== queryModel) return `the index was built with ${built} but the configured model is ${queryModel}; run the ingest again`;
    return null;
  }

  document(docId: string): IndexedDocument | undefined {
    return this.byDocId.get(docId);
  }

  /** The cleaned text of a document (read from disk, cached). */
  documentText(document: IndexedDocument): string {
    const cached = this.textCache.get(document.number);
    if (cached !== undefined) {
      // Refresh its place in the LRU order.
      this.textCache.delete(document.number);
      this.textCache.set(document.number, cached);
      return cached;
    }
    if (this.closed) throw new AppError('INTERNAL', 'index snapshot is closed');
    const buffer = Buffer.allocUnsafe(document.textBytes);
    let done = 0;
    while (done < document.textBytes) {
      const read = fs.readSync(this.textFd, buffer, done, document.textBytes - done, document.textOffset + done);
      if (read === 0) throw new AppError('INDEX_CORRUPT', `${this.dir}: ${indexFiles.texts} is truncated`);
      done += read;
    }
    const text = buffer.toString('utf8');
    this.textCache.set(document.number, text);
    if (this.textCache.size > textCacheSize) this.textCache.delete(this.textCache.keys().next().value!);
    return text;
  }

  /** The document a passage belongs to (cheap: no text is read). */
  chunkDocument(chunk: number): IndexedDocument {
    return this.documents[this.chunkTable[chunk * chunkFields]!]!;
  }

  /** A passage with its text and heading path. */
  chunk(chunk: number): IndexedChunk {
    const base = chunk * chunkFields;
    const document = this.documents[this.chunkTable[base]!]!;
    const start = this.chunkTable[base + 1]!;
    const end = this.chunkTable[base + 2]!;
    const pathOffset = this.chunkTable[base + 3]!;
    const pathLength = this.chunkTable[base + 4]!;
    const text = this.documentText(document);
    const headingPath: string[] = [];
    for (let index = pathOffset; index < pathOffset + pathLength; index++) {
      const heading = document.headings[this.chunkPaths[index]!];
      if (heading) headingPath.push(text.slice(heading[0], heading[1]));
    }
    const ordinal = chunk - document.firstChunk;
    return { chunkId: `${document.docId}#${ordinal}`, number: chunk, document, ordinal, start, end, text: text.slice(start, end), headingPath };
  }

  /** Finds a passage by its stable id. */
  chunkById(chunkId: string): IndexedChunk | undefined {
    const hash = chunkId.lastIndexOf('#');
    if (hash < 0) return undefined;
    const document = this.byDocId.get(chunkId.slice(0, hash));
    const ordinal = Number(chunkId.slice(hash + 1));
    if (!document || !Number.isInteger(ordinal) || ordinal < 0 || ordinal >= document.chunkCount) return undefined;
    return this.chunk(document.firstChunk + ordinal);
  }

  /** Releases the open text file. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.textFd);
  }
}
