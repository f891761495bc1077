/**
 * Bench child: starts the server's search stack on one index the way `npm start` does (query
 * model, SearchService, Fastify app listening), then measures start time, resident memory,
 * retrieval latency per stage, and HNSW recall@10 against exact search on the same vectors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AnswerService } from '../core/answer/answer-service.ts';
import { loadConfig } from '../core/config.ts';
import { loadTransformersEmbedder } from '../core/embedding/transformers-embedder.ts';
import { currentGenerationDir } from '../core/index/generations.ts';
import type { EmbeddedSnapshot } from '../core/index/index-reader.ts';
import { indexFiles } from '../core/index/layout.ts';
import { SearchService } from '../core/retrieval/search-service.ts';
import { buildApp } from '../server/app.ts';
import { childMain, runChild } from './child.ts';
import { projectText, projectionEmbedder, projectionModelId, type IdfTable } from './projection-embedder.ts';
import { machineLoad, memoryNow, round, summarize, type Summary } from './stats.ts';
import type { WebsocketResult, WebsocketTask } from './websocket-child.ts';

export interface ServeTask {
  indexDir: string;
  queries: string[];
  /**
   * Held-out passages (another collection) used as recall queries: the standard ANN benchmark
   * setting. Short questions embedded with the stand-in have few bigrams, so beyond their few
   * real matches their exact top 10 are near-ties at noise level; their recall is reported too.
   */
  recallPassages: string[];
  /** Timing model for query embedding (the real model's shape), or null for none. */
  queryModel: { modelsDir: string; modelId: string } | null;
  idf: { idf: IdfTable; unseen: number };
  efSearch: number;
  efSweep: number[];
  k: number;
  passes: number;
  /** Websocket measurements (a client process against this server), or null to skip them. */
  websocket: Omit<WebsocketTask, 'url' | 'questions'> | null;
}

export interface ServeResult {
  chunks: number;
  documents: number;
  mode: string | null;
  /** Process start to the app listening (includes loading code, the query model and the index). */
  startToListenMs: number;
  modelLoadMs: number;
  /** SearchService.load: reading the index generation (the part that grows with the corpus). */
  indexLoadMs: number;
  appReadyMs: number;
  rssAfterLoadBytes: number;
  rssAfterQueriesBytes: number;
  peakRssBytes: number | null;
  latency: { embed: Summary; lexical: Summary; vector: Summary; fuse: Summary; total: Summary };
  recall: { ef: number; passages: number; questions: number; vectorSearch: Summary }[];
  exactSearchMs: Summary;
  websocket: WebsocketResult | null;
  load: ReturnType<typeof machineLoad>;
}

