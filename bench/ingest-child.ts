/**
 * Bench child: ingests one corpus through the product's `ingestCorpus` and reports throughput,
 * resident memory and index size. `lexical` mode builds a lexical-only index (the lexical path,
 * timed alone); `projection` mode also embeds every passage with the projection stand-in and
 * builds the HNSW graph (the index the latency rows search).
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentGenerationDir } from '../core/index/generations.ts';
import { ingestCorpus } from '../ingest/pipeline.ts';
import { childMain } from './child.ts';
import { projectionEmbedder, type IdfTable } from './projection-embedder.ts';
import { machineLoad, memoryNow, round } from './stats.ts';

export interface IngestTask {
  mode: 'lexical' | 'projection';
  corpusDir: string;
  indexDir: string;
  chunking: { size: number; overlap: number };
  hnsw: { m: number; efConstruction: number };
  embeddingBatchSize: number;
  idf?: { idf: IdfTable; unseen: number };
  /** Worker threads for article analysis (undefined: the pipeline's default). */
  prepareWorkers?: number;
}

export interface IngestResult {
  mode: IngestTask['mode'];
  files: number;
  articlesRead: number;
  documents: number;
  chunks: number;
  duplicates: number;
  skipped: number;
  /** Characters of cleaned article text indexed. */
  characters: number;
  /** Wall time of `ingestCorpus`, and of its final index-building phase (lexical merge, HNSW). */
  totalMs: number;
  buildPhaseMs: number;
  cpuMs: number;
  chunksPerSecond: number;
  charactersPerSecond: number;
  baselineRssBytes: number;
  peakRssBytes: number | null;
  /** Resident memory as the ingest went on: it should stay flat as the corpus grows. */
  rssTimeline: { chunks: number; rssBytes: number }[];
  indexBytes: number;
  indexFiles: Record<string, number>;
  generationDir: string;
  load: ReturnType<typeof machineLoad>;
}

childMain<IngestTask, IngestResult>(async (task, progress) => {
  fs.rmSync(task.indexDir, { recursive: true, force: true });
  const baseline = memoryNow().rssBytes;
  const timeline: IngestResult['rssTimeline'] = [];
  let nextSample = 0;
  let buildStarted = 0;
  const embedder = task.mode === 'projection' ? projectionEmbedder(task.idf!) : null;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = await ingestCorpus({
    corpusDir: task.corpusDir,
    indexDir: task.indexDir,
    chunking: task.chunking,
    embedder,
    embeddingBatchSize: task.embeddingBatchSize,
    hnsw: task.hnsw,
    ...(task.prepareWorkers === undefined ? {} : { prepareWorkers: task.prepareWorkers }),
    onProgress: (event) => {
      if (event.phase === 'read' && event.chunks >= nextSample) {
        timeline.push({ chunks: event.chunks, rssBytes: process.memoryUsage().rss });
        nextSample = event.chunks + 5000;
        if (timeline.length % 4 === 0) progress(`  ${task.mode} ingest: ${event.chunks} passages, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
      } else if (event.phase === 'index') {
        buildStarted = performance.now();
        timeline.push({ chunks: event.chunks, rssBytes: process.memoryUsage().rss });
      }
    },
  });
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const generationDir = currentGenerationDir(task.indexDir)!;
  let characters = 0;
  for (const line of fs.readFileSync(path.join(generationDir, 'documents.jsonl'), 'utf8').split('\n')) {
    if (line) characters += (JSON.parse(line) as { textLength: number }).textLength;
  }
  const indexFiles: Record<string, number> = {};
  for (const entry of fs.readdirSync(generationDir)) indexFiles[entry] = fs.statSync(path.join(generationDir, entry)).size;
  const memory = memoryNow();
  return {
    mode: task.mode,
    files: summary.files,
    articlesRead: summary.articlesRead,
    documents: summary.documents,
    chunks: summary.chunks,
    duplicates: summary.duplicates,
    skipped: summary.skipped,
    characters,
    totalMs: round(totalMs, 1),
    buildPhaseMs: round(buildStarted ? started + totalMs - buildStarted : 0, 1),
    cpuMs: round((cpu.user + cpu.system) / 1000, 1),
    chunksPerSecond: round(summary.chunks / (totalMs / 1000), 1),
    charactersPerSecond: round(characters / (totalMs / 1000), 0),
    baselineRssBytes: baseline,
    peakRssBytes: memory.peakRssBytes,
    rssTimeline: timeline,
    indexBytes: Object.values(indexFiles).reduce((sum, size) => sum + size, 0),
    indexFiles,
    generationDir,
    load: machineLoad(),
  };
});
