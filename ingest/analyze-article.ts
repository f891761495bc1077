/**
 * The per-article work of an ingest that needs nothing but the article itself: clean, describe,
 * chunk, fingerprint for near-duplicates, tokenise every passage and hash it, find its practices.
 * Being pure, it can run on any thread; `prepare-pool.ts` runs it in worker threads for large
 * corpora, so jieba and the text clean-up use the other cores while the main thread builds the index.
 */
import { hash } from 'node:crypto';
import type { SourceArticle } from '../core/documents.ts';
import { practiceRecords, type PracticeRecord } from '../core/practices/record.ts';
import type { ChunkOptions } from '../core/text/chunk.ts';
import { analyzeForIndex, joinAnalyses, type PackedAnalysis } from '../core/text/tokenize.ts';
import { fingerprint, type Fingerprint } from './near-duplicates.ts';
import { prepareArticle, type PreparedDocument } from './prepare.ts';

/** What analysing one article produced. */
export type AnalyzedArticle =
  | {
      kind: 'ready';
      document: PreparedDocument;
      print: Fingerprint;
      /** Words and bigrams (as keys) of each passage's index text, in passage order. */
      analyzed: PackedAnalysis[];
      /** 64-bit hash of each passage's index text, as two 32-bit halves. */
      hashes: [number, number][];
      /** The article's named practices, for the 做法库. */
      practices: PracticeRecord[];
    }
  | { kind: 'empty' }
  | { kind: 'failed'; message: string };

/** 64-bit hash of a passage's embedded text, as two 32-bit halves (first 8 bytes of SHA-1). */
export function hashText(text: string): [number, number] {
  // One-shot hashing: a Hash object per passage cost three native calls and two allocations.
  const digest = hash('sha1', text, 'buffer');
  return [digest.readUInt32LE(0), digest.readUInt32LE(4)];
}

/**
 * Analyses one article. Never throws: a failure is returned with its message. Without
 * `keepIndexText` the passages' index texts are dropped once analysed (only the embedding model
 * needs them; between threads they would double the text to copy).
 */
export function analyzeArticle(article: SourceArticle, chunking: ChunkOptions, { keepIndexText = true }: { keepIndexText?: boolean } = {}): AnalyzedArticle {
  try {
    const document = prepareArticle(article, chunking);
    if (!document) return { kind: 'empty' };
    // Passages of one section share their context (title, college, headings): analyse it once.
    const contexts = new Map<string, PackedAnalysis>();
    const analyzed = document.chunks.map((chunk) => {
      if (chunk.bodyStart === 0) return analyzeForIndex(chunk.indexText);
      const context = chunk.indexText.slice(0, chunk.bodyStart - 1);
      let before = contexts.get(context);
      if (!before) {
        before = analyzeForIndex(context);
        contexts.set(context, before);
      }
      return joinAnalyses(before, analyzeForIndex(chunk.indexText.slice(chunk.bodyStart)));
    });
    const hashes = document.chunks.map((chunk) => hashText(chunk.indexText));
    if (!keepIndexText) for (const chunk of document.chunks) chunk.indexText = '';
    return { kind: 'ready', document, print: fingerprint(document.text), analyzed, hashes, practices: practiceRecords(document) };
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message ?? String(error) };
  }
}
