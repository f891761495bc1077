/**
 * The retrieval index as everything above it sees it: one loaded corpus version (its documents,
 * passages and texts, word statistics) that answers lexical and vector searches. Two backends
 * implement it: the embedded files (BM25 files + hnswlib, `index-reader.ts`) and PostgreSQL
 * (`postgres/postgres-snapshot.ts`). Fusion, the answer engine and the server are written against
 * this interface only, so both backends rank and answer the same way.
 *
 * Passages are addressed by number: dense within one snapshot, a document's passages consecutive
 * (`firstChunk` … `firstChunk + chunkCount - 1`). Numbers mean nothing across snapshots; the
 * stable id is `chunkId`.
 */
import type { ArticleMetadata, DuplicateSource, IngestProblem, SourceFormat } from '../documents.ts';
import type { PracticeCatalog } from '../practices/catalog.ts';
import type { AnalyzedText } from '../text/tokenize.ts';
import type { ScoredChunk } from './top-k.ts';

export type { ScoredChunk } from './top-k.ts';

/** A document's metadata as a snapshot serves it (its text is read on demand). */
export interface IndexedDocument extends ArticleMetadata {
  docId: string;
  sourcePath: string;
  line?: number;
  format: SourceFormat;
  contentHash: string;
  /** [start, end, level] of each heading, in document order. */
  headings: [number, number, number][];
  /** Length of the text in UTF-16 code units (the unit of all offsets). */
  textLength: number;
  /** Number of the document's first passage, and how many it has. */
  firstChunk: number;
  chunkCount: number;
  /** Number of the document inside this snapshot. */
  number: number;
  duplicates: DuplicateSource[];
  /** Publication year, or 0 when the date is unknown. */
  year: number;
}

/** A passage as a snapshot serves it. */
export interface IndexedChunk {
  /** Stable id: `<docId>#<ordinal>`. */
  chunkId: string;
  /** Number of the passage inside this snapshot. */
  number: number;
  document: IndexedDocument;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  headingPath: string[];
}

/** Which passages a search may return. Every filter is per document. */
export interface PassageFilter {
  /** Only passages from this college (exact name, as in the document list). */
  college?: string | undefined;
  /**
   * Only passages from articles published in this year, and from articles whose date is unknown
   * (they may be from any year; their citations carry an empty date, which the page marks).
   */
  year?: number | undefined;
  /** Only passages from these documents. */
  docIds?: readonly string[] | undefined;
  /** Leave out passages from these documents. */
  excludeDocIds?: readonly string[] | undefined;
}

/** Passage-level statistics of the words field, as the answer engine weighs query words. */
export interface TermStatistics {
  /** Number of passages the statistics are over. */
  readonly chunkCount: number;
  /** Number of passages containing a word (0 when unknown). */
  documentFrequency(word: string): number;
  /** BM25 inverse document frequency of a word over passages (the always-positive Lucene form). */
  idf(word: string): number;
}

export interface VectorSearchOptions {
  /** HNSW search breadth. */
  efSearch: number;
  /** Filtered searches that let through at most this many passages are scored exactly instead of by HNSW. */
  exactSearchLimit: number;
  signal?: AbortSignal | undefined;
}

/** What a snapshot is built on, for health and logs. */
export interface IndexBackendInfo {
  /** `files`: the embedded index folder; `postgres`: a PostgreSQL database. */
  backend: 'files' | 'postgres';
  /** How lexical search ranks: the embedded BM25 files, pg_textsearch's BM25, or the tsvector fallback. */
  lexical: 'bm25-files' | 'pg_textsearch' | 'tsvector-fallback';
  /** The published version: a generation folder's name or a corpus version number. */
  version: string;
  /** What an administrator should know about this choice (e.g. why pg_textsearch is not used). */
  note?: string;
}

/** One loaded, immutable corpus version. */
export interface IndexSnapshot {
  readonly documents: readonly IndexedDocument[];
  readonly chunkCount: number;
  /** Word statistics (the answer engine weighs query words with them). */
  readonly lexical: TermStatistics;
  /** The model whose vectors this snapshot searches, or null when it searches none. */
  readonly vectorModel: string | null;
  /** When the corpus version was built (ISO time). */
  readonly builtAt: string;
  readonly info: IndexBackendInfo;
  /** The 做法库 of this version; null for a version built before it existed. */
  readonly practices: PracticeCatalog | null;
  /** What the ingest of this version skipped, and why (file by file). */
  readonly problems: readonly IngestProblem[];

