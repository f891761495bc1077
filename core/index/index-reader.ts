/**
 * The embedded backend of the retrieval index: loads an index generation folder for searching.
 * Loading reads the small tables and the lexical index into memory; document texts stay on disk
 * and are read when a passage or article is shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuplicateSource, IngestProblem } from '../documents.ts';
import { AppError } from '../errors.ts';
import { decodeInSlices, runLoaderAsync, runLoaderSync, typedArrayOf, type Loader } from './binary-io.ts';
import { currentGenerationDir } from './generations.ts';
import {
  acceptedRanges,
  chunkByIdIn,
  documentMatcher,
  type IndexBackendInfo,
  type IndexSnapshot,
  type IndexedChunk,
  type IndexedDocument,
  type PassageFilter,
  type ScoredChunk,
  type SnapshotSource,
  type VectorSearchOptions,
} from './index-snapshot.ts';
import { chunkFields, indexFiles, type StoredDocument } from './layout.ts';
import { LexicalIndex } from './lexical-index.ts';
import { readManifest, verifyFiles, type Manifest } from './manifest.ts';
import { VectorIndex } from './vector-index.ts';
import type { PracticeCatalog } from '../practices/catalog.ts';
import { practicesLoader } from '../practices/store.ts';
import { tokenizerVersion, type AnalyzedText } from '../text/tokenize.ts';

// The answer engine reads these types from here.
export type { IndexSnapshot, IndexedChunk, IndexedDocument } from './index-snapshot.ts';

/** A document as this backend holds it: where its text is in `texts.bin`, too. */
interface EmbeddedDocument extends StoredDocument {
  number: number;
  duplicates: DuplicateSource[];
  year: number;
}

const textCacheSize = 512;

