/**
 * One loaded field of the lexical index: its postings, a term lookup by binary search, and the
 * BM25 length normalisation of every passage and document, computed once at load, not per query.
 */
import path from 'node:path';
import { AppError } from '../errors.ts';
import { GrowableUint32Array, decodeInSlices, typedArrayOf, type Loader } from './binary-io.ts';
import { bm25Norm } from './bm25.ts';
import type { Bm25Parameters, LexicalField, LexicalFieldFiles } from './lexical-index.ts';

/** One loaded field: postings plus the per-chunk and per-document length normalisation. */
export class FieldIndex {
  /** All terms in term-id order, newline-separated, as one string (see `termStarts`). */
  private readonly termText: string;
  /**
   * Where each term starts in `termText` (length V + 1; the last entry is one past the end).
   * One string and an offset table instead of an array of a million small strings: loading is a
   * scan instead of a split, and the server's heap holds two objects instead of a million.
   */
  private readonly termStarts: Uint32Array;
  private readonly order: Uint32Array;
  private readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
  readonly frequencies: Uint16Array;
  /** `bm25Norm` of each chunk and each document. */
  readonly chunkNorms: Float32Array;
  readonly documentNorms: Float32Array;
  readonly chunkCount: number;

  private constructor(parts: {
    termText: string;
    termStarts: Uint32Array;
    order: Uint32Array;
    offsets: Uint32Array;
    postings: Uint32Array;
    frequencies: Uint16Array;
    chunkNorms: Float32Array;
    documentNorms: Float32Array;
  }) {
    this.termText = parts.termText;
    this.termStarts = parts.termStarts;
    this.order = parts.order;
    this.offsets = parts.offsets;
    this.postings = parts.postings;
    this.frequencies = parts.frequencies;
    this.chunkNorms = parts.chunkNorms;
    this.documentNorms = parts.documentNorms;
    this.chunkCount = parts.chunkNorms.length;
  }

  /**
   * Loads one field's files (see `runLoaderSync` / `runLoaderAsync`). The caller names them
   * (`lexicalFiles(field)`): this file needs only types from lexical-index.ts, so no import cycle.
   */
  static *load(directory: string, field: LexicalField, files: LexicalFieldFiles, parameters: Bm25Parameters, chunkDocuments: Uint32Array, documentCount: number): Loader<FieldIndex> {
    const file = (name: string): string => path.join(directory, name);
    const termText = yield* decodeInSlices((yield { read: file(files.terms) })!);
    yield { pause: true };
    const starts = new GrowableUint32Array(1 << 16);
    if (termText.length > 0) starts.push(0);
    for (let at = termText.indexOf('\n'); at >= 0; at = termText.indexOf('\n', at + 1)) {
      starts.push(at + 1);
      // A million-term vocabulary takes tens of milliseconds to scan: do it in slices.
      if ((starts.length & 0xffff) === 0) yield { pause: true };
    }
    const termCount = starts.length;
    starts.push(termText.length + 1);
    const termStarts = starts.view();
    yield { pause: true };
    const order = typedArrayOf((yield { read: file(files.order) })!, Uint32Array, file(files.order));
    const offsets = typedArrayOf((yield { read: file(files.offsets) })!, Uint32Array, file(files.offsets));
    const postings = typedArrayOf((yield { read: file(files.postings) })!, Uint32Array, file(files.postings));
    const frequencies = typedArrayOf((yield { read: file(files.frequencies) })!, Uint16Array, file(files.frequencies));
    const lengths = typedArrayOf((yield { read: file(files.lengths) })!, Uint32Array, file(files.lengths));
    if (
      order.length !== termCount ||
      offsets.length !== termCount + 1 ||
      offsets[termCount] !== postings.length ||
      frequencies.length !== postings.length ||
      lengths.length !== chunkDocuments.length
    ) {
      throw new AppError('INDEX_CORRUPT', `${directory}: ${field} index files do not agree with each other`);
    }
    const chunkCount = lengths.length;
    const documentLengths = new Float64Array(documentCount);
    let total = 0;
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      total += lengths[chunk]!;
      documentLengths[chunkDocuments[chunk]!]! += lengths[chunk]!;
    }
    const { k1, b } = parameters;
    const chunkAverage = chunkCount === 0 ? 1 : Math.max(1, total / chunkCount);
    const documentAverage = documentCount === 0 ? 1 : Math.max(1, total / documentCount);
    const chunkNorms = new Float32Array(chunkCount);
    for (let chunk = 0; chunk < chunkCount; chunk++) chunkNorms[chunk] = bm25Norm(k1, b, lengths[chunk]!, chunkAverage);
    const documentNorms = new Float32Array(documentCount);
    for (let document = 0; document < documentCount; document++) documentNorms[document] = bm25Norm(k1, b, documentLengths[document]!, documentAverage);
    yield { pause: true };
    return new FieldIndex({ termText, termStarts, order, offsets, postings, frequencies, chunkNorms, documentNorms });
  }

  /** Compares term `id` with `term` by UTF-16 code units, as `<` does, without slicing it out. */
  private compareTerm(id: number, term: string): number {
    const start = this.termStarts[id]!;
    const length = this.termStarts[id + 1]! - 1 - start;
    const text = this.termText;
    const shared = Math.min(length, term.length);
    for (let index = 0; index < shared; index++) {
      const difference = text.charCodeAt(start + index) - term.charCodeAt(index);
      if (difference !== 0) return difference;
    }
    return length - term.length;
  }

  /** The term id of `term`, or -1 (binary search over the sorted order: no Map to build at load). */
  termId(term: string): number {
    let low = 0;
    let high = this.order.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const id = this.order[middle]!;
      const comparison = this.compareTerm(id, term);
      if (comparison === 0) return id;
      if (comparison < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Postings range of a term id. */
  range(id: number): [number, number] {
    return [this.offsets[id]!, this.offsets[id + 1]!];
  }
}
