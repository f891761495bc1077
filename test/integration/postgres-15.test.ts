/**
 * The PostgreSQL backend on a real PostgreSQL 15 server (Debian's, started by the test in a
 * temporary folder): no pgvector and no pg_textsearch, so search is lexical-only and BM25 runs
 * through the tsvector fallback. Real sessions make the locks and the server going away real too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../core/embedding/embedder.ts';
import pg from 'pg';
import { PostgresSource } from '../../core/index/postgres/postgres-source.ts';
import { PostgresCorpusWriter } from '../../core/index/postgres/postgres-writer.ts';
import { schemaVersion } from '../../core/index/postgres/schema.ts';
import { databaseIngestNeeded } from '../../ingest/freshness.ts';
import { buildTestApp, closeTestApps, expectApiError } from '../helpers/app.ts';
import { expectSameAnswers, expectSameDocuments, expectSamePractices, expectSameSearches } from '../helpers/backend-contract.ts';
import { copyDefaultCorpus, defaultChunking, defaultDocId, defaultFiles, ingest, loadTinyEmbedder, makeTempDir, removeTempDirs, repoRoot } from '../helpers/corpus.ts';
import { closeStores, ingestIntoDatabase, openStore, rows } from '../helpers/postgres.ts';
import { killIngestAndCheck, killIngestProcesses, writeSyntheticCorpus } from '../helpers/postgres-crash.ts';
import { startPostgres15, type PostgresServer } from '../helpers/postgres-server.ts';

let server: PostgresServer;
let embedder: Embedder;

beforeAll(async () => {
  server = await startPostgres15();
  embedder = await loadTinyEmbedder();
}, 120_000);

afterEach(async () => {
  killIngestProcesses();
  await closeTestApps();
  await closeStores();
  removeTempDirs();
});

afterAll(async () => {
  await embedder?.dispose();
  await server?.stop();
});

/** A new empty database on the server, so each test starts from nothing. */
async function freshDatabase(name: string): Promise<string> {
  // CREATE DATABASE cannot run in a transaction, where the product runs every statement.
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

/** Appends a sentence to the Zhejiang article and deletes the Taizhou one. */
function editCorpus(corpusDir: string): void {
  const file = path.join(corpusDir, defaultFiles.zhejiang);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('开创新局。', '开创新局。学院党总支新增“量子通信党员先锋岗”示范项目。'));
  fs.rmSync(path.join(corpusDir, defaultFiles.taizhou));
}

