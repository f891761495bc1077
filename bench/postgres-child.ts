/**
 * Bench child: the same corpus and queries through both retrieval backends, the embedded index
 * and PostgreSQL, side by side. PostgreSQL here is PGlite (PostgreSQL 18 compiled to
 * WebAssembly, one backend, one statement at a time, with pgvector and pg_textsearch) served by
 * pglite-socket and reached through `pg` like a real server: its rows are a floor, a native
 * server on the same machine is faster. Vectors are the projection stand-in (see
 * projection-embedder.ts) for both backends.
 *
 * Per backend: ingest (passages/s, vectors and HNSW included), retrieval latency lexical-only and
 * hybrid, HNSW recall@10 against an exact scan of the same stored vectors, and searches per
 * second with four clients searching at once. With `server: 'pg15'` the PostgreSQL side is Debian's
 * native PostgreSQL 15 instead, which has neither extension: lexical rows only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Embedder } from '../core/embedding/embedder.ts';
import { EmbeddedSnapshot } from '../core/index/index-reader.ts';
import type { IndexSnapshot } from '../core/index/index-snapshot.ts';
import { PostgresSource, openPostgres } from '../core/index/postgres/postgres-source.ts';
import { PostgresCorpusWriter } from '../core/index/postgres/postgres-writer.ts';
import { vectorLiteral } from '../core/index/postgres/term-vectors.ts';
import { Retriever } from '../core/retrieval/retriever.ts';
import { ingestCorpus } from '../ingest/pipeline.ts';
import { startPglite } from '../test/helpers/pglite-server.ts';
import { startPostgres15 } from '../test/helpers/postgres-server.ts';
import { childMain } from './child.ts';
import { projectText, projectionEmbedder, type IdfTable } from './projection-embedder.ts';
import { machineLoad, round, summarize, type Summary } from './stats.ts';

export interface PostgresTask {
  corpusDir: string;
  chunking: { size: number; overlap: number };
  hnsw: { m: number; efConstruction: number };
  efSearch: number;
  idf: { idf: IdfTable; unseen: number };
  queries: string[];
  /** Passages of another collection, as recall queries. */
  recallPassages: string[];
  k: number;
  /** Seconds of the four-client run. */
  concurrentSeconds: number;
  /** `pglite` (pgvector, pg_textsearch, WebAssembly) or `pg15`: Debian's native PostgreSQL 15, lexical-only. */
  server: PostgresServerKind;
}

export type PostgresServerKind = 'pglite' | 'pg15';

export interface BackendResult {
  backend: string;
  passages: number;
  ingestMs: number;
  passagesPerSecond: number;
  loadMs: number;
  lexical: Summary;
  /** Null where the backend holds no vectors (PostgreSQL without pgvector). */
  hybrid: Summary | null;
  recallAt10: number | null;
  /** Searches per second (hybrid, or lexical without vectors) with four clients at once, and their latency. */
  concurrent: { clients: number; searchesPerSecond: number; latency: Summary };
}

export interface PostgresResult {
  embedded: BackendResult;
  postgres: BackendResult & { lexicalMode: string; server: string };
  load: ReturnType<typeof machineLoad>;
}

async function latencies(retriever: Retriever, queries: readonly string[], k: number): Promise<Summary> {
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    await retriever.search(query, { k });
    times.push(performance.now() - started);
  }
  return summarize(times);
}

async function concurrently(retriever: Retriever, queries: readonly string[], k: number, clients: number, seconds: number): Promise<BackendResult['concurrent']> {
  const times: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let index = client; performance.now() < deadline; index += clients) {
        const begun = performance.now();
        await retriever.search(queries[index % queries.length]!, { k });
        times.push(performance.now() - begun);
      }
    }),
  );
  return { clients, searchesPerSecond: round(times.length / ((performance.now() - started) / 1000), 1), latency: summarize(times) };
}

/** Mean recall@10 of the backend's vector search (HNSW) against `exact` for each recall query. */
async function recall(snapshot: IndexSnapshot, vectors: Float32Array[], efSearch: number, exact: (vector: Float32Array) => Promise<number[]>): Promise<number> {
  let found = 0;
  let wanted = 0;
  for (const vector of vectors) {
    const truth = new Set(await exact(vector));
    const hits = await snapshot.vectorSearch(vector, 10, undefined, { efSearch, exactSearchLimit: 0 });
    wanted += truth.size;
    for (const hit of hits) if (truth.has(hit.chunk)) found++;
  }
  return round(found / Math.max(1, wanted), 4);
}

