/**
 * The hnswlib-node adapter: the only file that imports hnswlib-node. Vectors are L2-normalised,
 * so the inner-product space gives cosine similarity (`score = 1 - distance`). Labels are chunk
 * numbers.
 */
import fs from 'node:fs';
import hnswlib from 'hnswlib-node';
import { AppError } from '../errors.ts';
import type { ScoredChunk } from './lexical-index.ts';

export interface HnswParameters {
  m: number;
  efConstruction: number;
}

/** A loaded or freshly built HNSW index. */
export class VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimension: number,
  ) {}

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

  /** Loads an index file written by `write`. */
  static load(file: string, dimension: number, expectedCount: number): VectorIndex {
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
    return new VectorIndex(index, dimension);
  }

  /**
   * `load` without blocking: hnswlib reads and rebuilds the graph in its own worker thread, so a
   * serving process keeps answering while a new generation's graph comes in.
   */
  static async loadAsync(file: string, dimension: number, expectedCount: number): Promise<VectorIndex> {
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
    return new VectorIndex(index, dimension);
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
}
