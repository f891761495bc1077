/**
 * Worker-thread entry of the prepare pool: analyses batches of articles (see analyze-article.ts)
 * and posts the results back in the order it received them. At the end of an ingest it may also
 * finish one field of the lexical index, while the main thread finishes the other.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceArticle } from '../core/documents.ts';
import { LexicalIndexBuilder, type LexicalBuildState } from '../core/index/lexical-builder.ts';
import type { LexicalStats } from '../core/index/lexical-index.ts';
import type { ChunkOptions } from '../core/text/chunk.ts';
import { getJieba } from '../core/text/tokenize.ts';
import { analyzeArticle, type AnalyzedArticle } from './analyze-article.ts';

/** A message from the pool: a batch to analyse, or a lexical field to finish into `outDir`. */
export type PrepareRequest = { id: number; articles: SourceArticle[] } | { id: number; lexical: LexicalBuildState; outDir: string };

/** The answer to a request, with its id. */
export type PrepareReply = { id: number; results: AnalyzedArticle[] } | { id: number; stats: LexicalStats };

const { chunking, keepIndexText } = workerData as { chunking: ChunkOptions; keepIndexText: boolean };
// Load the dictionary now, while the main thread is still opening files.
getJieba();
parentPort!.on('message', (request: PrepareRequest) => {
  const reply: PrepareReply =
    'articles' in request
      ? { id: request.id, results: request.articles.map((article) => analyzeArticle(article, chunking, { keepIndexText })) }
      : { id: request.id, stats: LexicalIndexBuilder.resume(request.lexical).finish(request.outDir) };
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
