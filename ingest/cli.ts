/**
 * `npm run ingest -- [--corpus DIR] [--index DIR] [--lexical-only] [--reembed]`
 * Reads the corpus folder and publishes a new corpus version: a generation of the index folder,
 * or, with DATABASE_URL set, a version in PostgreSQL. Defaults: CORPUS_DIR, INDEX_DIR.
 */
import { parseArgs } from 'node:util';
import { loadConfig, readEnvFile } from '../core/config.ts';
import { toAppError } from '../core/errors.ts';
import { chunkOptions, embedderOptions, hnswOptions } from '../core/runtime-options.ts';
import { loadTransformersEmbedder } from '../core/embedding/transformers-embedder.ts';
import { openPostgres, type PostgresStore } from '../core/index/postgres/postgres-source.ts';
import { PostgresCorpusWriter } from '../core/index/postgres/postgres-writer.ts';
import { createPracticeRefiner } from '../core/practices/model-pass.ts';
import type { IngestProgress } from './pipeline.ts';
import { runIngest, type IngestChildMessage } from './run.ts';

/** Started by the server (server/reindexer.ts): it learns which file is being read, the progress, and why an ingest failed. */
const tell = process.send
  ? (message: IngestChildMessage): void => {
      // With a callback, a parent that has gone away is no error here.
      if (process.connected) process.send!(message, undefined, undefined, () => undefined);
    }
  : undefined;

const usage = `Usage: npm run ingest -- [--corpus DIR] [--index DIR] [--lexical-only] [--reembed]
  --corpus DIR     folder of articles (default: CORPUS_DIR, "corpus")
  --index DIR      index folder (default: INDEX_DIR, "data/index"; unused with DATABASE_URL)
  --lexical-only   do not load an embedding model (BM25 only)
  --reembed        with DATABASE_URL: replace the stored vectors when the model changed (or drop
                   them with --lexical-only); without it such an ingest is refused`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string' },
        index: { type: 'string' },
        'lexical-only': { type: 'boolean', default: false },
        reembed: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const config = loadConfig({ ...readEnvFile('.env'), ...process.env });
  const corpusDir = args.corpus ?? config.CORPUS_DIR;
  const indexDir = args.index ?? config.INDEX_DIR;
  const store: PostgresStore | null = config.DATABASE_URL ? await openPostgres({ url: config.DATABASE_URL, maxConnections: 2 }) : null;
  const loaded = args['lexical-only']
    ? { embedder: null, warning: 'lexical-only ingest requested: no vectors are built' }
    : store && !store.capabilities.vectors
      ? { embedder: null, warning: `no vectors are built: ${store.capabilities.vectorsMissing}` }
      : await loadTransformersEmbedder(embedderOptions(config));
  if (loaded.warning) process.stderr.write(`warning: ${loaded.warning}\n`);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  // Started by the server (server/reindexer.ts): it shows the progress on the page, and when it
  // dies (kill -9) this ingest stops too rather than race the ingest of the server's next start.
  const send = process.send?.bind(process);
  const parentGone = (): void => controller.abort();
  // (A 'disconnect' listener holds the channel open, so it is removed when the ingest is done.)
  if (send && !process.connected) parentGone();
  else if (send) process.once('disconnect', parentGone);
  const practiceModel = config.PRACTICES_MODEL_PASS ? await practiceRefiner(config) : null;
  try {
    await runIngest({
      corpusDir,
      indexDir,
      chunking: chunkOptions(config),
      embedder: loaded.embedder,
      embeddingBatchSize: config.EMBEDDING_BATCH_SIZE,
      hnsw: hnswOptions(config),
      signal: controller.signal,
      output: process.stderr,
      ...(tell ? { onFile: (file: string) => tell({ type: 'reading', file }), report: (progress: IngestProgress) => tell({ type: 'progress', progress }) } : {}),
      practiceModel,
      openWriter: store ? (embedder) => PostgresCorpusWriter.open(store, embedder, { chunking: chunkOptions(config), reembed: args.reembed }) : undefined,
    });
    if (practiceModel) {
      const { articles, proposed, added, recategorised, dropped, failed } = practiceModel.stats;
      process.stderr.write(`  practices model pass: ${articles} articles, ${proposed} proposals, ${added} practices added, ${recategorised} recategorised, ${dropped} dropped (not in the text or the taxonomy), ${failed} articles failed\n`);
    }
    return 0;
  } finally {
    process.off('disconnect', parentGone);
    await loaded.embedder?.dispose();
    await store?.database.close();
  }
}

/** The model pass of practice extraction, or null (with a warning) when no endpoint is configured. */
async function practiceRefiner(config: ReturnType<typeof loadConfig>) {
  const { createOpenAIGenerator } = await import('../core/answer/openai-generator.ts');
  const generator = createOpenAIGenerator({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS });
  if (!generator) {
    process.stderr.write('warning: PRACTICES_MODEL_PASS is on but OPENAI_API_KEY is empty: practices are extracted by the rules only\n');
    return null;
  }
  return createPracticeRefiner(generator);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const appError = toAppError(error);
    const message = appError.code === 'INTERNAL' ? (error as Error).message : appError.message;
    // Under the server, the server reports it (once, with its own context).
    if (tell) tell({ type: 'failed', message });
    else process.stderr.write(`ingest failed: ${message}\n`);
    process.exitCode = appError.code === 'CANCELLED' ? 130 : 1;
  },
);
