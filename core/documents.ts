/**
 * The shapes that flow from corpus files to the index: a source article as a reader produces it,
 * the cleaned document with its metadata, and the passages (chunks) cut from it.
 */

/** Article metadata. A field the article does not state is the empty string, never a guess. */
export interface ArticleMetadata {
  title: string;
  /** The college (学校), e.g. 嘉兴职业技术学院. */
  college: string;
  /** The unit inside it (学院/系/党委/党总支/党支部), e.g. 自动化学院党总支. */
  unit: string;
  /** Publication date: YYYY-MM-DD, or YYYY-MM / YYYY when only that much is stated. */
  date: string;
  /** Publisher or outlet (来源), e.g. 中国教育报客户端. */
  source: string;
  /** Author(s) or correspondent(s), space separated. */
  author: string;
  url: string;
}

export const metadataFields = ['title', 'college', 'unit', 'date', 'source', 'author', 'url'] as const satisfies readonly (keyof ArticleMetadata)[];

export function emptyMetadata(): ArticleMetadata {
  return { title: '', college: '', unit: '', date: '', source: '', author: '', url: '' };
}

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf' | 'jsonl';

/** One article as a reader produced it, before cleaning. */
export interface SourceArticle {
  /** Stable id: the `.jsonl` `id`/`_id` when given, else the file's path relative to the corpus without extension. */
  docId: string;
  /** Path relative to the corpus folder, with forward slashes. */
  sourcePath: string;
  /** 1-based line number inside a `.jsonl` file. */
  line?: number;
  format: SourceFormat;
  /** Decoded text: for HTML/DOCX/PDF already converted to plain text with one block per line. */
  text: string;
  /** Metadata the source states explicitly (JSONL fields, front matter, HTML meta); overrides extraction. */
  given: Partial<ArticleMetadata>;
}

/** A file or line that could not be ingested, and why. Ingest reports these and goes on. */
export interface IngestProblem {
  sourcePath: string;
  line?: number;
  /** Stable reason code, e.g. EMPTY, BINARY, UNDECODABLE, MALFORMED_JSON, MISSING_FIELD. */
  reason: string;
  message: string;
}

/** Where a near-duplicate article was also found. */
export interface DuplicateSource {
  docId: string;
  sourcePath: string;
  title: string;
  source: string;
  url: string;
}

/** A cleaned, ready-to-index document. */
export interface DocumentRecord extends ArticleMetadata {
  docId: string;
  sourcePath: string;
  format: SourceFormat;
  /** The cleaned document text; chunk offsets point into it. */
  text: string;
  /** Hash of the cleaned text and metadata, to detect changes between ingests. */
  contentHash: string;
  /** Other copies of the same story (reposts) that were folded into this document. */
  duplicates: DuplicateSource[];
}

/** A passage of a document. `text === document.text.slice(start, end)` always holds. */
export interface ChunkRecord {
  chunkId: string;
  docId: string;
  /** Position of the chunk within its document, from 0. */
  ordinal: number;
  start: number;
  end: number;
  text: string;
  /** Headings above this passage, outermost first, e.g. ['二、实施过程与成效', '（一）实施过程']. */
  headingPath: string[];
}