async function measure(backend: string, snapshot: IndexSnapshot, embedder: Embedder, task: PostgresTask, ingest: { ms: number; passages: number; loadMs: number }, exact: ((vector: Float32Array) => Promise<number[]>) | null, progress: (line: string) => void): Promise<BackendResult> {
  const options = { efSearch: task.efSearch };
  const lexicalRetriever = new Retriever(snapshot, null, options);
  const hybridRetriever = exact ? new Retriever(snapshot, embedder, options) : null;
  const warm = hybridRetriever ?? lexicalRetriever;
  // Warm up: the first searches compile code and fill caches on both sides.
  for (const query of task.queries.slice(0, 10)) await warm.search(query, { k: task.k });
  const lexical = await latencies(lexicalRetriever, task.queries, task.k);
  const hybrid = hybridRetriever ? await latencies(hybridRetriever, task.queries, task.k) : null;
  progress(`  ${backend}: lexical p50 ${lexical.p50.toFixed(1)} / p99 ${lexical.p99.toFixed(1)} ms${hybrid ? `, hybrid p50 ${hybrid.p50.toFixed(1)} / p99 ${hybrid.p99.toFixed(1)} ms` : ' (no vectors)'}`);
  const recallQueries = [...task.recallPassages, ...task.queries.slice(0, 50)].map((text) => projectText(text, task.idf));
  const recallAt10 = exact ? await recall(snapshot, recallQueries, task.efSearch, exact) : null;
  const concurrent = await concurrently(warm, task.queries, task.k, 4, task.concurrentSeconds);
  progress(`  ${backend}: recall@10 ${recallAt10 ?? '–'}, 4 clients ${concurrent.searchesPerSecond} searches/s (p99 ${concurrent.latency.p99.toFixed(1)} ms)`);
  return {
    backend,
    passages: ingest.passages,
    ingestMs: round(ingest.ms, 0),
    passagesPerSecond: round(ingest.passages / (ingest.ms / 1000), 0),
    loadMs: round(ingest.loadMs, 0),
    lexical,
    hybrid,
    recallAt10,
    concurrent,
  };
}

childMain<PostgresTask, PostgresResult>(async (task, progress) => {
  const embedder = projectionEmbedder(task.idf);
  const base = { corpusDir: task.corpusDir, chunking: task.chunking, embedder, embeddingBatchSize: 64, hnsw: task.hnsw };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbqa-bench-pg-'));
  // PGlite's files on disk: a large ingest held in memory outgrows the machine.
  const server = task.server === 'pg15' ? await startPostgres15() : await startPglite({ dataDir: path.join(work, 'pglite') });
  const serverName = task.server === 'pg15' ? 'PostgreSQL 15' : 'PGlite';
  const store = await openPostgres({ url: server.url, maxConnections: 6 });
  try {
    // Embedded index.
    const indexDir = path.join(work, 'index');
    let started = performance.now();
    const embeddedIngest = await ingestCorpus({ ...base, indexDir });
    const embeddedMs = performance.now() - started;
    progress(`  embedded: ${embeddedIngest.chunks} passages in ${(embeddedMs / 1000).toFixed(1)} s`);
    started = performance.now();
    const embeddedSnapshot = EmbeddedSnapshot.load(indexDir, { vectorModel: embedder.modelId });
    const embeddedLoadMs = performance.now() - started;
    const embeddedVectors = embeddedSnapshot.vectors!;
    const allRanges: [number, number][] = [[0, embeddedSnapshot.chunkCount]];
    const embedded = await measure('embedded', embeddedSnapshot, embedder, task, { ms: embeddedMs, passages: embeddedIngest.chunks, loadMs: embeddedLoadMs }, async (vector) => embeddedVectors.searchExact(vector, allRanges, 10).map((hit) => hit.chunk), progress);
    embeddedSnapshot.close();

    // PostgreSQL; without pgvector the ingest stores no vectors and search is lexical-only.
    started = performance.now();
    const postgresIngest = await ingestCorpus({ ...base, embedder: store.capabilities.vectors ? embedder : null, indexDir: '', openWriter: (model) => PostgresCorpusWriter.open(store, model, { chunking: task.chunking }) });
    const postgresMs = performance.now() - started;
    progress(`  postgres (${serverName}): ${postgresIngest.chunks} passages in ${(postgresMs / 1000).toFixed(1)} s`);
    started = performance.now();
    const snapshot = await new PostgresSource(store).load({ vectorModel: embedder.modelId });
    const postgresLoadMs = performance.now() - started;
    const ids = new Map<number, number>();
    for (const row of await store.database.query<{ id: number; doc_id: string; ordinal: number }>('SELECT id, doc_id, ordinal FROM pbqa_passages')) {
      ids.set(Number(row.id), snapshot.document(row.doc_id)!.firstChunk + row.ordinal);
    }
    // The exact scan: `+ 0` keeps the planner off the HNSW index.
    const exact = store.capabilities.vectors
      ? async (vector: Float32Array): Promise<number[]> =>
          (await store.database.query<{ id: number }>('SELECT id FROM pbqa_passages ORDER BY (embedding <=> $1::vector) + 0 LIMIT 10', [vectorLiteral(vector)])).map((row) => ids.get(Number(row.id))!)
      : null;
    const postgres = await measure('postgres', snapshot, embedder, task, { ms: postgresMs, passages: postgresIngest.chunks, loadMs: postgresLoadMs }, exact, progress);
    snapshot.close();
    return { embedded, postgres: { ...postgres, lexicalMode: snapshot.info.lexical, server: serverName }, load: machineLoad() };
  } finally {
    await store.database.close();
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
