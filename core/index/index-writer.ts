/**
 * Streams documents and passages into a new index generation folder. Nothing is held in memory
 * beyond the vocabulary and one postings block: texts, tables and vectors go to disk as they come.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuplicateSource } from '../documents.ts';
import { BufferedFileWriter, readTypedArray } from './binary-io.ts';
import { chunkFields, indexFiles, type StoredDocument } from './layout.ts';
import { LexicalIndexBuilder, type LexicalBuildState } from './lexical-builder.ts';
import { defaultBm25, type LexicalStats } from './lexical-index.ts';
import type { AnalyzedText, PackedAnalysis } from '../text/tokenize.ts';
import { manifestFile, schemaVersion, type Manifest } from './manifest.ts';
import { VectorIndex, type HnswParameters } from './vector-index.ts';
import { tokenizerVersion } from '../text/tokenize.ts';

export interface WrittenChunk {
  start: number;
  end: number;
  headingPath: number[];
  /** The passage's words and bigrams (with its context line), for the lexical index: as strings, or packed as keys (`analyzeForIndex`). */
  analyzed: AnalyzedText | PackedAnalysis;
  /** 64-bit hash of the embedded text, as two 32-bit halves. */
  hash: [number, number];
}

export interface DocumentToWrite extends Omit<StoredDocument, 'textOffset' | 'textBytes' | 'textLength' | 'firstChunk' | 'chunkCount'> {
  text: string;
}

export class IndexWriter {
  private readonly documents: BufferedFileWriter;
  private readonly texts: BufferedFileWriter;
  private readonly chunks: BufferedFileWriter;
  private readonly paths: BufferedFileWriter;
  private readonly hashes: BufferedFileWriter;
  private readonly vectors: BufferedFileWriter | null;
  private readonly words: LexicalIndexBuilder;
  private readonly bigrams: LexicalIndexBuilder;
  private readonly duplicates = new Map<number, DuplicateSource[]>();
  private pathCount = 0;
  private vectorCount = 0;
  documentCount = 0;
  chunkCount = 0;

  constructor(
    readonly dir: string,
    readonly embeddingDimension: number | null,
  ) {
    const file = (name: string): string => path.join(dir, name);
    this.documents = new BufferedFileWriter(file(indexFiles.documents));
    this.texts = new BufferedFileWriter(file(indexFiles.texts));
    this.chunks = new BufferedFileWriter(file(indexFiles.chunks));
    this.paths = new BufferedFileWriter(file(indexFiles.chunkPaths));
    this.hashes = new BufferedFileWriter(file(indexFiles.chunkHashes));
    this.vectors = embeddingDimension === null ? null : new BufferedFileWriter(file(indexFiles.vectors));
    this.words = new LexicalIndexBuilder(dir, 'words');
    this.bigrams = new LexicalIndexBuilder(dir, 'bigrams');
  }

  /** Appends a document and its passages; returns the document's number. */
  addDocument(document: DocumentToWrite, chunks: readonly WrittenChunk[]): number {
    const number = this.documentCount++;
    const { text, ...rest } = document;
    const bytes = Buffer.from(text, 'utf8');
    const stored: StoredDocument = {
      ...rest,
      textOffset: this.texts.bytesWritten,
      textBytes: bytes.byteLength,
      textLength: text.length,
      firstChunk: this.chunkCount,
      chunkCount: chunks.length,
    };
    this.texts.write(bytes);
    this.documents.write(Buffer.from(`${JSON.stringify(stored)}\n`, 'utf8'));
    for (const chunk of chunks) {
      this.chunks.write(Uint32Array.of(number, chunk.start, chunk.end, this.pathCount, chunk.headingPath.length));
      if (chunk.headingPath.length > 0) this.paths.write(Uint32Array.from(chunk.headingPath));
      this.pathCount += chunk.headingPath.length;
      this.hashes.write(Uint32Array.of(chunk.hash[0], chunk.hash[1]));
      const { analyzed } = chunk;
      if ('wordKeys' in analyzed) {
        this.words.addKeys(analyzed.wordKeys, analyzed.otherWords, analyzed.longKeys);
        this.bigrams.addKeys(analyzed.bigrams);
      } else {
        this.words.add(analyzed.words);
        this.bigrams.add(analyzed.bigrams);
      }
      this.chunkCount++;
    }
    return number;
  }

  /** Closes the files without finishing (the build folder is about to be removed). */
  abort(): void {
    for (const writer of [this.documents, this.texts, this.chunks, this.paths, this.hashes, this.vectors]) {
      try {
        writer?.close();
      } catch {
        // Already closed or the disk is gone: nothing more to release.
      }
    }
  }

