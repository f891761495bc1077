/**
 * Worker-thread entry of the prepare pool: analyses batches of articles (see analyze-article.ts)
 * and posts the results back in the order it received them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceArticle } from '../core/documents.ts';
import type { ChunkOptions } from '../core/text/chunk.ts';
import { getJieba } from '../core/text/tokenize.ts';
import { analyzeArticle } from './analyze-article.ts';

/** A batch sent by the pool. */
export interface PrepareRequest {
  id: number;
  articles: SourceArticle[];
}

const { chunking, keepIndexText } = workerData as { chunking: ChunkOptions; keepIndexText: boolean };
// Load the dictionary now, while the main thread is still opening files.
getJieba();
parentPort!.on('message', (request: PrepareRequest) => {
  parentPort!.postMessage({ id: request.id, results: request.articles.map((article) => analyzeArticle(article, chunking, { keepIndexText })) });
});
parentPort!.postMessage({ ready: true });
