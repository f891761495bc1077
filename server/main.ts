/**
 * `npm start`: ingests the corpus when the index is missing or older than the corpus, then serves
 * the chat. A missing or damaged index is reported clearly and the server still starts (health
 * says why), and the ingest runs in a child process that may fail or die without taking the
 * server with it, so neither a bad index nor a bad corpus file becomes a crash loop.
 * With DATABASE_URL the index lives in PostgreSQL: any number of servers can serve it, each
 * picking up a new corpus version within seconds.
 */
import fs from 'node:fs';
import { loadConfig, readEnvFile, type Config } from '../core/config.ts';
import { toAppError } from '../core/errors.ts';
import type { EmbedderLoad } from '../core/embedding/embedder.ts';
import { loadTransformersEmbedder } from '../core/embedding/transformers-embedder.ts';
import { SearchService } from '../core/retrieval/search-service.ts';
import { embedderOptions, retrieverOptions } from '../core/runtime-options.ts';
import { EmbeddedSource } from '../core/index/embedded-source.ts';
import { PostgresSource, openPostgres } from '../core/index/postgres/postgres-source.ts';
import { databaseIngestNeeded, ingestNeeded } from '../ingest/freshness.ts';
import { buildApp } from './app.ts';
import { Reindexer, describeFailure, startIngestProcess, type IngestProcessOutcome } from './reindexer.ts';
import { loggerOptions } from './security.ts';
import { AnswerService } from '../core/answer/answer-service.ts';
import { warmUpGeneralIdf } from '../core/answer/term-statistics.ts';
import { warmUpSimplified } from '../core/text/simplified.ts';
import type { AppStore } from '../core/store/app-store.ts';
import { PostgresAppStore } from '../core/store/postgres-store.ts';
import { SqliteStore } from '../core/store/sqlite-store.ts';
import { checkArchive } from '../ingest/readers/archive-guard.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';

/**
 * The start-up ingest runs in a child process: one that dies (out of memory on a hostile file, a
 * native crash) must not take the server with it, or every restart would die the same way. A
 * SIGTERM or SIGINT meanwhile stops the ingest (its half-built generation is discarded), then us.
 */
async function ingestInChild(config: Config, lexicalOnly: boolean): Promise<IngestProcessOutcome> {
  const { child, finished } = startIngestProcess({ corpusDir: config.CORPUS_DIR, indexDir: config.INDEX_DIR, lexicalOnly, priority: 0 });
  let stoppedBy: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    stoppedBy = signal;
    child.kill('SIGTERM');
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
  try {
    const ended = await finished;
    if (stoppedBy) process.kill(process.pid, stoppedBy);
    return ended;
  } finally {
    process.off('SIGTERM', stop).off('SIGINT', stop);
  }
}

