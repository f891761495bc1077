/**
 * Turns one source article into a document ready to index: cleaned text, metadata, passages,
 * and for each passage the text the lexical index and the embedding model see.
 */
import { hash } from 'node:crypto';
import type { ArticleMetadata, SourceArticle } from '../core/documents.ts';
import { cleanArticleText } from '../core/text/clean.ts';
import { extractMetadata } from '../core/text/metadata.ts';
import { chunkText, type ChunkOptions, type Heading } from '../core/text/chunk.ts';

export interface PreparedChunk {
  start: number;
  end: number;
  /** Indices into the document's headings. */
  headingPath: number[];
  /** Passage text with its context (title, college and unit, enclosing headings), for indexing and embedding. */
  indexText: string;
  /** Where the passage itself starts in `indexText`: after its context and a line break (0 without context). */
  bodyStart: number;
}

export interface PreparedDocument extends ArticleMetadata {
  docId: string;
  sourcePath: string;
  line: number | undefined;
  format: SourceArticle['format'];
  text: string;
  contentHash: string;
  headings: Heading[];
  chunks: PreparedChunk[];
}

/**
 * The context line put in front of every passage of a document: a passage about `党员志愿服务`
 * in the Hunan article should match a query naming the college, though the passage does not.
 */
export function contextLine(metadata: ArticleMetadata): string {
  const unit = metadata.unit && metadata.college ? `${metadata.college}${metadata.unit}` : metadata.unit || metadata.college;
  return [metadata.title, unit].filter((part) => part.length > 0 && !(part === unit && metadata.title.includes(unit))).join(' ');
}

/**
 * The text a passage is indexed and embedded as: the document's context line and the headings
 * above it (not those inside it), then the passage; and where the passage starts in it.
 */
export function passageIndexText(
  context: string,
  text: string,
  headings: readonly { start: number; end: number }[],
  chunk: { start: number; end: number; headingPath: readonly number[] },
): { indexText: string; bodyStart: number } {
  // Headings already inside the passage need not be repeated in front of it.
  const outerHeadings = chunk.headingPath.map((index) => headings[index]!).filter((heading) => heading.start < chunk.start);
  const prefix = [context, ...outerHeadings.map((heading) => text.slice(heading.start, heading.end))].filter(Boolean).join('\n');
  const body = text.slice(chunk.start, chunk.end);
  return { indexText: prefix ? `${prefix}\n${body}` : body, bodyStart: prefix ? prefix.length + 1 : 0 };
}

/** Cleans, describes and chunks an article. Returns null when nothing is left after cleaning. */
export function prepareArticle(article: SourceArticle, options: ChunkOptions): PreparedDocument | null {
  const cleaned = cleanArticleText(article.text, { keepFirstLine: Boolean(article.given.title) });
  if (cleaned.text.trim().length === 0) return null;
  const metadata = extractMetadata({ text: cleaned.text, hints: cleaned.hints, given: article.given });
  const { headings, chunks } = chunkText(cleaned.text, options);
  const context = contextLine(metadata);
  const prepared: PreparedChunk[] = chunks.map((chunk) => ({ start: chunk.start, end: chunk.end, headingPath: chunk.headingPath, ...passageIndexText(context, cleaned.text, headings, chunk) }));
  const contentHash = hash('sha256', JSON.stringify([metadata, cleaned.text])).slice(0, 32);
  return {
    ...metadata,
    docId: article.docId,
    sourcePath: article.sourcePath,
    line: article.line,
    format: article.format,
    text: cleaned.text,
    contentHash,
    headings,
    chunks: prepared,
  };
}
