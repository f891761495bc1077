/**
 * Bench child: times the embedding stage with ../shared/models/bench/random-bge-small-zh (random
 * weights, the exact shape, int8 quantisation and cost of bge-small-zh-v1.5; its vectors mean
 * nothing) on real passages, at several batch sizes, with batches of similar length as the ingest
 * forms them.
 */
import { loadTransformersEmbedder } from '../core/embedding/transformers-embedder.ts';
import { childMain } from './child.ts';
import { machineLoad, memoryNow, round } from './stats.ts';

export interface EmbeddingTask {
  modelsDir: string;
  modelId: string;
  passages: string[];
  batchSizes: number[];
}

export interface EmbeddingRun {
  batchSize: number;
  /** `sorted`: all passages sorted by length, then batched (least padding); `pipeline`: sorted within windows of max(4 batches, 64 passages), as the ingest's queue does. */
  arrangement: 'sorted' | 'pipeline';
  passages: number;
  characters: number;
  ms: number;
  charactersPerSecond: number;
  passagesPerSecond: number;
}

export interface EmbeddingResult {
  modelId: string;
  dimension: number;
  modelLoadMs: number;
  runs: EmbeddingRun[];
  best: EmbeddingRun;
  queryEmbedMs: number;
  peakRssBytes: number | null;
  load: ReturnType<typeof machineLoad>;
}

childMain<EmbeddingTask, EmbeddingResult>(async (task, progress) => {
  const started = performance.now();
  const loaded = await loadTransformersEmbedder({ modelId: task.modelId, modelsDir: task.modelsDir, allowRemote: false, remoteHost: 'https://huggingface.co/' });
  if (!loaded.embedder) throw new Error(loaded.warning);
  const embedder = loaded.embedder;
  const modelLoadMs = performance.now() - started;
  // Warm-up: the first runs allocate the session's buffers.
  await embedder.embedPassages(task.passages.slice(0, 8));
  const characters = task.passages.reduce((sum, text) => sum + text.length, 0);
  const runs: EmbeddingRun[] = [];
  for (const batchSize of task.batchSizes) {
    for (const arrangement of ['sorted', 'pipeline'] as const) {
      const batches: string[][] = [];
      if (arrangement === 'sorted') {
        const sorted = [...task.passages].sort((left, right) => left.length - right.length);
        for (let start = 0; start < sorted.length; start += batchSize) batches.push(sorted.slice(start, start + batchSize));
      } else {
        // As ingest/pipeline.ts's EmbeddingQueue groups them.
        const window = Math.max(batchSize * 4, 64);
        for (let from = 0; from < task.passages.length; from += window) {
          const sorted = task.passages.slice(from, from + window).sort((left, right) => left.length - right.length);
          for (let start = 0; start < sorted.length; start += batchSize) batches.push(sorted.slice(start, start + batchSize));
        }
      }
      const runStarted = performance.now();
      for (const batch of batches) await embedder.embedPassages(batch);
      const ms = performance.now() - runStarted;
      const run: EmbeddingRun = {
        batchSize,
        arrangement,
        passages: task.passages.length,
        characters,
        ms: round(ms, 1),
        charactersPerSecond: round(characters / (ms / 1000), 0),
        passagesPerSecond: round(task.passages.length / (ms / 1000), 1),
      };
      runs.push(run);
      progress(`  embedding batch ${batchSize} ${arrangement}: ${run.charactersPerSecond} chars/s`);
    }
  }
  const queryTimes: number[] = [];
  for (const text of task.passages.slice(0, 20)) {
    const queryStarted = performance.now();
    await embedder.embedQuery(text.slice(0, 30));
    queryTimes.push(performance.now() - queryStarted);
  }
  queryTimes.sort((left, right) => left - right);
  const best = runs.reduce((left, right) => (right.charactersPerSecond > left.charactersPerSecond ? right : left));
  await embedder.dispose();
  return {
    modelId: task.modelId,
    dimension: embedder.dimension,
    modelLoadMs: round(modelLoadMs, 1),
    runs,
    best,
    queryEmbedMs: round(queryTimes[Math.floor(queryTimes.length / 2)]!, 2),
    peakRssBytes: memoryNow().peakRssBytes,
    load: machineLoad(),
  };
});