  document(docId: string): IndexedDocument | undefined;
  /** The cleaned text of a document. Synchronous: the PostgreSQL backend needs `preloadTexts` first. */
  documentText(document: IndexedDocument): string;
  /** Makes the texts of `documents` available to `documentText` and `chunk` (read off the event loop). */
  preloadTexts(documents: readonly IndexedDocument[]): Promise<void>;
  /** The document a passage belongs to (cheap: no text is read). */
  chunkDocument(chunk: number): IndexedDocument;
  /** A passage with its text and heading path (its document's text preloaded). */
  chunk(chunk: number): IndexedChunk;
  /** Finds a passage by its stable id. */
  chunkById(chunkId: string): IndexedChunk | undefined;

  /** The `k` best passages for an analysed query by BM25 (words and bigrams, with document evidence). */
  lexicalSearch(query: AnalyzedText, k: number, filter: PassageFilter | undefined, signal?: AbortSignal): Promise<ScoredChunk[]>;
  /**
   * The `k` passages nearest to `query` by cosine similarity (only when `vectorModel` is set). A
   * filtered search returns up to `k` accepted passages: the filter is applied inside the search,
   * never after it.
   */
  vectorSearch(query: Float32Array, k: number, filter: PassageFilter | undefined, options: VectorSearchOptions): Promise<ScoredChunk[]>;
  /** Why vector search is off for this snapshot and a query model, or null when it is on. */
  vectorStatus(queryModel: string | null): string | null;
  /** Releases what the snapshot holds open. Safe to call twice. */
  close(): void;
}

/** Where snapshots come from: the embedded index folder or a database. */
export interface SnapshotSource {
  /** Identifies the live corpus version (null when there is none yet); cheap enough to poll. */
  currentVersion(): Promise<string | null>;
  /** Loads the live version. Throws INDEX_MISSING, INDEX_SCHEMA_MISMATCH, INDEX_CORRUPT as AppErrors. */
  load(options: { vectorModel: string | null }): Promise<IndexSnapshot>;
  /** Releases connections (the snapshots it loaded are closed by their owner). */
  close(): Promise<void>;
}

/** The passage a stable id (`docId#ordinal`) names in `snapshot`, or undefined. */
export function chunkByIdIn(snapshot: Pick<IndexSnapshot, 'document' | 'chunk'>, chunkId: string): IndexedChunk | undefined {
  const hash = chunkId.lastIndexOf('#');
  if (hash < 0) return undefined;
  const document = snapshot.document(chunkId.slice(0, hash));
  const ordinal = Number(chunkId.slice(hash + 1));
  if (!document || !Number.isInteger(ordinal) || ordinal < 0 || ordinal >= document.chunkCount) return undefined;
  return snapshot.chunk(document.firstChunk + ordinal);
}

/** True when `filter` restricts nothing. */
export function isEmptyFilter(filter: PassageFilter | undefined): boolean {
  return !filter || (!filter.college && !filter.year && !filter.docIds && !(filter.excludeDocIds && filter.excludeDocIds.length > 0));
}

/** A document predicate for `filter`, or undefined when nothing is filtered. */
export function documentMatcher(filter: PassageFilter | undefined): ((document: IndexedDocument) => boolean) | undefined {
  if (!filter || isEmptyFilter(filter)) return undefined;
  const { college, year, docIds, excludeDocIds } = filter;
  const include = docIds ? new Set(docIds) : null;
  const exclude = excludeDocIds && excludeDocIds.length > 0 ? new Set(excludeDocIds) : null;
  return (document) =>
    (!college || document.college === college) &&
    (!year || document.year === year || document.year === 0) &&
    (!include || include.has(document.docId)) &&
    (!exclude || !exclude.has(document.docId));
}

/**
 * The passages `accept` lets through as runs of consecutive numbers (one per document), and how
 * many there are; stops counting once past `limit`.
 */
export function acceptedRanges(documents: readonly IndexedDocument[], accept: (document: IndexedDocument) => boolean, limit: number): { ranges: [number, number][]; passages: number } {
  const ranges: [number, number][] = [];
  let passages = 0;
  for (const document of documents) {
    if (document.chunkCount === 0 || !accept(document)) continue;
    ranges.push([document.firstChunk, document.chunkCount]);
    passages += document.chunkCount;
    if (passages > limit) break;
  }
  return { ranges, passages };
}
