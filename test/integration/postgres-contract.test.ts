/**
 * The contract suite in hybrid mode: PGlite with pgvector (and without pg_textsearch, so lexical
 * search is the exact tsvector fallback) against the embedded index, both with the same embedding
 * model: the same documents, passages and answers. PGlite is PostgreSQL 18 in WebAssembly,
 * served on a loopback port and reached through `pg` like any server.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostgresSource } from '../../core/index/postgres/postgres-source.ts';
import { buildTestApp } from '../helpers/app.ts';
import { expectSameAnswers, expectSameDocuments, expectSamePractices, expectSameSearches } from '../helpers/backend-contract.ts';
import { copyDefaultCorpus, ingest, makeTempDir } from '../helpers/corpus.ts';
import { migrateIndex } from '../../ingest/migrate-index.ts';
import { emptyDatabase, ingestIntoDatabase, openStore, pgliteForFile, rows } from '../helpers/postgres.ts';

const shared = pgliteForFile({ extensions: ['vector'], embedder: true });

describe('PostgreSQL with pgvector: the contract in hybrid mode', () => {
  it('serves the same documents, passages and answers as the embedded index with the same model', async () => {
    const root = makeTempDir('pglite-contract');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    await ingest(corpusDir, indexDir, { embedder: shared.embedder });
    const store = await openStore(shared.server.url);
    expect(store.capabilities).toMatchObject({ vectors: true, lexical: 'tsvector-fallback' });
    const summary = await ingestIntoDatabase(store, corpusDir, { embedder: shared.embedder });
    expect(summary).toMatchObject({ documents: 5, chunks: 46, embedded: 46, reused: 0, embeddingModel: shared.embedder.modelId });

    const embedded = await buildTestApp({ indexDir, embedder: shared.embedder });
    const database = await buildTestApp({ indexDir: '', source: new PostgresSource(store), embedder: shared.embedder });
    const health = (await database.get('/api/health')).body;
    expect(health).toMatchObject({ status: 'ok', searchMode: 'hybrid', embedder: shared.embedder.modelId, index: { backend: 'postgres', lexical: 'tsvector-fallback' } });
    await expectSameDocuments(embedded, database);
    await expectSameSearches(embedded, database);
    await expectSameAnswers(embedded, database);
    await expectSamePractices(embedded, database);
  }, 300_000);

  it('index:migrate copies the embedded index with its vectors (nothing embedded again); the copy serves the same', async () => {
    const root = makeTempDir('pglite-migrate');
    const indexDir = path.join(root, 'index');
    await ingest(copyDefaultCorpus(root), indexDir, { embedder: shared.embedder });
    await emptyDatabase(shared.server.url);
    const fresh = await openStore(shared.server.url);
    // No embedding model is loaded: every vector comes from the index.
    const summary = await migrateIndex(fresh, indexDir);
    expect(summary).toMatchObject({ documents: 5, passages: 46, vectors: 46, embeddingModel: shared.embedder.modelId });
    const embedded = await buildTestApp({ indexDir, embedder: shared.embedder });
    const database = await buildTestApp({ indexDir: '', source: new PostgresSource(fresh), embedder: shared.embedder });
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
