/**
 * The ingest pipeline: read → clean → metadata → de-duplicate → chunk → tokenise → embed → write,
 * streaming one article at a time into a new corpus version (an index generation, or a version in
 * PostgreSQL: see core/index/corpus-writer.ts) that is published atomically.
 *
 * Re-runs are incremental where it matters: a passage whose embedded text is unchanged reuses its
 * vector from the live version, so only new or edited articles are embedded again; deleted
 * articles do not reach the new version.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IngestProblem } from '../core/documents.ts';
import type { Embedder } from '../core/embedding/embedder.ts';
import { AppError, throwIfAborted } from '../core/errors.ts';
import type { CorpusWriter, PublishInfo } from '../core/index/corpus-writer.ts';
import { EmbeddedCorpusWriter } from '../core/index/embedded-writer.ts';
import type { WrittenChunk } from '../core/index/index-writer.ts';
import type { HnswParameters } from '../core/index/vector-index.ts';
import type { PracticeRefiner } from '../core/practices/model-pass.ts';
import { PracticeCatalogWriter } from '../core/practices/store.ts';
import type { ChunkOptions } from '../core/text/chunk.ts';
import type { AnalyzedArticle } from './analyze-article.ts';
import { readOverrides, withOverrides } from '../core/corpus/overrides.ts';
import { corpusFingerprint } from './corpus-fingerprint.ts';
import { NearDuplicateDetector } from './near-duplicates.ts';
import { PreparePool, analyzeInOrder, defaultPrepareWorkers, type SourceItem } from './prepare-pool.ts';
import { discoverCorpusFiles, isIngestProblem, readCorpusFile } from './readers/index.ts';
import { problem } from './readers/problems.ts';

export interface IngestOptions {
  corpusDir: string;
  /** The embedded index folder a new generation is written into (unless `openWriter` is given). */
  indexDir: string;
  /** Opens another backend's writer (PostgreSQL) instead of a generation of `indexDir`. */
  openWriter?: ((embedder: Embedder | null) => Promise<CorpusWriter>) | undefined;
  chunking: ChunkOptions;
  /** The embedding model, or null for a lexical-only index. */
  embedder: Embedder | null;
  embeddingBatchSize: number;
  hnsw: HnswParameters;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  /** Called with each corpus file (relative path) before it is read, so a crash can be traced to it. */
  onFile?: (sourcePath: string) => void;
  /**
   * Worker threads that clean, chunk and tokenise articles: 0 runs everything on the calling
   * thread. By default corpora of at least `workerThresholdBytes` use every core but one.
   */
  prepareWorkers?: number;
  /** The model pass of practice extraction (PRACTICES_MODEL_PASS), when a model endpoint is configured. */
  practiceModel?: PracticeRefiner | null;
}

/** Corpora smaller than this are analysed inline by default: a worker's start-up would cost more. */
export const workerThresholdBytes = 4 * 1024 * 1024;

export type IngestProgress =
  | { phase: 'read'; bytesDone: number; bytesTotal: number; documents: number; chunks: number; embedded: number }
  | { phase: 'index'; chunks: number }
  | { phase: 'done' };

export interface IngestSummary {
  /** Where the new version was published: the generation folder, or the database's corpus version. */
  generationDir: string;
  files: number;
  /** Articles read from the files (a .jsonl file holds many). */
  articlesRead: number;
  documents: number;
  chunks: number;
  /** Articles folded into an earlier copy of the same story. */
  duplicates: number;
  skipped: number;
  problems: IngestProblem[];
  /** Compared with the previous index: documents added, changed, unchanged, removed. */
  changes: { added: number; changed: number; unchanged: number; removed: number };
  /** Passages embedded in this run, and passages whose vectors were reused. */
  embedded: number;
  reused: number;
  embeddingModel: string | null;
  milliseconds: number;
}

/**
 * Passages waiting for their vectors. Vectors must be written in passage order, so reused
 * vectors wait behind the passages being embedded before them.
 */
class EmbeddingQueue {
  private pending: { vector: Float32Array | null; text: string }[] = [];
  private waiting = 0;
  embedded = 0;
  reused = 0;

