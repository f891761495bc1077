/**
 * A damaged or outdated index is detected on load and reported with a stable code; the server
 * still starts and says why it cannot search (503), rather than crash or serve garbage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { readTypedArray } from '../../core/index/binary-io.ts';
import { EmbeddedSnapshot } from '../../core/index/index-reader.ts';
import { indexFiles } from '../../core/index/layout.ts';
import { manifestFile, schemaVersion } from '../../core/index/manifest.ts';
import { buildTestApp, closeTestApps, expectApiError } from '../helpers/app.ts';
import { copyDefaultCorpus, currentPointer, ingest, loadTinyEmbedder, makeTempDir, removeTempDirs } from '../helpers/corpus.ts';

afterEach(async () => {
  await closeTestApps();
  removeTempDirs();
});

/** A fresh lexical index of the default corpus; returns its folder and live generation folder. */
async function freshIndex(): Promise<{ indexDir: string; generationDir: string }> {
  const root = makeTempDir('corrupt');
  const indexDir = path.join(root, 'index');
  const summary = await ingest(copyDefaultCorpus(root), indexDir);
  return { indexDir, generationDir: summary.generationDir };
}

function loadError(indexDir: string, vectorModel: string | null = null): AppError {
  try {
    EmbeddedSnapshot.load(indexDir, { vectorModel }).close();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('the index loaded');
}

/** The server over a broken index: health says unavailable with the code; search answers 503 with it. */
async function expectUnavailable(indexDir: string, code: string): Promise<void> {
  const app = await buildTestApp({ indexDir });
  const health = await app.get('/api/health');
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ status: 'unavailable', documents: 0, chunks: 0, searchMode: null, error: { code } });
  expectApiError(await app.get('/api/search', { q: '党建' }), 503, code);
  expectApiError(await app.get('/api/documents'), 503, code);
}

describe('a damaged index', () => {
  it.each([indexFiles.chunks, indexFiles.texts, indexFiles.documents, 'lexical-words-postings.u32'])('reports a truncated %s as INDEX_CORRUPT, naming the file', async (file) => {
    const { indexDir, generationDir } = await freshIndex();
    const target = path.join(generationDir, file);
    fs.truncateSync(target, Math.floor(fs.statSync(target).size / 2));
    const error = loadError(indexDir);
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(error.message).toContain(file);
    await expectUnavailable(indexDir, 'INDEX_CORRUPT');
  });

  it('reports a missing file and a truncated vector graph as INDEX_CORRUPT', async () => {
    const { indexDir, generationDir } = await freshIndex();
    fs.rmSync(path.join(generationDir, indexFiles.chunkPaths));
    expect(loadError(indexDir).message).toMatch(/chunk-paths\.u32 is missing/);

    const embedder = await loadTinyEmbedder();
    try {
      const root = makeTempDir('corrupt-vectors');
      const vectorIndexDir = path.join(root, 'index');
      const summary = await ingest(copyDefaultCorpus(root), vectorIndexDir, { embedder });
      fs.truncateSync(path.join(summary.generationDir, indexFiles.hnsw), 100);
      const error = loadError(vectorIndexDir, embedder.modelId);
      expect(error.code).toBe('INDEX_CORRUPT');
      expect(error.message).toContain(indexFiles.hnsw);
    } finally {
      await embedder.dispose();
    }
  });

  it('reports an unreadable manifest and a CURRENT that names no generation', async () => {
    const { indexDir, generationDir } = await freshIndex();
    fs.writeFileSync(path.join(generationDir, manifestFile), '{"schemaVersion": ');
    expect(loadError(indexDir)).toMatchObject({ code: 'INDEX_CORRUPT' });
    fs.writeFileSync(path.join(indexDir, 'CURRENT'), '../../etc');
    expect(loadError(indexDir)).toMatchObject({ code: 'INDEX_CORRUPT' });
    await expectUnavailable(indexDir, 'INDEX_CORRUPT');
  });

  it('reports a generation without a manifest (never published) as INDEX_MISSING', async () => {
    const { indexDir, generationDir } = await freshIndex();
    fs.rmSync(path.join(generationDir, manifestFile));
    expect(loadError(indexDir).code).toBe('INDEX_MISSING');
  });
});

describe('an index of another schema version', () => {
  it('is reported as INDEX_SCHEMA_MISMATCH, and the server still builds', async () => {
    const { indexDir, generationDir } = await freshIndex();
    const file = path.join(generationDir, manifestFile);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { schemaVersion: number };
    expect(manifest.schemaVersion).toBe(schemaVersion);
    fs.writeFileSync(file, JSON.stringify({ ...manifest, schemaVersion: schemaVersion - 1 }));
    const error = loadError(indexDir);
    expect(error.code).toBe('INDEX_SCHEMA_MISMATCH');
    expect(error.details).toEqual({ found: schemaVersion - 1, expected: schemaVersion });
    await expectUnavailable(indexDir, 'INDEX_SCHEMA_MISMATCH');
  });
});

describe('no index at all', () => {
  it('is INDEX_MISSING, and the server says to run the ingest', async () => {
    const indexDir = path.join(makeTempDir('missing'), 'index');
    expect(loadError(indexDir).code).toBe('INDEX_MISSING');
    await expectUnavailable(indexDir, 'INDEX_MISSING');
  });
});

describe('a re-ingest over a damaged index', () => {
  it('replaces it with a working generation', async () => {
    const { indexDir, generationDir } = await freshIndex();
    fs.truncateSync(path.join(generationDir, indexFiles.chunks), 8);
    const corpusDir = path.join(path.dirname(indexDir), 'corpus');
    const summary = await ingest(corpusDir, indexDir);
    // Nothing is taken from a damaged generation: the new one is built as if from scratch.
    expect(summary.changes).toEqual({ added: 5, changed: 0, unchanged: 0, removed: 0 });
    expect(currentPointer(indexDir)).toBe(path.basename(summary.generationDir));
    const app = await buildTestApp({ indexDir });
    expect((await app.get('/api/health')).body.status).toBe('degraded');
    expect((await app.get('/api/search', { q: '党建' })).status).toBe(200);
  });

  it('reuses no vector from a damaged generation', async () => {
    const embedder = await loadTinyEmbedder();
    try {
      const root = makeTempDir('damaged-vectors');
      const corpusDir = copyDefaultCorpus(root);
      const indexDir = path.join(root, 'index');
      const first = await ingest(corpusDir, indexDir, { embedder });
      const vectors = path.join(first.generationDir, indexFiles.vectors);
      fs.truncateSync(vectors, fs.statSync(vectors).size / 2);
      const second = await ingest(corpusDir, indexDir, { embedder });
      expect(second).toMatchObject({ embedded: second.chunks, reused: 0 });
      // Every stored vector is a real, normalised embedding: none was read from the missing half.
      const stored = readTypedArray(path.join(second.generationDir, indexFiles.vectors), Float32Array);
      for (let chunk = 0; chunk < second.chunks; chunk++) {
        expect(Math.hypot(...stored.subarray(chunk * embedder.dimension, (chunk + 1) * embedder.dimension))).toBeCloseTo(1, 4);
      }
    } finally {
      await embedder.dispose();
    }
  });
});
