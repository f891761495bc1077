/**
 * The app with its knowledge base, as server/main.ts builds it: a copy of the default corpus
 * ingested into a temporary index, a SQLite store in the temporary folder, the real reindexer
 * (ingest in a child process, lexical-only) and the real archive check. Uploads are sent as real
 * multipart bodies through `app.inject`. Every app built here is closed by `closeKnowledgeBaseApps`.
 */
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { AnswerService } from '../../core/answer/answer-service.ts';
import { loadConfig, settings, type Config, type SettingName } from '../../core/config.ts';
import type { KnowledgeBaseJob } from '../../core/corpus/knowledge-base-types.ts';
import type { Embedder } from '../../core/embedding/embedder.ts';
import { SearchService } from '../../core/retrieval/search-service.ts';
import { SqliteStore } from '../../core/store/sqlite-store.ts';
import { checkArchive } from '../../ingest/readers/archive-guard.ts';
import { buildApp } from '../../server/app.ts';
import { KnowledgeBase } from '../../server/knowledge-base.ts';
import { Reindexer } from '../../server/reindexer.ts';
import { copyDefaultCorpus, ingest, makeTempDir } from './corpus.ts';
import { withTimeout } from './fake-openai.ts';

export interface KnowledgeBaseAppOptions {
  settings?: Partial<Record<SettingName, string>>;
  /** Run instead of ingest/cli.ts (gets `--corpus DIR --index DIR --lexical-only`). */
  ingestScript?: string;
  /** Extra environment for the ingest process. */
  ingestEnv?: Record<string, string>;
  /** Without a store (the database could not be opened). */
  noStore?: boolean;
  /** The query embedder (the index is then built with it, in process, before the app starts). */
  embedder?: Embedder;
}

export interface KnowledgeBaseApp {
  app: FastifyInstance;
  config: Config;
  search: SearchService;
  store: SqliteStore | null;
  reindexer: Reindexer;
  knowledgeBase: KnowledgeBase;
  root: string;
  corpusDir: string;
  indexDir: string;
  /** Reasons of the ingest runs started so far. */
  runs: string[];
  /** Lines the reindexer logged. */
  log: string[];
}

const open = new Set<KnowledgeBaseApp>();

/** The environment of the ingest child: the parent's, without any product setting. */
function ingestEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(settings)) delete env[name];
  return { ...env, ...extra };
}

export async function buildKnowledgeBaseApp(options: KnowledgeBaseAppOptions = {}): Promise<KnowledgeBaseApp> {
  const root = makeTempDir('kb');
  const corpusDir = copyDefaultCorpus(root);
  const indexDir = path.join(root, 'index');
  await ingest(corpusDir, indexDir, options.embedder ? { embedder: options.embedder } : {});
  const config = loadConfig({}, { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: '0', SQLITE_FILE: path.join(root, 'app.sqlite'), ...options.settings });
  const search = new SearchService({ indexDir, embedder: options.embedder ?? null, retriever: { efSearch: 64 }, closeDelayMs: 0 });
  search.load();
  const store = options.noStore ? null : SqliteStore.open(config.SQLITE_FILE);
  const runs: string[] = [];
  const log: string[] = [];
  const reindexer = new Reindexer({
    corpusDir,
    indexDir,
    lexicalOnly: true,
    script: options.ingestScript,
    env: ingestEnvironment(options.ingestEnv ?? {}),
    logger: { info: (_details, message) => log.push(message), warn: (details, message) => log.push(`warn: ${message} ${JSON.stringify(details)}`) },
    onPublished: () => search.reloadIfChangedAsync(),
  });
  reindexer.on('start', (reason) => runs.push(reason));
  const knowledgeBase = new KnowledgeBase({
    corpusDir,
    search,
    store,
    ingest: reindexer,
    limits: { maxFileBytes: config.UPLOAD_MAX_FILE_BYTES, maxFiles: config.UPLOAD_MAX_FILES },
    checkArchive: (bytes) => void checkArchive(bytes),
  });
  const app = await buildApp({ config, search, answers: new AnswerService({ search, generator: null }), store, knowledgeBase });
  const built: KnowledgeBaseApp = { app, config, search, store, reindexer, knowledgeBase, root, corpusDir, indexDir, runs, log };
  open.add(built);
  return built;
}

export async function closeKnowledgeBaseApps(): Promise<void> {
  for (const built of open) {
    await built.app.close();
    await built.reindexer.close(1_000);
    built.search.close();
    await built.store?.close();
  }
  open.clear();
}

export interface UploadFile {
  name: string;
  content: string | Uint8Array;
}

/** A multipart body as a browser's FormData sends it: `metadata` (when given), then the files. */
export async function multipartBody(files: readonly UploadFile[], metadata?: unknown): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  if (metadata !== undefined) form.append('metadata', typeof metadata === 'string' ? metadata : JSON.stringify(metadata));
  for (const file of files) form.append('files', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

/** POST /api/kb/uploads through `app.inject`; returns status and parsed body. */
export async function upload(app: FastifyInstance, files: readonly UploadFile[], metadata?: unknown, headers: Record<string, string> = {}) {
  const { body, contentType } = await multipartBody(files, metadata);
  const response = await app.inject({ method: 'POST', url: '/api/kb/uploads', payload: body, headers: { 'content-type': contentType, ...headers } });
  return { status: response.statusCode, body: response.json(), raw: response.body };
}

/** Waits (bounded) until job `id` has finished; returns it. */
export async function jobFinished(knowledgeBase: KnowledgeBase, id: string, timeoutMs = 90_000): Promise<KnowledgeBaseJob> {
  const now = knowledgeBase.job(id);
  if (now && now.state !== 'waiting') return now;
  const finished = new Promise<KnowledgeBaseJob>((resolve) => {
    const listener = (job: KnowledgeBaseJob): void => {
      if (job.id !== id || job.state === 'waiting') return;
      knowledgeBase.off('job', listener);
      resolve(job);
    };
    knowledgeBase.on('job', listener);
  });
  return withTimeout(finished, timeoutMs, `job ${id} to finish`);
}
