/**
 * Bench child for "re-ingest while serving": the Fastify app on one index, with a Reindexer
 * whose ingest runs in its own process; the parent drives search load over HTTP and asks for the
 * re-ingest. Reports how long the swap's load took and the longest event-loop stall around it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AnswerService } from '../core/answer/answer-service.ts';
import { loadConfig } from '../core/config.ts';
import { loadTransformersEmbedder } from '../core/embedding/transformers-embedder.ts';
import { SearchService } from '../core/retrieval/search-service.ts';
import { buildApp } from '../server/app.ts';
import { Reindexer } from '../server/reindexer.ts';
import { projectionEmbedder, type IdfTable } from './projection-embedder.ts';

export interface ReingestServerTask {
  corpusDir: string;
  indexDir: string;
  idfFile: string;
  idf: { idf: IdfTable; unseen: number };
  queryModel: { modelsDir: string; modelId: string } | null;
  efSearch: number;
}

export type ReingestServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'ingest-done'; code: number | null; ingestMs: number }
  | { type: 'swapped'; swapLoadMs: number; maxEventLoopDelayMs: number; p99EventLoopDelayMs: number; chunks: number }
  | { type: 'log'; line: string }
  | { type: 'error'; error: string };

const send = (message: ReingestServerMessage): void => void process.send!(message);

process.once('message', async (task: ReingestServerTask) => {
  try {
    const config = loadConfig({ INDEX_DIR: task.indexDir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent', HNSW_EF_SEARCH: String(task.efSearch) });
    const queryCost = task.queryModel
      ? (await loadTransformersEmbedder({ modelId: task.queryModel.modelId, modelsDir: task.queryModel.modelsDir, allowRemote: false, remoteHost: 'https://huggingface.co/' })).embedder
      : null;
    const search = new SearchService({ indexDir: task.indexDir, embedder: projectionEmbedder(task.idf, queryCost), retriever: { efSearch: task.efSearch } });
    await search.loadAsync();
    const app = await buildApp({ config, search, answers: new AnswerService({ search, generator: null }), logger: false });
    let swapLoadMs = 0;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const reindexer = new Reindexer({
      corpusDir: task.corpusDir,
      indexDir: task.indexDir,
      script: new URL('./reingest-ingest.ts', import.meta.url).pathname,
      env: { ...process.env, BENCH_IDF_FILE: task.idfFile },
      logger: {
        info: (details, message) => send({ type: 'log', line: `${message} ${JSON.stringify(details)}` }),
        warn: (details, message) => send({ type: 'log', line: `WARN ${message} ${JSON.stringify(details)}` }),
      },
      onPublished: async () => {
        const started = performance.now();
        delay.reset();
        delay.enable();
        await search.reloadIfChangedAsync();
        swapLoadMs = performance.now() - started;
        // Let a few more ticks run so a stall right after the swap is seen too.
        await new Promise((resolve) => setTimeout(resolve, 200));
        delay.disable();
      },
    });
    process.on('message', async (message: { type: string }) => {
      if (message.type === 'reingest') {
        const outcome = await reindexer.run('bench');
        send({ type: 'ingest-done', code: outcome.code, ingestMs: outcome.milliseconds });
        send({ type: 'swapped', swapLoadMs, maxEventLoopDelayMs: delay.max / 1e6, p99EventLoopDelayMs: delay.percentile(99) / 1e6, chunks: search.status().chunks });
      } else if (message.type === 'stop') {
        await reindexer.close();
        await app.close();
        search.close();
        process.exit(0);
      }
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  } catch (error) {
    send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
});