  constructor(
    private readonly embedder: Embedder,
    private readonly writer: CorpusWriter,
    private readonly batchSize: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async push(text: string, reused: Float32Array | null): Promise<void> {
    this.pending.push({ vector: reused, text });
    if (reused) this.reused++;
    else this.waiting++;
    // Embedding several batches' worth at once lets us sort by length, which cuts padding; at
    // least 64 passages, since even small batches run faster on similar shapes (bench/results).
    if (this.waiting >= Math.max(this.batchSize * 4, 64)) await this.flush();
  }

  async flush(): Promise<void> {
    const missing = this.pending.filter((item) => item.vector === null);
    missing.sort((left, right) => left.text.length - right.text.length);
    for (let start = 0; start < missing.length; start += this.batchSize) {
      throwIfAborted(this.signal);
      const batch = missing.slice(start, start + this.batchSize);
      const vectors = await this.embedder.embedPassages(
        batch.map((item) => item.text),
        this.signal,
      );
      batch.forEach((item, index) => (item.vector = vectors[index]!));
      this.embedded += batch.length;
    }
    for (const item of this.pending) this.writer.addVector(item.vector!);
    this.pending = [];
    this.waiting = 0;
  }
}

/** What filling a version found, before it is published. */
type Filled = Omit<IngestSummary, 'generationDir' | 'milliseconds'>;

/**
 * Ingests `corpusDir` into a new corpus version (a generation of `indexDir`, or what `openWriter`
 * opens) and publishes it. Bad files and lines are reported in the summary's problems and
 * skipped; everything else is ingested. On abort or error the half-written version is dropped and
 * the previous one stays live.
 */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const { corpusDir, indexDir, embedder } = options;
  if (!fs.existsSync(corpusDir) || !fs.statSync(corpusDir).isDirectory()) {
    throw new AppError('INPUT_UNREADABLE', `corpus folder ${corpusDir} does not exist`);
  }
  const writer = options.openWriter ? await options.openWriter(embedder) : EmbeddedCorpusWriter.open(indexDir, embedder);
  try {
    const summary = await fillAndPublish(writer, options, started);
    options.onProgress?.({ phase: 'done' });
    return { ...summary, milliseconds: Date.now() - started };
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

/** Adds every article of the corpus to `writer` and publishes it. */
async function fillAndPublish(writer: CorpusWriter, options: IngestOptions, started: number): Promise<Omit<IngestSummary, 'milliseconds'>> {
  const { corpusDir, embedder, signal } = options;
  const { files, unsupported, outside } = await discoverCorpusFiles(corpusDir);
  // Files the index already holds are read first, so that a new copy of an article (an upload of
  // the same story under a name that sorts earlier) is folded into it rather than replacing it.
  const indexed = writer.previousSources;
  files.sort((left, right) => Number(!indexed.has(left)) - Number(!indexed.has(right)));
  // Corrections made from the page (see core/corpus/overrides.ts); a damaged file stops the ingest.
  const overrides = readOverrides(corpusDir);
  const problems: IngestProblem[] = [
    ...outside.map((sourcePath) => problem(sourcePath, 'OUTSIDE_CORPUS', 'is a link to a file or folder outside the corpus folder; links out of the corpus are not followed')),
    ...unsupported.map((sourcePath) => problem(sourcePath, 'UNSUPPORTED', 'unsupported file type (use .txt .md .html .docx .pdf .jsonl)')),
  ];
  const sizes = files.map((file) => fs.statSync(path.join(corpusDir, file)).size);
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
  const queue = embedder ? new EmbeddingQueue(embedder, writer, options.embeddingBatchSize, signal) : null;
  const detector = new NearDuplicateDetector<number>();
  const practices = new PracticeCatalogWriter();
  const seenIds = new Set<string>();
  const changes = { added: 0, changed: 0, unchanged: 0, removed: 0 };
  let generationDir = '';
  let articlesRead = 0;
  let duplicates = 0;
  let bytesDone = 0;
  let lastReport = 0;

  const report = (force = false): void => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    options.onProgress({ phase: 'read', bytesDone, bytesTotal, documents: writer.documentCount, chunks: writer.chunkCount, embedded: queue?.embedded ?? 0 });
  };
  const problemFor = (item: { sourcePath: string; line?: number | undefined }, reason: string, message: string): IngestProblem => {
    const where = item.line === undefined ? item.sourcePath : `${item.sourcePath} line ${item.line}`;
    return { sourcePath: item.sourcePath, ...(item.line === undefined ? {} : { line: item.line }), reason, message: `${where}: ${message}` };
  };

  const addDocument = async (ready: Extract<AnalyzedArticle, { kind: 'ready' }>): Promise<void> => {
    const { document } = ready;
    const chunks: WrittenChunk[] = document.chunks.map((chunk, index) => ({
      start: chunk.start,
      end: chunk.end,
      headingPath: chunk.headingPath,
      analyzed: ready.analyzed[index]!,
      hash: ready.hashes[index]!,
    }));
    const { chunks: _prepared, line, headings, ...metadata } = document;
    const { needsVectors } = await writer.addDocument(
      {
        ...metadata,
        ...(line === undefined ? {} : { line }),
        headings: headings.map((heading) => [heading.start, heading.end, heading.level] as [number, number, number]),
      },
      chunks,
    );
    practices.add(options.practiceModel ? await options.practiceModel.refine(document, ready.practices, signal) : ready.practices);
    if (queue && needsVectors) {
      const reused = await writer.reusableVectors(chunks.map((chunk) => chunk.hash));
      for (let index = 0; index < chunks.length; index++) await queue.push(document.chunks[index]!.indexText, reused[index] ?? null);
    }
    const before = writer.previousDocuments.get(document.docId);
    if (before === undefined) changes.added++;
    else if (before === document.contentHash) changes.unchanged++;
    else changes.changed++;
  };

  // Reading, duplicate folding and writing stay on this thread, in corpus order; the per-article
  // analysis between them may run in worker threads (see prepare-pool.ts).
  async function* readAll(): AsyncGenerator<SourceItem<number>> {
    for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
      options.onFile?.(files[fileIndex]!);
      for await (const item of withOverrides(readCorpusFile(corpusDir, files[fileIndex]!), overrides)) {
        throwIfAborted(signal);
        if (isIngestProblem(item)) {
          yield { kind: 'problem', problem: item };
          continue;
        }
        articlesRead++;
        if (seenIds.has(item.docId)) {
          yield { kind: 'problem', problem: problemFor(item, 'DUPLICATE_ID', `id "${item.docId}" was already used by an earlier article; this one is skipped`) };
          continue;
        }
        seenIds.add(item.docId);
        yield { kind: 'article', article: item };
      }
      yield { kind: 'marker', marker: fileIndex };
    }
  }