  /** Appends the next passage's vector; vectors must come in passage order. */
  addVector(vector: Float32Array): void {
    if (!this.vectors || vector.length !== this.embeddingDimension) {
      throw new Error(`vector of ${vector.length} dimensions written to an index of ${this.embeddingDimension ?? 'no'} dimensions`);
    }
    this.vectors.write(vector);
    this.vectorCount++;
  }

  get vectorsWritten(): number {
    return this.vectorCount;
  }

  /** Records that the article `duplicate` was folded into document `number`. */
  addDuplicate(number: number, duplicate: DuplicateSource): void {
    const list = this.duplicates.get(number);
    if (list) list.push(duplicate);
    else this.duplicates.set(number, [duplicate]);
  }

  /**
   * Closes every file, builds the lexical and vector indexes, and writes the manifest last.
   * `manifest` supplies what the writer cannot know (corpus, timings, problems).
   * `finishElsewhere`, when given, may take the words field to finish on another thread (it
   * returns null when it cannot) while this one finishes the bigram field: the two merges are
   * independent, so on two cores they run at the same time.
   */
  async finish(
    manifest: Omit<Manifest, 'schemaVersion' | 'counts' | 'lexical' | 'embedding' | 'files'> & {
      counts: Pick<Manifest['counts'], 'duplicates' | 'skipped'>;
      embedding: ({ model: string } & HnswParameters) | null;
    },
    finishElsewhere?: (state: LexicalBuildState, outDir: string) => Promise<LexicalStats> | null,
  ): Promise<Manifest> {
    for (const writer of [this.documents, this.texts, this.chunks, this.paths, this.hashes]) writer.close();
    this.vectors?.close();
    fs.writeFileSync(path.join(this.dir, indexFiles.duplicates), JSON.stringify(Object.fromEntries(this.duplicates)));
    // The words field goes: fewer terms to copy to the other thread than the bigram field has.
    const wordsState = this.words.handOver();
    const wordsElsewhere = finishElsewhere?.(wordsState, this.dir) ?? null;
    let bigramStats: LexicalStats;
    try {
      bigramStats = this.bigrams.finish(this.dir);
    } catch (error) {
      // Let the other thread stop writing into the folder before it is removed.
      await wordsElsewhere?.catch(() => undefined);
      throw error;
    }
    const lexicalStats: LexicalStats = wordsElsewhere ? await wordsElsewhere : LexicalIndexBuilder.resume(wordsState).finish(this.dir);

    let embedding: Manifest['embedding'] = null;
    if (manifest.embedding && this.embeddingDimension !== null) {
      if (this.vectorCount !== this.chunkCount) throw new Error(`${this.vectorCount} vectors for ${this.chunkCount} passages`);
      const dimension = this.embeddingDimension;
      // Through readTypedArray: a small file's Buffer is a slice of Node's shared pool, so its
      // `.buffer` starts with other data (the graph was built from garbage for files under 4 KB).
      const all = this.chunkCount === 0 ? new Float32Array(0) : readTypedArray(path.join(this.dir, indexFiles.vectors), Float32Array);
      const index = VectorIndex.build(dimension, this.chunkCount, (chunk) => all.subarray(chunk * dimension, (chunk + 1) * dimension), manifest.embedding);
      index.write(path.join(this.dir, indexFiles.hnsw));
      embedding = { model: manifest.embedding.model, dimension, space: 'ip', m: manifest.embedding.m, efConstruction: manifest.embedding.efConstruction };
    }

    const files: Record<string, number> = {};
    for (const entry of fs.readdirSync(this.dir)) files[entry] = fs.statSync(path.join(this.dir, entry)).size;
    const complete: Manifest = {
      schemaVersion,
      createdAt: manifest.createdAt,
      buildMs: manifest.buildMs,
      corpus: manifest.corpus,
      counts: {
        documents: this.documentCount,
        chunks: this.chunkCount,
        duplicates: manifest.counts.duplicates,
        skipped: manifest.counts.skipped,
        terms: lexicalStats.terms + bigramStats.terms,
        postings: lexicalStats.postings + bigramStats.postings,
      },
      chunking: manifest.chunking,
      lexical: { tokenizer: tokenizerVersion, ...defaultBm25, averageLength: lexicalStats.averageLength },
      embedding,
      files,
      problems: manifest.problems,
    };
    const target = path.join(this.dir, manifestFile);
    const fd = fs.openSync(target, 'w');
    fs.writeSync(fd, JSON.stringify(complete, null, 2));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return complete;
  }
}
