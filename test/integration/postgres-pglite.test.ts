/**
 * The PostgreSQL backend with both extensions (PGlite: pgvector and pg_textsearch): BM25 through
 * pg_textsearch's index, filtered vector search that loses nothing, vectors reused across
 * ingests and never mixed between models.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dot } from '../../core/embedding/embedder.ts';
import { documentMatcher, type PassageFilter } from '../../core/index/index-snapshot.ts';
import { PostgresSource } from '../../core/index/postgres/postgres-source.ts';
import type { PostgresSnapshot } from '../../core/index/postgres/postgres-snapshot.ts';
import { buildTestApp } from '../helpers/app.ts';
import { contractSearches } from '../helpers/backend-contract.ts';
import { copyDefaultCorpus, defaultDocId, defaultFiles, ingest, makeTempDir, renamedEmbedder } from '../helpers/corpus.ts';
import { emptyDatabase, ingestIntoDatabase, openStore, pgliteForFile, rows } from '../helpers/postgres.ts';

const shared = pgliteForFile({ embedder: true });

describe('PostgreSQL with pgvector and pg_textsearch', () => {
  it('ranks with pg_textsearch BM25 as the embedded index ranks, and says so in health', async () => {
    await emptyDatabase(shared.server.url);
    const root = makeTempDir('pglite-bm25');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    await ingest(corpusDir, indexDir);
    const store = await openStore(shared.server.url);
    expect(store.capabilities).toMatchObject({ vectors: true, lexical: 'pg_textsearch', bm25Missing: null });
    await ingestIntoDatabase(store, corpusDir);
    const embedded = await buildTestApp({ indexDir });
    const database = await buildTestApp({ indexDir: '', source: new PostgresSource(store) });
    expect((await database.get('/api/health')).body.index).toEqual({ backend: 'postgres', lexical: 'pg_textsearch', version: '1' });
    // pg_textsearch stores passage lengths in a lossy byte (as Lucene does), so scores differ from
    // exact BM25 by up to about 1%: near-ties may swap, the passages found do not change.
    for (const query of contractSearches) {
      const chunkIds = async (app: typeof embedded): Promise<string[]> => ((await app.get('/api/search', query)).body.results as { chunkId: string }[]).map((result) => result.chunkId);
      const expected = await chunkIds(embedded);
      const actual = await chunkIds(database);
      expect(actual.length, JSON.stringify(query)).toBe(expected.length);
      expect(actual[0], JSON.stringify(query)).toBe(expected[0]);
      const shared = actual.filter((chunkId) => expected.includes(chunkId)).length;
      expect(shared, JSON.stringify(query)).toBeGreaterThanOrEqual(Math.ceil(expected.length * 0.9));
    }
  }, 240_000);

  it('filtered vector search returns every accepted passage the exact scan returns, by HNSW iterative scan or by the exact path', async () => {
    await emptyDatabase(shared.server.url);
    const store = await openStore(shared.server.url);
    await ingestIntoDatabase(store, copyDefaultCorpus(), { embedder: shared.embedder });
    const snapshot = (await new PostgresSource(store).load({ vectorModel: shared.embedder.modelId })) as PostgresSnapshot;
    const vectors = await Promise.all(Array.from({ length: snapshot.chunkCount }, (_, chunk) => snapshot.storedVector(chunk)));
    const filters: PassageFilter[] = [{ college: '湖南电气职业技术学院' }, { year: 2022 }, { docIds: [defaultDocId('suzhou')] }, { excludeDocIds: [defaultDocId('jiaxing')] }, { college: '不存在的学校' }];
    for (const question of ['党员志愿服务的成效', '校企合作 产教融合']) {
      const query = await shared.embedder.embedQuery(question);
      for (const filter of filters) {
        // The product's rule (an undated article passes a year filter), as the embedded index applies it.
        const accepted = snapshot.documents.filter(documentMatcher(filter)!);
        const exact = accepted
          .flatMap((document) => Array.from({ length: document.chunkCount }, (_, ordinal) => document.firstChunk + ordinal))
          .map((chunk) => ({ chunk, score: dot(query, vectors[chunk]!) }))
          .sort((left, right) => right.score - left.score)
          .slice(0, 10);
        // exactSearchLimit 0 forces the HNSW iterative scan with a small ef; the default takes the exact path.
        for (const exactSearchLimit of [0, 5_000]) {
          const found = await snapshot.vectorSearch(query, 10, filter, { efSearch: 10, exactSearchLimit });
          expect(found.map((hit) => hit.chunk), `${question} ${JSON.stringify(filter)} ${exactSearchLimit}`).toEqual(exact.map((hit) => hit.chunk));
          found.forEach((hit, index) => expect(hit.score).toBeCloseTo(exact[index]!.score, 5));
        }
      }
    }
  }, 240_000);

  it('re-embeds only the passages of changed articles; unchanged ones keep their stored vectors', async () => {
    await emptyDatabase(shared.server.url);
    const store = await openStore(shared.server.url);
    const corpusDir = copyDefaultCorpus();
    const first = await ingestIntoDatabase(store, corpusDir, { embedder: shared.embedder });
    expect(first).toMatchObject({ embedded: 46, reused: 0 });
    const vectorsOf = async (docId: string) => rows(store, 'SELECT ordinal, embedding::text AS embedding FROM pbqa_passages WHERE doc_id = $1 ORDER BY ordinal', [docId]);
    const hunanBefore = await vectorsOf(defaultDocId('hunan'));

    // A new closing sentence in one article: only its last passage's text changes.
    const file = path.join(corpusDir, defaultFiles.zhejiang);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('开创新局。', '开创新局。学院党总支新增“量子通信党员先锋岗”示范项目。'));
    const second = await ingestIntoDatabase(store, corpusDir, { embedder: shared.embedder });
    expect(second.changes).toEqual({ added: 0, changed: 1, unchanged: 4, removed: 0 });
    const zhejiang = (await rows<{ chunk_count: number }>(store, 'SELECT chunk_count FROM pbqa_documents WHERE doc_id = $1', [defaultDocId('zhejiang')]))[0]!.chunk_count;
    expect(second.embedded + second.reused).toBe(zhejiang);
    expect(second.embedded).toBeGreaterThanOrEqual(1);
    expect(second.embedded).toBeLessThan(zhejiang);
    expect(await vectorsOf(defaultDocId('hunan'))).toEqual(hunanBefore);

    const third = await ingestIntoDatabase(store, corpusDir, { embedder: shared.embedder });
    expect(third).toMatchObject({ embedded: 0, reused: 0, changes: { unchanged: 5 } });
    const app = await buildTestApp({ indexDir: '', source: new PostgresSource(store), embedder: shared.embedder });
    const results = (await app.get('/api/search', { q: '量子通信党员先锋岗', k: '20' })).body;
    expect(results.mode).toBe('hybrid');
    expect(results.results.some((result: { docId: string; text: string }) => result.docId === defaultDocId('zhejiang') && result.text.includes('量子通信党员先锋岗'))).toBe(true);
  }, 240_000);

  it('never mixes vectors of two models: another model or none is refused, --reembed replaces them', async () => {
    await emptyDatabase(shared.server.url);
    const store = await openStore(shared.server.url);
    const corpusDir = copyDefaultCorpus();
    await ingestIntoDatabase(store, corpusDir, { embedder: shared.embedder });
    const other = renamedEmbedder(shared.embedder, 'other/model-16d');
    await expect(ingestIntoDatabase(store, corpusDir, { embedder: other })).rejects.toMatchObject({
      code: 'EMBEDDING_MISMATCH',
      message: expect.stringContaining(`holds ${shared.embedder.modelId} vectors (16 dimensions); this ingest embeds with other/model-16d (16). Set EMBEDDING_MODEL=${shared.embedder.modelId}, or add --reembed`),
    });
    await expect(ingestIntoDatabase(store, corpusDir, { embedder: null })).rejects.toMatchObject({ code: 'EMBEDDING_MISMATCH', message: expect.stringMatching(/no embedding model/) });
    expect((await rows(store, 'SELECT corpus_version, embedding_model FROM pbqa_meta'))[0]).toEqual({ corpus_version: 1, embedding_model: shared.embedder.modelId });

    // A server configured with the other model searches lexical-only and says why.
    const mismatched = await buildTestApp({ indexDir: '', source: new PostgresSource(store), embedder: other });
    const health = (await mismatched.get('/api/health')).body;
    expect(health.searchMode).toBe('lexical');
    expect(health.warnings.join('\n')).toContain(`holds ${shared.embedder.modelId} vectors but the configured model is other/model-16d`);
    expect((await mismatched.get('/api/search', { q: '党建' })).status).toBe(200);
    expect(other.queries).toBe(0);

    const switched = await ingestIntoDatabase(store, corpusDir, { embedder: other, reembed: true });
    expect(switched).toMatchObject({ embedded: 46, reused: 0, embeddingModel: 'other/model-16d' });
    expect((await rows(store, 'SELECT embedding_model, embedding_dimension FROM pbqa_meta'))[0]).toEqual({ embedding_model: 'other/model-16d', embedding_dimension: 16 });
    const dropped = await ingestIntoDatabase(store, corpusDir, { embedder: null, reembed: true });
    expect(dropped.embeddingModel).toBeNull();
    expect((await rows(store, 'SELECT embedding_model FROM pbqa_meta'))[0]).toEqual({ embedding_model: null });
    expect(await rows(store, `SELECT 1 FROM information_schema.columns WHERE table_name = 'pbqa_passages' AND column_name = 'embedding'`)).toEqual([]);
  }, 240_000);
});
