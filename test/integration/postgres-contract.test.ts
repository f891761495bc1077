/**
 * The contract suite in hybrid mode: PGlite with pgvector (and without pg_textsearch, so lexical
 * search is the exact tsvector fallback) against the embedded index, both with the same embedding
 * model: the same documents, passages and answers. PGlite is PostgreSQL 18 in WebAssembly,
 * served on a loopback port and reached through `pg` like any server.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../core/embedding/embedder.ts';
import { PostgresSource } from '../../core/index/postgres/postgres-source.ts';
import { buildTestApp, closeTestApps } from '../helpers/app.ts';
import { expectSameAnswers, expectSameDocuments, expectSamePractices, expectSameSearches } from '../helpers/backend-contract.ts';
import { copyDefaultCorpus, ingest, loadTinyEmbedder, makeTempDir, removeTempDirs } from '../helpers/corpus.ts';
import { migrateIndex } from '../../ingest/migrate-index.ts';
import { closeStores, emptyDatabase, ingestIntoDatabase, openStore, rows } from '../helpers/postgres.ts';
import { startPglite, type PgliteServer } from '../helpers/pglite-server.ts';

let server: PgliteServer;
let embedder: Embedder;

beforeAll(async () => {
  [server, embedder] = await Promise.all([startPglite({ extensions: ['vector'] }), loadTinyEmbedder()]);
}, 180_000);

afterEach(async () => {
  await closeTestApps();
  await closeStores();
});

afterAll(async () => {
  removeTempDirs();
  await embedder?.dispose();
  await server?.stop();
});

describe('PostgreSQL with pgvector: the contract in hybrid mode', () => {
  it('serves the same documents, passages and answers as the embedded index with the same model', async () => {
    const root = makeTempDir('pglite-contract');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    await ingest(corpusDir, indexDir, { embedder });
    const store = await openStore(server.url);
    expect(store.capabilities).toMatchObject({ vectors: true, lexical: 'tsvector-fallback' });
    const summary = await ingestIntoDatabase(store, corpusDir, { embedder });
    expect(summary).toMatchObject({ documents: 5, chunks: 46, embedded: 46, reused: 0, embeddingModel: embedder.modelId });

    const embedded = await buildTestApp({ indexDir, embedder });
    const database = await buildTestApp({ indexDir: '', source: new PostgresSource(store), embedder });
    const health = (await database.get('/api/health')).body;
    expect(health).toMatchObject({ status: 'ok', searchMode: 'hybrid', embedder: embedder.modelId, index: { backend: 'postgres', lexical: 'tsvector-fallback' } });
    await expectSameDocuments(embedded, database);
    await expectSameSearches(embedded, database);
    await expectSameAnswers(embedded, database);
    await expectSamePractices(embedded, database);
  }, 300_000);

  it('index:migrate copies the embedded index with its vectors (nothing embedded again); the copy serves the same', async () => {
    const root = makeTempDir('pglite-migrate');
    const indexDir = path.join(root, 'index');
    await ingest(copyDefaultCorpus(root), indexDir, { embedder });
    await emptyDatabase(server.url);
    const fresh = await openStore(server.url);
    // No embedding model is loaded: every vector comes from the index.
    const summary = await migrateIndex(fresh, indexDir);
    expect(summary).toMatchObject({ documents: 5, passages: 46, vectors: 46, embeddingModel: embedder.modelId });
    const embedded = await buildTestApp({ indexDir, embedder });
    const database = await buildTestApp({ indexDir: '', source: new PostgresSource(fresh), embedder });
    await expectSameDocuments(embedded, database);
    await expectSameSearches(embedded, database);
    await expectSameAnswers(embedded, database);
    await expectSamePractices(embedded, database);
    // Copying again changes nothing but the version.
    const ids = 'SELECT id FROM pbqa_passages ORDER BY id';
    const before = await rows(fresh, ids);
    expect((await migrateIndex(fresh, indexDir)).version).toMatch(/corpus version 2/);
    expect(await rows(fresh, ids)).toEqual(before);
  }, 300_000);
});
