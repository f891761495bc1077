/**
 * The embedding path with the tiny random model (test/fixtures/make-test-model.ts writes it on
 * first use): hybrid search plumbing, the manifest's model and dimension, and what happens when the
 * index and the configured model disagree (reported, searched lexical-only, never mixed). The
 * model's vectors are random, so nothing here judges ranking by vectors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dot, type Embedder } from '../../core/embedding/embedder.ts';
import { readTypedArray } from '../../core/index/binary-io.ts';
import { EmbeddedSnapshot } from '../../core/index/index-reader.ts';
import { indexFiles } from '../../core/index/layout.ts';
import { readManifest } from '../../core/index/manifest.ts';
import { Retriever } from '../../core/retrieval/retriever.ts';
import { ingestNeeded } from '../../ingest/freshness.ts';
import type { IngestSummary } from '../../ingest/pipeline.ts';
import { buildTestApp, closeTestApps } from '../helpers/app.ts';
import { copyDefaultCorpus, defaultDocId, defaultFiles, ingest, loadTinyEmbedder, makeTempDir, removeTempDirs, renamedEmbedder, tinyModelId } from '../helpers/corpus.ts';

let embedder: Embedder;
let corpusDir: string;
let indexDir: string;
let summary: IngestSummary;

beforeAll(async () => {
  embedder = await loadTinyEmbedder();
  const root = makeTempDir('embeddings');
  corpusDir = copyDefaultCorpus(root);
  indexDir = path.join(root, 'index');
  summary = await ingest(corpusDir, indexDir, { embedder });
});

afterEach(closeTestApps);

afterAll(async () => {
  await embedder.dispose();
  removeTempDirs();
});

describe('with the tiny embedding model', () => {
  it('loads offline and embeds into normalised vectors of its dimension', async () => {
    expect(embedder.modelId).toBe(tinyModelId);
    expect(embedder.dimension).toBe(16);
    const [passage] = await embedder.embedPassages(['党建引领高质量发展']);
    const query = await embedder.embedQuery('党建引领高质量发展');
    for (const vector of [passage!, query]) {
      expect(vector).toHaveLength(16);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 4);
    }
  });

  it('gives a passage the same vector alone and in a batch of longer and shorter ones (padding is masked)', async () => {
    const texts = ['党建引领高质量发展', '风能工程学院教工党支部实施“红色风能”工程，推动党建与业务深度融合。', '党员'];
    const batch = await embedder.embedPassages(texts);
    for (const [index, text] of texts.entries()) {
      const [alone] = await embedder.embedPassages([text]);
      alone!.forEach((value, dimension) => expect(batch[index]![dimension]).toBeCloseTo(value, 5));
    }
    expect(dot(batch[0]!, batch[1]!)).toBeLessThan(0.999);
  });

  it('records the model and dimension in the manifest and embeds every passage', () => {
    expect(summary).toMatchObject({ embeddingModel: tinyModelId, embedded: summary.chunks, reused: 0, documents: 5 });
    const manifest = readManifest(summary.generationDir);
    expect(manifest.embedding).toEqual({ model: tinyModelId, dimension: 16, space: 'ip', m: 16, efConstruction: 200 });
    expect(manifest.counts).toMatchObject({ documents: 5, chunks: summary.chunks });
  });

  it('serves hybrid search: health names the model, results keep their offsets', async () => {
    const app = await buildTestApp({ indexDir, embedder });
    const health = await app.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', embedder: tinyModelId, searchMode: 'hybrid', documents: 5, chunks: summary.chunks, warnings: [] });

    const response = await app.get('/api/search', { q: '党员志愿服务', k: '5' });
    expect(response.status).toBe(200);
    expect(response.body.mode).toBe('hybrid');
    expect(response.body.results).toHaveLength(5);
    for (const result of response.body.results) {
      const document = await app.get(`/api/documents/${encodeURIComponent(result.docId)}`);
      expect(document.body.text.slice(result.start, result.end)).toBe(result.text);
    }
    // Filters apply inside the vector search too: every hit is from the college asked for.
    const filtered = await app.get('/api/search', { q: '党员志愿服务', k: '10', college: '湖南电气职业技术学院' });
    expect(filtered.body.results.length).toBeGreaterThan(0);
    for (const result of filtered.body.results) expect(result.docId).toBe(defaultDocId('hunan'));
  });

  it('brings vector-only hits into the results (the vector search really runs)', async () => {
    const snapshot = EmbeddedSnapshot.load(indexDir, { vectorModel: tinyModelId });
    try {
      expect(snapshot.vectors?.size).toBe(summary.chunks);
      const retriever = new Retriever(snapshot, embedder, { efSearch: 64 });
      expect(retriever.mode).toBe('hybrid');
      // No word of this query is in the corpus, so every hit comes from the vectors.
      const response = await retriever.search('zzqqxx', { k: 5 });
      expect(response.mode).toBe('hybrid');
      expect(response.hits).toHaveLength(5);
      for (const hit of response.hits) {
        expect(hit.lexicalScore).toBeNull();
        expect(hit.vectorScore).not.toBeNull();
      }
      const lexicalOnly = new Retriever(snapshot, null, { efSearch: 64 });
      expect((await lexicalOnly.search('zzqqxx', { k: 5 })).hits).toEqual([]);
      // Their scores are the cosine similarities a brute-force scan of the stored vectors finds,
      // and the best hit is the nearest passage of all.
      const query = await embedder.embedQuery('zzqqxx');
      const stored = readTypedArray(path.join(summary.generationDir, indexFiles.vectors), Float32Array);
      const similarity = (chunk: number): number => dot(query, stored.subarray(chunk * 16, (chunk + 1) * 16));
      for (const hit of response.hits) expect(hit.vectorScore!).toBeCloseTo(similarity(hit.chunk.number), 4);
      const nearest = Array.from({ length: summary.chunks }, (_, chunk) => chunk).sort((left, right) => similarity(right) - similarity(left))[0];
      expect(response.hits[0]!.chunk.number).toBe(nearest);
      const scores = response.hits.map((hit) => hit.vectorScore!);
      expect(scores).toEqual([...scores].sort((left, right) => right - left));
    } finally {
      snapshot.close();
    }
  });

  it('scores a search filtered to few passages exactly, and falls back to the graph without the rows file', async () => {
    // A copy of the generation, so its vectors file can be taken away after loading.
    const copy = path.join(makeTempDir('exact'), 'generation');
    fs.cpSync(summary.generationDir, copy, { recursive: true });
    const snapshot = EmbeddedSnapshot.loadGeneration(copy, { vectorModel: tinyModelId });
    try {
      const college = '湖南电气职业技术学院';
      const documents = snapshot.documents.filter((document) => document.college === college);
      expect(documents.length).toBeGreaterThan(0);
      const query = await embedder.embedQuery('zzqqxx');
      const stored = readTypedArray(path.join(copy, indexFiles.vectors), Float32Array);
      const inCollege = documents.flatMap((document) => Array.from({ length: document.chunkCount }, (_, ordinal) => document.firstChunk + ordinal));
      const bruteForce = inCollege
        .map((chunk) => ({ chunk, score: dot(query, stored.subarray(chunk * 16, (chunk + 1) * 16)) }))
        .sort((left, right) => right.score - left.score || left.chunk - right.chunk)
        .slice(0, 5);
      const exact = snapshot.vectors!.searchExact(query, documents.map((document) => [document.firstChunk, document.chunkCount] as const), 5);
      expect(exact.map((hit) => hit.chunk)).toEqual(bruteForce.map((hit) => hit.chunk));
      exact.forEach((hit, index) => expect(hit.score).toBeCloseTo(bruteForce[index]!.score, 5));

      // Through the retriever: the exact path (default) and the graph walk (limit 0) agree here,
      // where the corpus is small enough for HNSW to be exact too.
      const filters = { college };
      const viaRows = await new Retriever(snapshot, embedder, { efSearch: 64 }).search('zzqqxx', { k: 5, filters });
      const viaGraph = await new Retriever(snapshot, embedder, { efSearch: 64, exactSearchLimit: 0 }).search('zzqqxx', { k: 5, filters });
      expect(viaRows.hits.map((hit) => hit.chunk.number)).toEqual(bruteForce.map((hit) => hit.chunk));
      expect(viaGraph.hits.map((hit) => hit.chunk.chunkId)).toEqual(viaRows.hits.map((hit) => hit.chunk.chunkId));

      fs.rmSync(path.join(copy, indexFiles.vectors));
      expect(() => snapshot.vectors!.searchExact(query, [[0, 1]], 5)).toThrow(/cannot be opened/);
      const fallback = await new Retriever(snapshot, embedder, { efSearch: 64 }).search('zzqqxx', { k: 5, filters });
      expect(fallback.hits.map((hit) => hit.chunk.chunkId)).toEqual(viaRows.hits.map((hit) => hit.chunk.chunkId));
    } finally {
      snapshot.close();
    }
  });
});

describe('an index and a configured model that disagree', () => {
  it('searches lexical-only and says why when the server has no model', async () => {
    const warning = 'embedding model Xenova/bge-small-zh-v1.5 could not be loaded: search is lexical only';
    const app = await buildTestApp({ indexDir, embedder: null, embedderWarning: warning });
    const health = await app.get('/api/health');
    expect(health.body).toMatchObject({ status: 'degraded', embedder: null, searchMode: 'lexical' });
    expect(health.body.warnings).toContain(warning);
    const response = await app.get('/api/search', { q: '党建', k: '3' });
    expect(response.body.mode).toBe('lexical');
    expect(response.body.results).toHaveLength(3);
  });

  it('never mixes vectors of another model, even of the same dimension', async () => {
    const other = renamedEmbedder(embedder, 'other/model-16d');
    const app = await buildTestApp({ indexDir, embedder: other });
    const health = await app.get('/api/health');
    expect(health.body).toMatchObject({ status: 'degraded', embedder: null, searchMode: 'lexical' });
    expect(health.body.warnings.join('\n')).toContain(`built with ${tinyModelId} but the configured model is other/model-16d`);
    const response = await app.get('/api/search', { q: '党建', k: '3' });
    expect(response.status).toBe(200);
    expect(response.body.mode).toBe('lexical');
    expect(other.queries).toBe(0);
    // The vectors are not even loaded for another model.
    const snapshot = EmbeddedSnapshot.load(indexDir, { vectorModel: other.modelId });
    expect(snapshot.vectors).toBeNull();
    expect(snapshot.vectorStatus(other.modelId)).toMatch(/run the ingest again/);
    snapshot.close();
  });

  it('re-embeds everything when ingesting with another model, reusing no vector', async () => {
    const root = makeTempDir('other-model');
    const otherIndex = path.join(root, 'index');
    const first = await ingest(corpusDir, otherIndex, { embedder });
    const other = renamedEmbedder(embedder, 'other/model-16d');
    const second = await ingest(corpusDir, otherIndex, { embedder: other });
    expect(second).toMatchObject({ embeddingModel: 'other/model-16d', embedded: first.chunks, reused: 0 });
    expect(readManifest(second.generationDir).embedding?.model).toBe('other/model-16d');
    // A lexical-only run over a vector index drops the vectors rather than keep stale ones.
    const third = await ingest(corpusDir, otherIndex);
    expect(readManifest(third.generationDir).embedding).toBeNull();
    expect(fs.existsSync(path.join(third.generationDir, 'vectors.f32'))).toBe(false);
  });
});

describe('ingestNeeded', () => {
  it('says why an ingest is needed, and null when the index is current', async () => {
    const root = makeTempDir('freshness');
    const corpus = copyDefaultCorpus(root);
    const index = path.join(root, 'index');
    expect(await ingestNeeded(corpus, index, null)).toMatch(/no index in .*index yet/);

    await ingest(corpus, index, { embedder });
    expect(await ingestNeeded(corpus, index, tinyModelId)).toBeNull();
    expect(await ingestNeeded(corpus, index, null)).toBeNull();
    expect(await ingestNeeded(corpus, index, 'other/model')).toBe(`the index holds ${tinyModelId} vectors, not other/model`);

    fs.appendFileSync(path.join(corpus, defaultFiles.hunan), '\n补充一段新的内容。');
    expect(await ingestNeeded(corpus, index, tinyModelId)).toMatch(/the corpus in .* changed since the index was built/);
    await ingest(corpus, index, { embedder });
    expect(await ingestNeeded(corpus, index, tinyModelId)).toBeNull();
    fs.rmSync(path.join(corpus, defaultFiles.suzhou));
    expect(await ingestNeeded(corpus, index, tinyModelId)).toMatch(/changed since the index was built/);

    const lexicalIndex = path.join(root, 'lexical-index');
    await ingest(corpus, lexicalIndex);
    expect(await ingestNeeded(corpus, lexicalIndex, null)).toBeNull();
    expect(await ingestNeeded(corpus, lexicalIndex, tinyModelId)).toBe(`the index has no vectors yet and ${tinyModelId} is available`);
  });
});
