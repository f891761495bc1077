/**
 * File layout of an index generation, shared by the writer (ingest) and the reader (server).
 *
 * - `documents.jsonl`   one StoredDocument per line (metadata, headings, where its text is)
 * - `texts.bin`         the cleaned texts, UTF-8, back to back (read on demand, not loaded)
 * - `chunks.u32`        per passage: document number, start, end, heading-path offset, length
 * - `chunk-paths.u32`   heading paths, flattened (indices into the document's headings)
 * - `chunk-hashes.u32`  per passage: 64-bit hash of the embedded text (reuse on re-ingest)
 * - `vectors.f32`       per passage: its embedding (when a model was loaded)
 * - `vectors.hnsw`      the HNSW graph over those vectors
 * - `duplicates.json`   reposts folded into a kept document: { [document number]: DuplicateSource[] }
 * - `lexical-*`         the BM25 index (see lexical-index.ts)
 * - `manifest.json`     written last (see manifest.ts)
 */
import type { IndexedDocument } from './index-snapshot.ts';

export const indexFiles = {
  documents: 'documents.jsonl',
  texts: 'texts.bin',
  chunks: 'chunks.u32',
  chunkPaths: 'chunk-paths.u32',
  chunkHashes: 'chunk-hashes.u32',
  vectors: 'vectors.f32',
  hnsw: 'vectors.hnsw',
  duplicates: 'duplicates.json',
} as const;

/** Fields per passage in `chunks.u32`. */
export const chunkFields = 5;

/**
 * A document as stored: what a snapshot serves (but its number, reposts and year, derived at load)
 * and where its text lives in `texts.bin`.
 */
export interface StoredDocument extends Omit<IndexedDocument, 'number' | 'duplicates' | 'year'> {
  /** Byte offset and length of the text in `texts.bin`. */
  textOffset: number;
  textBytes: number;
}