async function main(): Promise<void> {
  const config = loadConfig({ ...readEnvFile('.env'), ...process.env });
  const say = (line: string): boolean => process.stderr.write(`${line}\n`);

  // The model and the index load at the same time: on a large corpus each takes about a second.
  // The index is loaded with the configured model's vectors; if the model then fails to load,
  // search runs lexical-only, as it would have anyway.
  const configuredModel = config.EMBEDDING_MODEL.trim() || null;
  const modelLoading = loadTransformersEmbedder(embedderOptions(config));
  // Unreachable or incompatible database: a clear fatal error (a supervisor restarts the server).
  const postgres = config.DATABASE_URL ? await openPostgres({ url: config.DATABASE_URL, maxConnections: config.DATABASE_POOL_SIZE }) : null;
  const source = postgres ? new PostgresSource(postgres) : new EmbeddedSource(config.INDEX_DIR);
  const where = postgres ? `the database ${postgres.database.name}` : config.INDEX_DIR;
  const search = new SearchService({ source, embedder: null, vectorModel: configuredModel, retriever: retrieverOptions(config) });
  const needsIngest = (model: string | null): Promise<string | null> =>
    postgres ? databaseIngestNeeded(config.CORPUS_DIR, postgres, model) : ingestNeeded(config.CORPUS_DIR, config.INDEX_DIR, model);

  let loaded: EmbedderLoad;
  const currentForModel = !config.INGEST_ON_START || (await needsIngest(configuredModel)) === null;
  if (currentForModel) {
    [loaded] = await Promise.all([modelLoading, search.loadAsync()]);
  } else {
    loaded = await modelLoading;
  }
  if (loaded.warning) say(`warning: ${loaded.warning}`);
  const embedder = loaded.embedder;
  search.attachEmbedder(embedder, loaded.warning);

  if (!currentForModel) {
    // Asked again with the model that did load: without one, an index lacking vectors is current.
    const reason = await needsIngest(embedder?.modelId ?? null);
    if (reason) {
      say(`Ingesting ${config.CORPUS_DIR} into ${where}: ${reason}`);
      const ended = await ingestInChild(config, embedder === null);
      if (ended.code !== 0) say(`error: ingest failed${describeFailure(ended)}. Serving the previous index, if there is one.`);
    }
    await search.loadAsync();
  }
  const status = search.status();
  if (!status.ready) say(`error: no usable index (${status.error?.code}: ${status.error?.message}). Run: npm run ingest`);
  else say(`Index: ${status.documents} documents, ${status.chunks} passages, ${status.mode} search${status.embedder ? ` (${status.embedder})` : ''} in ${where}`);
  if (status.index?.note) say(`note: ${status.index.note}`);
  for (const warning of status.warnings) if (warning !== loaded.warning) say(`warning: ${warning}`);

  // The openai package takes a quarter of a second to import: only when a model endpoint is set.
  const { createOpenAIGenerator } = config.OPENAI_API_KEY ? await import('../core/answer/openai-generator.ts') : { createOpenAIGenerator: () => null };
  const generator = createOpenAIGenerator({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    answerTimeoutMs: config.OPENAI_ANSWER_TIMEOUT_MS,
    maxAnswerChars: config.OPENAI_MAX_ANSWER_CHARS,
  });
  say(generator ? `Answers: ${generator.name} (extractive fallback)` : 'Answers: extractive (set OPENAI_API_KEY to generate with a model)');
  // Question analysis reads jieba's general word table, and questions pass the traditional-character
  // check: building both now spares the first question.
  warmUpGeneralIdf();
  warmUpSimplified();

  // Feedback and upload records: in PostgreSQL beside the corpus when DATABASE_URL is set, so
  // every server shows the same; otherwise in SQLite. Without them the chat and the corpus still work.
  let store: AppStore | null = null;
  try {
    store = postgres ? new PostgresAppStore(postgres.database) : SqliteStore.open(config.SQLITE_FILE);
  } catch (error) {
    say(`warning: ${toAppError(error).message}; answer feedback is unavailable until it can be opened`);
  }

  // Pick up versions that an ingest publishes while we serve (`npm run ingest` here or on another
  // machine, or the reindexer below). The load is asynchronous, so answers keep flowing during
  // the swap. The database is polled (one row); the embedded index's pointer file is watched.
  let app: FastifyInstance | undefined;
  const reload = async (): Promise<void> => {
    if (await search.reloadIfChangedAsync()) {
      const now = search.status();
      app?.log.info({ documents: now.documents, chunks: now.chunks, version: now.index?.version }, 'index reloaded');
    }
  };
  // Re-ingests run in a child process at low priority; see reindexer.ts. It logs through the
  // app's logger, which exists before any run can start.
  const reindexer = new Reindexer({
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    lexicalOnly: embedder === null,
    logger: { info: (details, message) => app?.log.info({ component: 'reindexer', ...details }, message), warn: (details, message) => app?.log.warn({ component: 'reindexer', ...details }, message) },
    onPublished: reload,
  });
  const knowledgeBase = new KnowledgeBase({
    corpusDir: config.CORPUS_DIR,
    search,
    store,
    ingest: reindexer,
    limits: { maxFileBytes: config.UPLOAD_MAX_FILE_BYTES, maxFiles: config.UPLOAD_MAX_FILES },
    // An uploaded .docx (any zip) is measured before anything unpacks it: see archive-guard.ts.
    checkArchive: (bytes) => void checkArchive(bytes),
    logger: { warn: (details, message) => app?.log.warn({ component: 'knowledge-base', ...details }, message) },
  });
  const served = await buildApp({ config, search, answers: new AnswerService({ search, generator }), store, knowledgeBase, logger: loggerOptions(config) });
  app = served;
  const pointer = path.join(config.INDEX_DIR, 'CURRENT');
  const poll = postgres ? setInterval(() => void reload(), 2000) : null;
  poll?.unref();
  if (!postgres) fs.watchFile(pointer, { interval: 2000 }, () => void reload());
  if (config.WATCH_CORPUS) reindexer.watch();

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    served.log.info({ signal, inFlight: served.chatSessions.inFlight }, 'shutting down: finishing answers in flight');
    const deadline = Date.now() + config.SHUTDOWN_GRACE_MS;
    // Whatever happens below, the process is gone shortly after the grace period.
    setTimeout(() => {
      say('error: shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + 5_000).unref();
    if (poll) clearInterval(poll);
    else fs.unwatchFile(pointer);
    // Stop a running re-ingest while answers drain; its half-built generation is discarded.
    const reindexerClosed = reindexer.close();
    // Refuse new work (503 SHUTTING_DOWN), let answers in flight finish (bounded), then close.
    await served.chatSessions.drain(config.SHUTDOWN_GRACE_MS);
    // served.close() waits for HTTP requests still running (a POST /api/ask on a slow model): they
    // get what is left of the grace period, then their connections are cut.
    const cut = setTimeout(() => served.server.closeAllConnections(), Math.max(0, deadline - Date.now()) + 250);
    await served.close();
    clearTimeout(cut);
    search.close();
    await store?.close();
    await source.close();
    await embedder?.dispose();
    await reindexerClosed;
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await served.listen({ port: config.PORT, host: config.HOST });
  // The bound port (PORT=0 picks a free one).
  const address = served.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  say(`党建典型经验问答助手 is running at http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/`);
}

main().catch((error: unknown) => {
  const appError = toAppError(error);
  process.stderr.write(`fatal: ${appError.code === 'INTERNAL' ? String((error as Error)?.stack ?? error) : appError.message}\n`);
  process.exitCode = 1;
});