childMain<ServeTask, ServeResult>(async (task, progress) => {
  // Rate limits off and room for every bench session: all of them come from 127.0.0.1.
  const config = loadConfig({
    INDEX_DIR: task.indexDir,
    RATE_LIMIT_PER_MINUTE: '0',
    MAX_CONNECTIONS_PER_CLIENT: String(Math.max(50, (task.websocket?.sessions ?? 0) + 10)),
    LOG_LEVEL: 'silent',
    HNSW_EF_SEARCH: String(task.efSearch),
  });
  // As server/main.ts does: the query model and the index load at the same time.
  const loadStarted = performance.now();
  const since = (): number => performance.now() - loadStarted;
  const modelLoading = (
    task.queryModel
      ? loadTransformersEmbedder({ modelId: task.queryModel.modelId, modelsDir: task.queryModel.modelsDir, allowRemote: false, remoteHost: 'https://huggingface.co/' }).then((loaded) => loaded.embedder)
      : Promise.resolve(null)
  ).then((embedder) => ({ embedder, ms: since() }));
  const search = new SearchService({ indexDir: task.indexDir, embedder: null, vectorModel: projectionModelId, retriever: { efSearch: task.efSearch } });
  const indexLoading = search.loadAsync().then(() => since());
  const [{ embedder: queryCost, ms: modelLoadMs }, indexLoadMs] = await Promise.all([modelLoading, indexLoading]);
  if (task.queryModel && !queryCost) throw new Error(`query model ${task.queryModel.modelId} did not load from ${task.queryModel.modelsDir}`);
  const embedder = projectionEmbedder(task.idf, queryCost);
  search.attachEmbedder(embedder);
  const status = search.status();
  if (!status.ready) throw new Error(`index did not load: ${status.error?.message}`);
  const appStarted = performance.now();
  const app = await buildApp({ config, search, answers: new AnswerService({ search, generator: null }), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appReadyMs = performance.now() - appStarted;
  const startToListenMs = performance.now();
  const rssAfterLoad = memoryNow().rssBytes;
  progress(`  server up in ${(startToListenMs / 1000).toFixed(2)} s (index ${indexLoadMs.toFixed(0)} ms, model ${modelLoadMs.toFixed(0)} ms), ${status.chunks} passages, ${status.mode}`);

  // Retrieval latency, in-process as the search route and the answer engine call it.
  const retriever = search.retriever();
  for (const query of task.queries.slice(0, 10)) await retriever.search(query, { k: task.k });
  const samples = { embed: [] as number[], lexical: [] as number[], vector: [] as number[], fuse: [] as number[], total: [] as number[] };
  for (let pass = 0; pass < task.passes; pass++) {
    for (const query of task.queries) {
      const { timings } = await retriever.search(query, { k: task.k });
      samples.embed.push(timings.embedMs);
      samples.lexical.push(timings.lexicalMs);
      samples.vector.push(timings.vectorMs);
      samples.fuse.push(timings.fuseMs);
      samples.total.push(timings.totalMs);
    }
  }
  const rssAfterQueries = memoryNow().rssBytes;
  progress(`  retrieval total p50 ${summarize(samples.total).p50.toFixed(1)} ms, p99 ${summarize(samples.total).p99.toFixed(1)} ms`);

  // Recall@10 of HNSW against brute force over the same stored vectors.
  const snapshot = retriever.snapshot as EmbeddedSnapshot;
  const vectors = snapshot.vectors;
  if (!vectors) throw new Error('the index has no vectors');
  const generation = currentGenerationDir(task.indexDir)!;
  const dimension = vectors.dimension;
  const questionVectors = task.queries.map((query) => projectText(query, task.idf));
  const passageVectors = task.recallPassages.map((text) => projectText(text, task.idf));
  const allVectors = [...passageVectors, ...questionVectors];
  const exactStarted = performance.now();
  const exact = exactTopK(path.join(generation, indexFiles.vectors), dimension, allVectors, 10);
  const exactMs = (performance.now() - exactStarted) / allVectors.length;
  const recall: ServeResult['recall'] = [];
  for (const ef of [...new Set([...task.efSweep, task.efSearch])].sort((left, right) => left - right)) {
    const found = [0, 0];
    const wanted = [0, 0];
    const times: number[] = [];
    allVectors.forEach((vector, index) => {
      const started = performance.now();
      const hits = vectors.search(vector, 10, ef);
      times.push(performance.now() - started);
      const truth = new Set(exact[index]);
      const set = index < passageVectors.length ? 0 : 1;
      wanted[set]! += truth.size;
      for (const hit of hits) if (truth.has(hit.chunk)) found[set]!++;
    });
    recall.push({ ef, passages: round(found[0]! / Math.max(1, wanted[0]!), 4), questions: round(found[1]! / Math.max(1, wanted[1]!), 4), vectorSearch: summarize(times) });
  }
  progress(`  recall@10 (held-out passages / questions): ${recall.map((entry) => `ef ${entry.ef}: ${entry.passages} / ${entry.questions}`).join(', ')}`);

  // Time to first token and to the end over the websocket, from a client in another process.
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const websocket = task.websocket ? await runChild<WebsocketTask, WebsocketResult>('websocket-child.ts', { ...task.websocket, url: `ws://127.0.0.1:${port}/ws`, questions: task.queries }, { log: progress }) : null;
  const memory = memoryNow();
  await app.close();
  search.close();
  await embedder.dispose();
  return {
    chunks: status.chunks,
    documents: status.documents,
    mode: status.mode,
    startToListenMs: round(startToListenMs, 1),
    modelLoadMs: round(modelLoadMs, 1),
    indexLoadMs: round(indexLoadMs, 1),
    appReadyMs: round(appReadyMs, 1),
    rssAfterLoadBytes: rssAfterLoad,
    rssAfterQueriesBytes: rssAfterQueries,
    peakRssBytes: memory.peakRssBytes,
    latency: { embed: summarize(samples.embed), lexical: summarize(samples.lexical), vector: summarize(samples.vector), fuse: summarize(samples.fuse), total: summarize(samples.total) },
    recall,
    exactSearchMs: { ...summarize([exactMs]), count: allVectors.length },
    websocket,
    load: machineLoad(),
  };
});

/** Exact top-k by inner product, streaming the vectors file (no full copy in memory). */
function exactTopK(file: string, dimension: number, queries: Float32Array[], k: number): number[][] {
  const best = queries.map(() => ({ chunks: [] as number[], scores: [] as number[] }));
  const rowBytes = dimension * 4;
  const rowsPerRead = 4096;
  const buffer = Buffer.alloc(rowBytes * rowsPerRead);
  const fd = fs.openSync(file, 'r');
  try {
    for (let row = 0; ; row += rowsPerRead) {
      const bytes = fs.readSync(fd, buffer, 0, buffer.byteLength, row * rowBytes);
      if (bytes <= 0) break;
      const block = new Float32Array(buffer.buffer, buffer.byteOffset, bytes / 4);
      const rows = bytes / rowBytes;
      for (let offset = 0; offset < rows; offset++) {
        const base = offset * dimension;
        for (let query = 0; query < queries.length; query++) {
          const vector = queries[query]!;
          let score = 0;
          for (let index = 0; index < dimension; index++) score += vector[index]! * block[base + index]!;
          const entry = best[query]!;
          if (entry.chunks.length < k || score > entry.scores[entry.scores.length - 1]!) {
            let at = entry.scores.length;
            while (at > 0 && entry.scores[at - 1]! < score) at--;
            entry.scores.splice(at, 0, score);
            entry.chunks.splice(at, 0, row + offset);
            if (entry.chunks.length > k) {
              entry.scores.pop();
              entry.chunks.pop();
            }
          }
        }
      }
      if (bytes < buffer.byteLength) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return best.map((entry) => entry.chunks);
}