/** An immutable, loaded index generation. */
export class EmbeddedSnapshot implements IndexSnapshot {
  readonly documents: EmbeddedDocument[];
  readonly chunkCount: number;
  readonly lexical: LexicalIndex;
  /** The 做法库 of this generation; null for a generation built before it existed. */
  readonly practices: PracticeCatalog | null;
  private readonly byDocId: Map<string, EmbeddedDocument>;
  private readonly chunkTable: Uint32Array;
  private readonly chunkPaths: Uint32Array;
  private readonly textFd: number;
  private readonly textCache = new Map<number, string>();
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly manifest: Manifest,
    readonly vectors: VectorIndex | null,
    parts: { documents: EmbeddedDocument[]; byDocId: Map<string, EmbeddedDocument>; chunkTable: Uint32Array; chunkPaths: Uint32Array; lexical: LexicalIndex; practices: PracticeCatalog | null; textFd: number },
  ) {
    this.documents = parts.documents;
    this.byDocId = parts.byDocId;
    this.chunkTable = parts.chunkTable;
    this.chunkPaths = parts.chunkPaths;
    this.chunkCount = this.chunkTable.length / chunkFields;
    this.lexical = parts.lexical;
    this.practices = parts.practices;
    this.textFd = parts.textFd;
  }

  /**
   * Reads a generation's tables and lexical index. A loader (see binary-io.ts), so a serving
   * process can load a new generation in slices between requests (`loadAsync`).
   */
  private static *loader(dir: string, manifest: Manifest, vectors: VectorIndex | null): Loader<EmbeddedSnapshot> {
    const file = (name: string): string => path.join(dir, name);
    const duplicates = JSON.parse((yield { read: file(indexFiles.duplicates) })!.toString('utf8')) as Record<string, DuplicateSource[]>;
    const text = yield* decodeInSlices((yield { read: file(indexFiles.documents) })!);
    const documents: EmbeddedDocument[] = [];
    const byDocId = new Map<string, EmbeddedDocument>();
    // Parsing is the costly part (tens of thousands of documents): a pause every few hundred
    // lines keeps each slice to a few milliseconds.
    for (let start = 0, parsed = 0; start < text.length; parsed++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        // Completed in place rather than copied: a copy per document doubles the garbage, and
        // garbage collection pauses are what a hot swap's load is left with.
        const document = JSON.parse(text.slice(start, end)) as EmbeddedDocument;
        document.number = documents.length;
        document.duplicates = duplicates[document.number] ?? [];
        document.year = /^\d{4}/.test(document.date) ? Number(document.date.slice(0, 4)) : 0;
        documents.push(document);
        byDocId.set(document.docId, document);
      }
      start = end + 1;
      if (parsed % 500 === 499) yield { pause: true };
    }
    yield { pause: true };
    const chunkTable = typedArrayOf((yield { read: file(indexFiles.chunks) })!, Uint32Array, file(indexFiles.chunks));
    const chunkPaths = typedArrayOf((yield { read: file(indexFiles.chunkPaths) })!, Uint32Array, file(indexFiles.chunkPaths));
    const chunkCount = chunkTable.length / chunkFields;
    if (documents.length !== manifest.counts.documents || chunkCount !== manifest.counts.chunks) {
      throw new AppError('INDEX_CORRUPT', `${dir}: document or passage counts do not match the manifest`);
    }
    const chunkDocuments = new Uint32Array(chunkCount);
    for (let chunk = 0; chunk < chunkCount; chunk++) chunkDocuments[chunk] = chunkTable[chunk * chunkFields]!;
    yield { pause: true };
    const lexical = yield* LexicalIndex.loader(dir, chunkDocuments, documents.length, {
      k1: manifest.lexical.k1,
      b: manifest.lexical.b,
      bigramWeight: manifest.lexical.bigramWeight,
      documentWeight: manifest.lexical.documentWeight,
    });
    yield { pause: true };
    const practices = yield* practicesLoader(dir, manifest.files);
    const textFd = fs.openSync(file(indexFiles.texts), 'r');
    return new EmbeddedSnapshot(dir, manifest, vectors, { documents, byDocId, chunkTable, chunkPaths, lexical, practices, textFd });
  }

  /**
   * Loads the live generation of `indexDir`. Throws INDEX_MISSING when there is none,
   * INDEX_SCHEMA_MISMATCH for an index written by another version, INDEX_CORRUPT for damage.
   * `vectorModel` is the model the caller will embed queries with: when it differs from the
   * index's, the vectors are not loaded (never mixed) and `vectorMismatch` says why.
   */
  static load(indexDir: string, options: { vectorModel: string | null }): EmbeddedSnapshot {
    const dir = currentGenerationDir(indexDir);
    if (!dir) throw new AppError('INDEX_MISSING', `no index in ${indexDir}: run the ingest first`);
    return EmbeddedSnapshot.loadGeneration(dir, options);
  }

  /** Loads one generation folder (see `load`). */
  static loadGeneration(dir: string, options: { vectorModel: string | null }): EmbeddedSnapshot {
    const manifest = EmbeddedSnapshot.checkedManifest(dir);
    let vectors: VectorIndex | null = null;
    if (manifest.embedding && options.vectorModel === manifest.embedding.model) {
      vectors = VectorIndex.load(path.join(dir, indexFiles.hnsw), manifest.embedding.dimension, manifest.counts.chunks, path.join(dir, indexFiles.vectors));
    }
    return EmbeddedSnapshot.wrapErrors(dir, () => runLoaderSync(EmbeddedSnapshot.loader(dir, manifest, vectors)));
  }

  /**
   * `load` for a process that is serving requests: files are read off the main thread (the HNSW
   * graph by hnswlib's own worker) and parsing runs in short slices, so the event loop never
   * stalls for long while a new generation comes in.
   */
  static async loadAsync(indexDir: string, options: { vectorModel: string | null }): Promise<EmbeddedSnapshot> {
    const dir = currentGenerationDir(indexDir);
    if (!dir) throw new AppError('INDEX_MISSING', `no index in ${indexDir}: run the ingest first`);
    return EmbeddedSnapshot.loadGenerationAsync(dir, options);
  }

  /** Loads one generation folder without blocking (see `loadAsync`). */
  static async loadGenerationAsync(dir: string, options: { vectorModel: string | null }): Promise<EmbeddedSnapshot> {
    const manifest = EmbeddedSnapshot.checkedManifest(dir);
    // hnswlib reads the graph on its own thread while this one parses the tables.
    const embedding = manifest.embedding;
    const vectors: Promise<VectorIndex | null> =
      embedding && options.vectorModel === embedding.model ? VectorIndex.loadAsync(path.join(dir, indexFiles.hnsw), embedding.dimension, manifest.counts.chunks, path.join(dir, indexFiles.vectors)) : Promise.resolve(null);
    vectors.catch(() => undefined);
    let snapshot: EmbeddedSnapshot;
    try {
      snapshot = await runLoaderAsync(EmbeddedSnapshot.loader(dir, manifest, null));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('INDEX_CORRUPT', `${dir}: the document tables cannot be read`, { cause: error });
    }
    try {
      return snapshot.withVectors(await vectors);
    } catch (error) {
      snapshot.close();
      throw error;
    }
  }

  private static checkedManifest(dir: string): Manifest {
    const manifest = readManifest(dir);
    verifyFiles(dir, manifest);
    if (manifest.lexical.tokenizer !== tokenizerVersion) {
      throw new AppError('INDEX_SCHEMA_MISMATCH', `${dir} was tokenised with ${manifest.lexical.tokenizer}; this program uses ${tokenizerVersion}. Run the ingest again.`);
    }
    return manifest;
  }

  private static wrapErrors<T>(dir: string, load: () => T): T {
    try {
      return load();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('INDEX_CORRUPT', `${dir}: the document tables cannot be read`, { cause: error });
    }
  }

  /** This snapshot with `vectors` attached (the tables and open file are shared). */
  private withVectors(vectors: VectorIndex | null): EmbeddedSnapshot {
    if (vectors === null) return this;
    return new EmbeddedSnapshot(this.dir, this.manifest, vectors, {
      documents: this.documents,
      byDocId: this.byDocId,
      chunkTable: this.chunkTable,
      chunkPaths: this.chunkPaths,
      lexical: this.lexical,
      practices: this.practices,
      textFd: this.textFd,
    });
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
  documentText(indexed: IndexedDocument): string {
    const document = this.documents[indexed.number]!;
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

  /**
   * Reads the texts of `documents` that are not cached, all at once and off the event loop, so
   * the `chunk` calls that follow find them in the cache. Texts live on disk: ten search hits
   * read one by one with a cold page cache cost ten disk latencies on the request's path.
   */
  async preloadTexts(documents: readonly IndexedDocument[]): Promise<void> {
    const missing = [...new Set(documents.map((document) => this.documents[document.number]!))].filter((document) => !this.textCache.has(document.number));
    if (missing.length === 0 || this.closed) return;
    const texts = await Promise.all(
      missing.map(
        (document) =>
          new Promise<string | null>((resolve) => {
            const buffer = Buffer.allocUnsafe(document.textBytes);
            fs.read(this.textFd, buffer, 0, document.textBytes, document.textOffset, (error, bytesRead) => {
              // On any trouble leave it to `documentText`, which reports it properly.
              resolve(error || bytesRead !== document.textBytes ? null : buffer.toString('utf8'));
            });
          }),
      ),
    );
    missing.forEach((document, index) => {
      const text = texts[index];
      if (text === null || text === undefined || this.textCache.has(document.number)) return;
      this.textCache.set(document.number, text);
      if (this.textCache.size > textCacheSize) this.textCache.delete(this.textCache.keys().next().value!);
    });
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

  /** Where a passage is: its offsets and heading path as indices into its document's headings. */
  passageLayout(chunk: number): { start: number; end: number; headingPath: number[] } {
    const base = chunk * chunkFields;
    const pathOffset = this.chunkTable[base + 3]!;
    return { start: this.chunkTable[base + 1]!, end: this.chunkTable[base + 2]!, headingPath: Array.from(this.chunkPaths.subarray(pathOffset, pathOffset + this.chunkTable[base + 4]!)) };
  }

  /** Finds a passage by its stable id. */
  chunkById(chunkId: string): IndexedChunk | undefined {
    return chunkByIdIn(this, chunkId);
  }

  get vectorModel(): string | null {
    return this.vectors ? (this.manifest.embedding?.model ?? null) : null;
  }

  get builtAt(): string {
    return this.manifest.createdAt;
  }

  get problems(): readonly IngestProblem[] {
    return this.manifest.problems;
  }

  get info(): IndexBackendInfo {
    return { backend: 'files', lexical: 'bm25-files', version: path.basename(this.dir) };
  }

  /** A passage predicate for `filter`, or undefined when nothing is filtered. */
  private passageMatcher(accept: ((document: IndexedDocument) => boolean) | undefined): ((chunk: number) => boolean) | undefined {
    return accept && ((chunk: number): boolean => accept(this.chunkDocument(chunk)));
  }

  async lexicalSearch(query: AnalyzedText, k: number, filter: PassageFilter | undefined): Promise<ScoredChunk[]> {
    return this.lexical.search(query, k, this.passageMatcher(documentMatcher(filter)));
  }

  /**
   * Unfiltered, or filtered to many passages: HNSW with the filter inside the graph walk. Filtered
   * to few passages (at most `exactSearchLimit`): exact scores over just those rows, because there
   * HNSW walks most of the graph to find `k` accepted nodes.
   */
  async vectorSearch(query: Float32Array, k: number, filter: PassageFilter | undefined, options: VectorSearchOptions): Promise<ScoredChunk[]> {
    const vectors = this.vectors;
    if (!vectors) return [];
    const accept = documentMatcher(filter);
    if (!accept) return vectors.search(query, k, options.efSearch);
    if (vectors.canSearchExact) {
      const { ranges, passages } = acceptedRanges(this.documents, accept, options.exactSearchLimit);
      if (passages <= options.exactSearchLimit) {
        try {
          return vectors.searchExact(query, ranges, k);
        } catch {
          // The rows file went away under us (an old generation removed): the graph still answers.
        }
      }
    }
    return vectors.search(query, k, options.efSearch, this.passageMatcher(accept));
  }

  /** Releases the open text file. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.textFd);
  }
}
