/**
 * Test helpers for the PostgreSQL backend: an open, migrated store (closed by `closeStores`) and
 * the real ingest pipeline writing into it.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Embedder } from '../../core/embedding/embedder.ts';
import type { IngestOptions, IngestSummary } from '../../ingest/pipeline.ts';
import { openPostgres, type PostgresStore } from '../../core/index/postgres/postgres-source.ts';
import { PostgresCorpusWriter } from '../../core/index/postgres/postgres-writer.ts';
import { closeTestApps } from './app.ts';
import { defaultChunking, ingest, loadTinyEmbedder, removeTempDirs } from './corpus.ts';
import { startPglite, type PgliteExtension, type PgliteServer } from './pglite-server.ts';

const stores = new Set<PostgresStore>();

/** Connects to `url` and migrates, as the server and the ingest do. */
export async function openStore(url: string): Promise<PostgresStore> {
  const store = await openPostgres({ url, maxConnections: 4 });
  stores.add(store);
  return store;
}

/** Closes every store opened since the last call. */
export async function closeStores(): Promise<void> {
  for (const store of stores) await store.database.close().catch(() => undefined);
  stores.clear();
}

/** Drops every table of the schema, so the next `openStore` migrates an empty database (one server serves a whole test file). */
export async function emptyDatabase(url: string): Promise<void> {
  const store = await openStore(url);
  await store.database.query(
    'DROP TABLE IF EXISTS pbqa_meta, pbqa_texts, pbqa_terms, pbqa_practices, pbqa_feedback, pbqa_uploads, pbqa_ingest_documents, pbqa_ingest_passages, pbqa_ingest_duplicates, pbqa_passages, pbqa_documents CASCADE',
  );
  await closeStores();
}

/** Runs the real ingest pipeline into the database (lexical-only unless an embedder is given). */
export function ingestIntoDatabase(store: PostgresStore, corpusDir: string, options: Partial<IngestOptions> & { reembed?: boolean } = {}): Promise<IngestSummary> {
  const { reembed, ...rest } = options;
  const chunking = rest.chunking ?? defaultChunking;
  return ingest(corpusDir, '', {
    ...rest,
    openWriter: (embedder) => PostgresCorpusWriter.open(store, embedder, { chunking, reembed }),
  });
}

/** One row per statement result, for assertions on the tables. */
export async function rows<Row extends object = Record<string, any>>(store: PostgresStore, sql: string, params: unknown[] = []): Promise<Row[]> {
  return store.database.query<Row>(sql, params);
}

/**
 * One PGlite for a test file (it serves one session at a time: one per file), started before its
 * tests and stopped after them, with the test model when asked for; apps and stores opened by a
 * test are closed after it. Read `server` and `embedder` inside tests.
 */
export function pgliteForFile(options: { extensions?: readonly PgliteExtension[]; embedder?: boolean } = {}): { server: PgliteServer; embedder: Embedder } {
  const shared = {} as { server: PgliteServer; embedder: Embedder };
  beforeAll(async () => {
    const [server, embedder] = await Promise.all([startPglite({ extensions: options.extensions }), options.embedder ? loadTinyEmbedder() : null]);
    shared.server = server;
    if (embedder) shared.embedder = embedder;
  }, 180_000);
  afterEach(async () => {
    await closeTestApps();
    await closeStores();
  });
  afterAll(async () => {
    removeTempDirs();
    await shared.embedder?.dispose();
    await shared.server?.stop();
  });
  return shared;
}