describe('PostgreSQL 15 (no pgvector, no pg_textsearch)', () => {
  it('migrates once under concurrent start-ups and says what the server lacks', async () => {
    const url = await freshDatabase('migrations');
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url)]);
    for (const store of stores) {
      expect(store.capabilities).toMatchObject({ vectors: false, lexical: 'tsvector-fallback' });
      expect(store.capabilities.serverVersion).toMatch(/^15\./);
      expect(store.capabilities.vectorsMissing).toMatch(/no pgvector extension/);
      expect(store.capabilities.bm25Missing).toMatch(/no pg_textsearch/);
    }
    const [meta] = await rows(stores[0]!, 'SELECT schema_version, lexical, corpus_version FROM pbqa_meta');
    expect(meta).toEqual({ schema_version: 2, lexical: 'tsvector-fallback', corpus_version: 0 });
    // Before the first ingest the server says the index is missing, not that something broke.
    const app = await buildTestApp({ indexDir: '', source: new PostgresSource(stores[0]!) });
    expectApiError(await app.get('/api/search', { q: '党建' }), 503, 'INDEX_MISSING');
  });

  it('serves the same documents, passages and answers as the embedded index', async () => {
    const root = makeTempDir('pg15-contract');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    await ingest(corpusDir, indexDir);
    const store = await openStore(await freshDatabase('contract'));
    const summary = await ingestIntoDatabase(store, corpusDir);
    expect(summary).toMatchObject({ documents: 5, chunks: 46, changes: { added: 5, changed: 0, unchanged: 0, removed: 0 } });
    expect(summary.generationDir).toMatch(/corpus version 1/);

    const embedded = await buildTestApp({ indexDir });
    const database = await buildTestApp({ indexDir: '', source: new PostgresSource(store) });
    await expectSameDocuments(embedded, database);
    await expectSameSearches(embedded, database);
    await expectSameAnswers(embedded, database);
    await expectSamePractices(embedded, database);
    const health = (await database.get('/api/health')).body;
    const embeddedHealth = (await embedded.get('/api/health')).body;
    expect(health).toMatchObject({ status: embeddedHealth.status, documents: 5, chunks: 46, searchMode: 'lexical', index: { backend: 'postgres', lexical: 'tsvector-fallback', version: '1' } });
    expect(embeddedHealth.index).toMatchObject({ backend: 'files', lexical: 'bm25-files' });
    expect(health.index.note).toMatch(/pg_textsearch/);
  }, 120_000);

  it('with an embedding model loaded, says vector search is off because the server has no pgvector', async () => {
    const store = await openStore(await freshDatabase('novectors'));
    // The writer stores no vectors where the server cannot hold them.
    const summary = await ingestIntoDatabase(store, copyDefaultCorpus(), { embedder });
    expect(summary.embedded).toBe(0);
    const app = await buildTestApp({ indexDir: '', source: new PostgresSource(store), embedder });
    const health = (await app.get('/api/health')).body;
    expect(health.searchMode).toBe('lexical');
    expect(health.status).toBe('degraded');
    expect(health.warnings.join('\n')).toMatch(/vector search is off: the database server has no pgvector extension/);
    expect((await app.get('/api/search', { q: '黄大年式教师团队' })).body.mode).toBe('lexical');
  }, 60_000);

  it('re-ingests incrementally: unchanged articles untouched, the changed one replaced, the deleted one gone, statistics as a fresh ingest', async () => {
    const root = makeTempDir('pg15-reingest');
    const corpusDir = copyDefaultCorpus(root);
    const store = await openStore(await freshDatabase('incremental'));
    await ingestIntoDatabase(store, corpusDir);
    const before = await rows<{ id: number; doc_id: string }>(store, 'SELECT id, doc_id FROM pbqa_passages ORDER BY id');

    editCorpus(corpusDir);
    const second = await ingestIntoDatabase(store, corpusDir);
    expect(second.changes).toEqual({ added: 0, changed: 1, unchanged: 3, removed: 1 });
    expect(second.generationDir).toMatch(/corpus version 2/);
    const after = await rows<{ id: number; doc_id: string }>(store, 'SELECT id, doc_id FROM pbqa_passages ORDER BY id');
    // Unchanged articles keep their rows (not rewritten); the changed one has new rows; the deleted one none.
    const kept = (list: { id: number; doc_id: string }[]) => list.filter((row) => ![defaultDocId('zhejiang'), defaultDocId('taizhou')].includes(row.doc_id));
    expect(kept(after)).toEqual(kept(before));
    expect(after.some((row) => row.doc_id === defaultDocId('taizhou'))).toBe(false);
    const changedBefore = before.filter((row) => row.doc_id === defaultDocId('zhejiang')).map((row) => row.id);
    const changedAfter = after.filter((row) => row.doc_id === defaultDocId('zhejiang')).map((row) => row.id);
    expect(changedAfter.length).toBeGreaterThan(0);
    expect(changedAfter.some((id) => changedBefore.includes(id))).toBe(false);

    // The incrementally maintained term statistics and totals equal a from-scratch ingest's.
    const fresh = await openStore(await freshDatabase('fromscratch'));
    await ingestIntoDatabase(fresh, corpusDir);
    const terms = 'SELECT field, term, passages, documents FROM pbqa_terms ORDER BY field, term';
    expect(await rows(store, terms)).toEqual(await rows(fresh, terms));
    const totals = 'SELECT passages, documents, word_tokens, bigram_tokens FROM pbqa_meta';
    expect(await rows(store, totals)).toEqual(await rows(fresh, totals));

    // And it searches as the embedded index over the edited corpus.
    const indexDir = path.join(root, 'index');
    await ingest(corpusDir, indexDir);
    await expectSameSearches(await buildTestApp({ indexDir }), await buildTestApp({ indexDir: '', source: new PostgresSource(store) }));
  }, 120_000);

  it('npm run index:migrate copies an embedded index (without vectors here: the server has no pgvector)', async () => {
    const root = makeTempDir('pg15-migrate');
    const indexDir = path.join(root, 'index');
    await ingest(copyDefaultCorpus(root), indexDir, { embedder });
    const url = await freshDatabase('migrated');
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/migrate-index.ts', '--index', indexDir], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/no pgvector extension: vectors are not copied/);
    expect(run.stderr).toMatch(/corpus version 1\): 5 documents, 46 passages, no vectors/);
    const store = await openStore(url);
    await expectSameSearches(await buildTestApp({ indexDir }), await buildTestApp({ indexDir: '', source: new PostgresSource(store) }));
    const missing = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/migrate-index.ts', '--index', indexDir], { cwd: repoRoot, env: { ...env, DATABASE_URL: '' }, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/DATABASE_URL is not set/);
  }, 120_000);

  it('refuses a second ingest while one holds the lock, and takes it once released', async () => {
    const url = await freshDatabase('locking');
    const first = await PostgresCorpusWriter.open(await openStore(url), null, { chunking: defaultChunking });
    await expect(PostgresCorpusWriter.open(await openStore(url), null, { chunking: defaultChunking })).rejects.toThrow(/another ingest is writing the database/);
    await first.abandon();
    const second = await PostgresCorpusWriter.open(await openStore(url), null, { chunking: defaultChunking });
    await second.abandon();
  });

  it('answers with a clear error while the database is away, and recovers without a restart', async () => {
    const store = await openStore(await freshDatabase('outage'));
    await ingestIntoDatabase(store, copyDefaultCorpus());
    const app = await buildTestApp({ indexDir: '', source: new PostgresSource(store) });
    const query = { q: '黄大年式教师团队' };
    const healthy = await app.get('/api/search', query);
    const healthBefore = (await app.get('/api/health')).body;
    expect(healthy.status).toBe(200);

    await server.pause();
    try {
      expectApiError(await app.get('/api/search', query), 503, 'DATABASE_UNAVAILABLE');
      const ask = await app.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '黄大年式教师团队有哪些经验？' } });
      expect(ask.statusCode).toBe(503);
      expect(ask.json().error.code).toBe('DATABASE_UNAVAILABLE');
      // Polling for a new version fails too; health says so, the loaded version stays.
      await app.search.reloadIfChangedAsync();
      const health = (await app.get('/api/health')).body;
      expect(health.status).toBe('degraded');
      expect(health.warnings.join('\n')).toMatch(/cannot reach the database/);
    } finally {
      await server.resume();
    }
    const recovered = await app.get('/api/search', query);
    expect(recovered.status).toBe(200);
    expect(recovered.body.results).toEqual(healthy.body.results);
    await app.search.reloadIfChangedAsync();
    expect((await app.get('/api/health')).body).toEqual(healthBefore);
  }, 60_000);

  it.each(['staging', 'publishing'] as const)('an ingest killed with SIGKILL while %s leaves the previous version serving; the next one publishes', async (when) => {
    const url = await freshDatabase(`killed_${when}`);
    const store = await openStore(url);
    await ingestIntoDatabase(store, copyDefaultCorpus());
    const corpusDir = copyDefaultCorpus();
    writeSyntheticCorpus(path.join(corpusDir, 'more'), 150);
    const staged = async (): Promise<number> => (await rows<{ count: number }>(store, 'SELECT count(*) AS count FROM pbqa_ingest_passages'))[0]!.count;
    await killIngestAndCheck(store, url, corpusDir, when, staged);
  }, 180_000);

  it('asks for an ingest when the database is behind the corpus or its 做法库 is missing or from another extractor', async () => {
    const url = await freshDatabase('freshness');
    const store = await openStore(url);
    const corpusDir = copyDefaultCorpus();
    expect(await databaseIngestNeeded(corpusDir, store, null)).toMatch(/no corpus in the database/);
    await ingestIntoDatabase(store, corpusDir);
    expect(await databaseIngestNeeded(corpusDir, store, null)).toBeNull();
    const [catalog] = await rows<{ catalog: string }>(store, 'SELECT catalog FROM pbqa_practices');
    const header = JSON.parse(catalog!.catalog.split('\n')[0]!) as { count: number };
    expect(header.count).toBeGreaterThan(10);
    await store.database.query(`UPDATE pbqa_practices SET catalog = replace(catalog, '"extractor":"', '"extractor":"older-')`);
    expect(await databaseIngestNeeded(corpusDir, store, null)).toMatch(/practice catalog was built by older-/);
    await store.database.query('DELETE FROM pbqa_practices');
    expect(await databaseIngestNeeded(corpusDir, store, null)).toMatch(/no practice catalog/);
    // The server still serves the version, without a 做法库 until the ingest has run.
    const app = await buildTestApp({ indexDir: '', source: new PostgresSource(store) });
    expectApiError(await app.get('/api/practices'), 503, 'INDEX_SCHEMA_MISMATCH');
    await ingestIntoDatabase(store, corpusDir);
    expect(await databaseIngestNeeded(corpusDir, store, null)).toBeNull();
  }, 60_000);

  it('refuses a database migrated by a newer program, and a corpus tokenised by another analyzer', async () => {
    const url = await freshDatabase('mismatch');
    const store = await openStore(url);
    await ingestIntoDatabase(store, copyDefaultCorpus());
    await store.database.query('UPDATE pbqa_meta SET schema_version = 99');
    await expect(openStore(url)).rejects.toMatchObject({ code: 'INDEX_SCHEMA_MISMATCH', message: expect.stringMatching(new RegExp(`schema version 99, newer than this program's ${schemaVersion}`)) });
    await store.database.query('UPDATE pbqa_meta SET schema_version = $1, analyzer = $2', [schemaVersion, 'jieba-old-0']);
    const source = new PostgresSource(store);
    await expect(source.load({ vectorModel: null })).rejects.toMatchObject({ code: 'INDEX_SCHEMA_MISMATCH', message: expect.stringMatching(/tokenised with jieba-old-0.*Run the ingest again/) });
    // An ingest re-tokenises every article (the content is unchanged), and the corpus loads again.
    await ingestIntoDatabase(store, copyDefaultCorpus());
    expect((await source.load({ vectorModel: null })).chunkCount).toBe(46);
  }, 60_000);
});
