/**
 * The embedded backend of `CorpusWriter`: every ingest writes a complete new generation folder
 * (see generations.ts) and publishes it by swapping the `CURRENT` pointer. Vectors of passages
 * whose text is unchanged are copied from the live generation instead of being embedded again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuplicateSource } from '../documents.ts';
import type { Embedder } from '../embedding/embedder.ts';
import type { PracticeCatalogWriter } from '../practices/store.ts';
import { readTypedArray } from './binary-io.ts';
import type { CorpusWriter, PublishInfo } from './corpus-writer.ts';
import { beginGeneration, currentGenerationDir, type GenerationBuild } from './generations.ts';
import { IndexWriter, type DocumentToWrite, type WrittenChunk } from './index-writer.ts';
import { indexFiles, type StoredDocument } from './layout.ts';
import { readManifest, verifyFiles, type Manifest } from './manifest.ts';

/** Folds a 64-bit hash into a Map key (53 bits are plenty to tell passages apart). */
function hashKey(high: number, low: number): number {
  return (high & 0x1fffff) * 0x1_0000_0000 + low;
}

interface PreviousGeneration {
  documents: Map<string, string>;
  /** Files that held a kept (not folded) document. */
  sources: Set<string>;
  vectors: { fd: number; dimension: number; rows: Map<number, number> } | null;
}

/** What the live generation offers for reuse: document hashes and, for the same model, vectors. */
function openPrevious(indexDir: string, embedder: Embedder | null): PreviousGeneration | null {
  let dir: string | null;
  let manifest: Manifest;
  try {
    dir = currentGenerationDir(indexDir);
    if (!dir) return null;
    manifest = readManifest(dir);
    // A truncated vectors.f32 would hand out zero-filled rows as reused vectors.
    verifyFiles(dir, manifest);
  } catch {
    // A damaged or older index offers nothing to reuse; the new generation replaces it.
    return null;
  }
  try {
    const documents = new Map<string, string>();
    const sources = new Set<string>();
    for (const line of fs.readFileSync(path.join(dir, indexFiles.documents), 'utf8').split('\n')) {
      if (!line) continue;
      const stored = JSON.parse(line) as StoredDocument;
      documents.set(stored.docId, stored.contentHash);
      sources.add(stored.sourcePath);
    }
    let vectors: PreviousGeneration['vectors'] = null;
    if (embedder && manifest.embedding?.model === embedder.modelId && manifest.embedding.dimension === embedder.dimension) {
      const hashes = readTypedArray(path.join(dir, indexFiles.chunkHashes), Uint32Array);
      const rows = new Map<number, number>();
      for (let row = 0; row * 2 < hashes.length; row++) rows.set(hashKey(hashes[row * 2]!, hashes[row * 2 + 1]!), row);
      const fd = fs.openSync(path.join(dir, indexFiles.vectors), 'r');
      vectors = { fd, dimension: manifest.embedding.dimension, rows };
    }
    return { documents, sources, vectors };
  } catch {
    return null;
  }
}

function readVector(fd: number, dimension: number, row: number): Float32Array {
  const bytes = dimension * 4;
  const buffer = Buffer.alloc(bytes);
  fs.readSync(fd, buffer, 0, bytes, row * bytes);
  return new Float32Array(buffer.buffer, buffer.byteOffset, dimension);
}

export class EmbeddedCorpusWriter implements CorpusWriter {
  private readonly writer: IndexWriter;
  private finished = false;

  private constructor(
    private readonly build: GenerationBuild,
    private readonly previous: PreviousGeneration | null,
    embedder: Embedder | null,
  ) {
    this.writer = new IndexWriter(build.dir, embedder ? embedder.dimension : null);
  }

  /**
   * Starts a new generation of `indexDir`: takes the ingest lock (failing clearly when another
   * live ingest holds it) and opens the live generation for reuse.
   */
  static open(indexDir: string, embedder: Embedder | null): EmbeddedCorpusWriter {
    const build = beginGeneration(indexDir);
    try {
      return new EmbeddedCorpusWriter(build, openPrevious(indexDir, embedder), embedder);
    } catch (error) {
      build.abandon();
      throw error;
    }
  }

  get previousDocuments(): ReadonlyMap<string, string> {
    return this.previous?.documents ?? new Map();
  }

  get previousSources(): ReadonlySet<string> {
    return this.previous?.sources ?? new Set();
  }

  get documentCount(): number {
    return this.writer.documentCount;
  }

  get chunkCount(): number {
    return this.writer.chunkCount;
  }

  async addDocument(document: DocumentToWrite, chunks: readonly WrittenChunk[]): Promise<{ number: number; needsVectors: boolean }> {
    // A generation holds every passage's vector: unchanged ones come from `reusableVectors`.
    return { number: this.writer.addDocument(document, chunks), needsVectors: this.writer.embeddingDimension !== null };
  }

  async reusableVectors(hashes: readonly (readonly [number, number])[]): Promise<(Float32Array | null)[]> {
    const vectors = this.previous?.vectors;
    return hashes.map(([high, low]) => {
      const row = vectors?.rows.get(hashKey(high, low));
      return vectors && row !== undefined ? readVector(vectors.fd, vectors.dimension, row) : null;
    });
  }

  addVector(vector: Float32Array): void {
    this.writer.addVector(vector);
  }

  addDuplicate(number: number, duplicate: DuplicateSource): void {
    this.writer.addDuplicate(number, duplicate);
  }

  async writePractices(catalog: PracticeCatalogWriter, embedder: Embedder | null, signal?: AbortSignal): Promise<void> {
    // Into the generation folder before its manifest lists the files.
    await catalog.write(this.build.dir, embedder, signal);
  }

  async publish(info: PublishInfo): Promise<string> {
    const { finishLexicalElsewhere, ...manifest } = info;
    await this.writer.finish(manifest, finishLexicalElsewhere);
    const dir = this.build.publish();
    this.release();
    return dir;
  }

  async abandon(): Promise<void> {
    if (!this.finished) this.writer.abort();
    this.build.abandon();
    this.release();
  }

  private release(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.previous?.vectors) fs.closeSync(this.previous.vectors.fd);
  }
}
