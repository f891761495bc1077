/**
 * Where an ingest writes, as the pipeline sees it: a new corpus version that becomes live, all at
 * once, when it is published. Two backends implement it: a new generation folder of the embedded
 * index (`embedded-writer.ts`) and a corpus version in PostgreSQL (`postgres/postgres-writer.ts`).
 *
 * An ingest adds every article of the corpus; publishing makes exactly those the corpus, so an
 * article the corpus no longer has is deleted then. A backend may keep an unchanged article as it
 * is (same content hash) instead of writing it again; it says so by not asking for its vectors.
 */
import type { DuplicateSource, IngestProblem } from '../documents.ts';
import type { Embedder } from '../embedding/embedder.ts';
import type { PracticeCatalogWriter } from '../practices/store.ts';
import type { DocumentToWrite, WrittenChunk } from './index-writer.ts';
import type { LexicalBuildState } from './lexical-builder.ts';
import type { LexicalStats } from './lexical-index.ts';
import type { HnswParameters } from './vector-index.ts';

/** What the writer cannot know itself, recorded with the published version. */
export interface PublishInfo {
  createdAt: string;
  buildMs: number;
  corpus: { directory: string; fingerprint: string; files: number };
  counts: { duplicates: number; skipped: number };
  chunking: { size: number; overlap: number };
  embedding: ({ model: string } & HnswParameters) | null;
  problems: IngestProblem[];
  /**
   * May take the words field of the embedded lexical index to finish on another thread (returns
   * null when it cannot); other backends ignore it.
   */
  finishLexicalElsewhere?: ((state: LexicalBuildState, outDir: string) => Promise<LexicalStats> | null) | undefined;
}

export interface CorpusWriter {
  /** docId → content hash of the live version's documents: what this ingest is compared with. */
  readonly previousDocuments: ReadonlyMap<string, string>;
  /** Corpus files (relative paths) that hold a document of the live version. */
  readonly previousSources: ReadonlySet<string>;
  /** Documents and passages added so far. */
  readonly documentCount: number;
  readonly chunkCount: number;
  /**
   * Adds the next document of the corpus. Resolves to its number in this version and whether its
   * passages need vectors: then the ingest calls `addVector` once per passage, in passage order
   * (vectors may come later than the documents that follow).
   */
  addDocument(document: DocumentToWrite, chunks: readonly WrittenChunk[]): Promise<{ number: number; needsVectors: boolean }>;
  /** Vectors of the ingest's model the live version holds for passages with these text hashes (null where none). */
  reusableVectors(hashes: readonly (readonly [number, number])[]): Promise<(Float32Array | null)[]>;
  /** The vector of the next passage waiting for one. */
  addVector(vector: Float32Array): void;
  /** Records that the article `duplicate` was folded into document `number`. */
  addDuplicate(number: number, duplicate: DuplicateSource): void;
  /** Stores the practice catalog (做法库) of this version, with vectors when the ingest embeds. */
  writePractices(catalog: PracticeCatalogWriter, embedder: Embedder | null, signal?: AbortSignal): Promise<void>;
  /** Makes what was added the live corpus version in one step. Resolves to where it was published. */
  publish(info: PublishInfo): Promise<string>;
  /** Drops what was written; the live version stays as it was. Safe to call after a failure. */
  abandon(): Promise<void>;
}