  const workers = options.prepareWorkers ?? (bytesTotal >= workerThresholdBytes ? defaultPrepareWorkers() : 0);
  let pool: PreparePool | null = null;
  try {
    pool = workers > 0 ? PreparePool.start(workers, options.chunking, embedder !== null) : null;
  } catch {
    // Worker threads cannot start here (e.g. no tsx to load their code): analyse inline, slower.
    pool = null;
  }
  try {
    for await (const item of analyzeInOrder(readAll(), pool, options.chunking, { keepIndexText: embedder !== null })) {
      throwIfAborted(signal);
      if (item.kind === 'problem') {
        problems.push(item.problem);
        continue;
      }
      if (item.kind === 'marker') {
        bytesDone += sizes[item.marker]!;
        report(true);
        continue;
      }
      const { article, result } = item;
      if (result.kind === 'failed') {
        problems.push(problemFor(article, 'UNPROCESSABLE', result.message));
        continue;
      }
      if (result.kind === 'empty') {
        problems.push(problemFor(article, 'EMPTY', 'no article text left after removing page noise'));
        continue;
      }
      const prepared = result.document;
      const original = detector.find(result.print);
      if (original !== undefined) {
        duplicates++;
        writer.addDuplicate(original, { docId: prepared.docId, sourcePath: prepared.sourcePath, title: prepared.title, source: prepared.source, url: prepared.url });
        continue;
      }
      detector.add(writer.documentCount, result.print);
      await addDocument(result);
      report();
    }
    await queue?.flush();
    throwIfAborted(signal);
    for (const docId of writer.previousDocuments.keys()) if (!seenIds.has(docId)) changes.removed++;
    options.onProgress?.({ phase: 'index', chunks: writer.chunkCount });
    // The catalog is written before the version is published, and becomes live with it.
    await writer.writePractices(practices, embedder, signal);
    const publish: PublishInfo = {
      createdAt: new Date().toISOString(),
      buildMs: Date.now() - started,
      corpus: { directory: path.resolve(corpusDir), fingerprint: await corpusFingerprint(corpusDir, files), files: files.length },
      counts: { duplicates, skipped: problems.length },
      chunking: { size: options.chunking.size, overlap: options.chunking.overlap },
      embedding: embedder ? { model: embedder.modelId, ...options.hnsw } : null,
      problems,
    };
    if (pool) {
      // The worker that analysed articles merges one lexical field while this thread merges the other.
      const finishing = pool;
      publish.finishLexicalElsewhere = (state, outDir) => finishing.finishLexical(state, outDir);
    }
    throwIfAborted(signal);
    generationDir = await writer.publish(publish);
  } finally {
    await pool?.close();
  }
  const summary: Filled = {
    files: files.length,
    articlesRead,
    documents: writer.documentCount,
    chunks: writer.chunkCount,
    duplicates,
    skipped: problems.length,
    problems,
    changes,
    embedded: queue?.embedded ?? 0,
    reused: queue?.reused ?? 0,
    embeddingModel: embedder?.modelId ?? null,
  };
  return { ...summary, generationDir };
}
