/**
 * The hnswlib-node adapter: the only file that imports hnswlib-node. Vectors are L2-normalised,
 * so the inner-product space gives cosine similarity (`score = 1 - distance`). Labels are chunk
 * numbers.
 *
 * A filtered search that lets through only a few passages (one college's articles in a corpus of
 * thousands) is the case where HNSW is slowest: the graph walk keeps visiting rejected nodes until
 * it has found `k` accepted ones, most of the graph when few pass. Such searches read the accepted
 * passages' rows from `vectors.f32` instead and score them exactly (see the retriever's limit).
 */
import fs from 'node:fs';
import hnswlib from 'hnswlib-node';
import { dot } from '../embedding/embedder.ts';
import { AppError } from '../errors.ts';
import { TopK, type ScoredChunk } from './top-k.ts';

/** A run of consecutive chunk numbers (one document's passages): `[first, count]`. */
export type ChunkRange = readonly [first: number, count: number];

export interface HnswParameters {
  m: number;
  efConstruction: number;
}

/** A loaded or freshly built HNSW index. */
export class VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimension: number,
    /** `vectors.f32` of the same generation (row `n` is chunk `n`), for exact search; null when built in memory. */
    private readonly rowsFile: string | null = null,
  ) {}

  /** Whether `searchExact` can run (the index was loaded from a generation with its rows file). */
  get canSearchExact(): boolean {
    return this.rowsFile !== null;
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  /**
   * Builds an index over `count` vectors read by `vectorAt` (chunk number → vector). A fixed
   * random seed keeps builds reproducible.
   */
  static build(dimension: number, count: number, vectorAt: (chunk: number) => Float32Array, parameters: HnswParameters): VectorIndex {
    const index = new hnswlib.HierarchicalNSW('ip', dimension);
    index.initIndex({ maxElements: Math.max(1, count), m: parameters.m, efConstruction: parameters.efConstruction, randomSeed: 100 });
    for (let chunk = 0; chunk < count; chunk++) index.addPoint(Array.from(vectorAt(chunk)), chunk);
    return new VectorIndex(index, dimension);
  }

  /** Loads an index file written by `write`; `rowsFile` is the generation's `vectors.f32` (see `searchExact`). */
  static load(file: string, dimension: number, expectedCount: number, rowsFile: string | null = null): VectorIndex {
    if (!fs.existsSync(file)) throw new AppError('INDEX_CORRUPT', `${file} is missing`);
    const index = new hnswlib.HierarchicalNSW('ip', dimension);
    try {
      index.readIndexSync(file);
    } catch (error) {
      throw new AppError('INDEX_CORRUPT', `${file} could not be read: ${(error as Error).message}`, { cause: error });
    }
    if (index.getCurrentCount() !== expectedCount) {
      throw new AppError('INDEX_CORRUPT', `${file} holds ${index.getCurrentCount()} vectors; the index has ${expectedCount} passages`);
    }
    return new VectorIndex(index, dimension, rowsFile);
  }

  /**
   * `load` without blocking: hnswlib reads and rebuilds the graph in its own worker thread, so a
   * serving process keeps answering while a new generation's graph comes in.
   */
  static async loadAsync(file: string, dimension: number, expectedCount: number, rowsFile: string | null = null): Promise<VectorIndex> {
    if (!fs.existsSync(file)) throw new AppError('INDEX_CORRUPT', `${file} is missing`);
    const index = new hnswlib.HierarchicalNSW('ip', dimension);
    try {
      await index.readIndex(file);
    } catch (error) {
      throw new AppError('INDEX_CORRUPT', `${file} could not be read: ${(error as Error).message}`, { cause: error });
    }
    if (index.getCurrentCount() !== expectedCount) {
      throw new AppError('INDEX_CORRUPT', `${file} holds ${index.getCurrentCount()} vectors; the index has ${expectedCount} passages`);
    }
    return new VectorIndex(index, dimension, rowsFile);
  }

  write(file: string): void {
    this.index.writeIndexSync(file);
  }

  /**
   * The `k` nearest chunks by cosine similarity. `ef` trades recall for speed; `accept` filters
   * chunks inside the graph search, so filtered queries still return up to `k` results.
   */
  search(query: Float32Array, k: number, ef: number, accept?: (chunk: number) => boolean): ScoredChunk[] {
    const count = this.index.getCurrentCount();
    if (count === 0 || k <= 0) return [];
    if (query.length !== this.dimension) {
      throw new AppError('EMBEDDING_MISMATCH', `query vector has ${query.length} dimensions; the index has ${this.dimension}`);
    }
    const limit = Math.min(k, count);
    this.index.setEf(Math.max(ef, limit));
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), limit, accept);
    return neighbors.map((chunk, position) => ({ chunk, score: 1 - distances[position]! }));
  }

  /**
   * The `k` nearest chunks among `ranges`, by exact cosine similarity over their stored rows
   * (scores on the same scale as `search`). Cost grows with the rows read (2 KB each at 512
   * dimensions), so callers use it for small filtered sets. Throws INDEX_CORRUPT when the rows
   * file is gone or short (a generation removed under a long request): callers fall back to `search`.
   */
  searchExact(query: Float32Array, ranges: readonly ChunkRange[], k: number): ScoredChunk[] {
    if (this.rowsFile === null) throw new AppError('INTERNAL', 'exact search needs the index loaded from its generation');
    if (query.length !== this.dimension) {
      throw new AppError('EMBEDDING_MISMATCH', `query vector has ${query.length} dimensions; the index has ${this.dimension}`);
    }
    const rowBytes = this.dimension * 4;
    const largest = ranges.reduce((most, [, count]) => Math.max(most, count), 0);
    if (k <= 0 || largest === 0) return [];
    // A Float32Array first: a pooled Buffer's offset need not be a multiple of 4.
    const rows = new Float32Array(largest * this.dimension);
    const buffer = Buffer.from(rows.buffer);
    const top = new TopK(k);
    let fd: number;
    try {
      fd = fs.openSync(this.rowsFile, 'r');
    } catch (error) {
      throw new AppError('INDEX_CORRUPT', `${this.rowsFile} cannot be opened`, { cause: error });
    }
    try {
      for (const [first, count] of ranges) {
        const bytes = count * rowBytes;
        if (bytes === 0) continue;
        if (fs.readSync(fd, buffer, 0, bytes, first * rowBytes) !== bytes) throw new AppError('INDEX_CORRUPT', `${this.rowsFile} is truncated`);
        for (let row = 0; row < count; row++) top.offer(first + row, dot(query, rows.subarray(row * this.dimension, (row + 1) * this.dimension)));
      }
    } finally {
      fs.closeSync(fd);
    }
    return top.sorted();
  }
}
