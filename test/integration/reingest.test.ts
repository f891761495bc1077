/**
 * Incremental re-ingest: after one article changes and one is deleted, the new generation drops
 * the deleted article, serves the changed text, and (with an embedding model) embeds only the
 * passages whose text changed, reusing every other vector as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../core/embedding/embedder.ts';
import { readTypedArray } from '../../core/index/binary-io.ts';
import { indexFiles, type StoredDocument } from '../../core/index/layout.ts';
import { readManifest } from '../../core/index/manifest.ts';
import { VectorIndex } from '../../core/index/vector-index.ts';
import { buildTestApp, closeTestApps } from '../helpers/app.ts';
import { copyDefaultCorpus, currentPointer, defaultDocId, defaultFiles, entriesStartingWith, ingest, loadTinyEmbedder, makeTempDir, removeTempDirs } from '../helpers/corpus.ts';

let embedder: Embedder;

beforeAll(async () => {
  embedder = await loadTinyEmbedder();
});

afterEach(async () => {
  await closeTestApps();
  removeTempDirs();
});

afterAll(async () => {
  await embedder.dispose();
});

const newSentence = '学院党总支新增“量子通信党员先锋岗”示范项目，带动师生开展科技服务。';

/**
 * Edits the Zhejiang article (a new title, so every passage's context line changes, and a new
 * closing sentence) and deletes the Taizhou article.
 */
function editCorpus(corpusDir: string): void {
  const file = path.join(corpusDir, defaultFiles.zhejiang);
  const text = fs.readFileSync(file, 'utf8');
  const [titleLine] = text.split('\n');
  expect(titleLine).toContain('迎盛会 创标杆');
  const edited = text.replace(titleLine!, '迎盛会 创标杆丨自动化学院党总支通过全省高校党建工作标杆院系验收（修订稿）').replace('开创新局。', `开创新局。${newSentence}`);
  expect(edited).toContain(newSentence);
  fs.writeFileSync(file, edited);
  fs.rmSync(path.join(corpusDir, defaultFiles.taizhou));
}

function storedDocuments(generationDir: string): StoredDocument[] {
  return fs
    .readFileSync(path.join(generationDir, indexFiles.documents), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StoredDocument);
}

describe('re-ingest after a change and a deletion', () => {
  it('reports the changes and serves only the current articles (lexical-only)', async () => {
    const root = makeTempDir('reingest');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    const first = await ingest(corpusDir, indexDir);
    expect(first.changes).toEqual({ added: 5, changed: 0, unchanged: 0, removed: 0 });

    editCorpus(corpusDir);
    const second = await ingest(corpusDir, indexDir);
    expect(second.changes).toEqual({ added: 0, changed: 1, unchanged: 3, removed: 1 });
    expect(second.documents).toBe(4);
    expect(second.generationDir).not.toBe(first.generationDir);
    expect(currentPointer(indexDir)).toBe(path.basename(second.generationDir));

    const app = await buildTestApp({ indexDir });
    const ids = (await app.get<{ documents: { id: string }[] }>('/api/documents')).body.documents.map((document) => document.id);
    expect(ids).toHaveLength(4);
    expect(ids).not.toContain(defaultDocId('taizhou'));
    expectApiNotFound(await app.get(`/api/documents/${encodeURIComponent(defaultDocId('taizhou'))}`));
    // Words only the deleted article had find nothing from it any more.
    const deleted = (await app.get('/api/search', { q: '红模力 模具产业链 黄岩区', k: '10' })).body.results as { docId: string }[];
    expect(deleted.map((result) => result.docId)).not.toContain(defaultDocId('taizhou'));
    // The changed article is served with its new text and title.
    const [hit] = (await app.get('/api/search', { q: '量子通信党员先锋岗', k: '1' })).body.results;
    expect(hit.docId).toBe(defaultDocId('zhejiang'));
    expect(hit.text).toContain(newSentence);
    expect(hit.title).toBe('迎盛会 创标杆丨自动化学院党总支通过全省高校党建工作标杆院系验收（修订稿）');

    // A run with nothing changed reports everything unchanged.
    const third = await ingest(corpusDir, indexDir);
    expect(third.changes).toEqual({ added: 0, changed: 0, unchanged: 4, removed: 0 });
    // The live generation and the one before it are kept; older ones are removed.
    expect(entriesStartingWith(indexDir, 'gen-').sort()).toEqual([path.basename(second.generationDir), path.basename(third.generationDir)].sort());
  });

  it('embeds only the changed passages and reuses the other vectors as they were', async () => {
    const root = makeTempDir('reingest-vectors');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    const first = await ingest(corpusDir, indexDir, { embedder });
    expect(first).toMatchObject({ embeddingModel: embedder.modelId, embedded: first.chunks, reused: 0 });

    editCorpus(corpusDir);
    const second = await ingest(corpusDir, indexDir, { embedder });
    expect(second.changes).toEqual({ added: 0, changed: 1, unchanged: 3, removed: 1 });
    const after = storedDocuments(second.generationDir);
    const zhejiang = after.find((document) => document.docId === defaultDocId('zhejiang'))!;
    // The new title is in every passage's context, so each passage of that article is new; no other is.
    expect(second.embedded).toBe(zhejiang.chunkCount);
    expect(second.reused).toBe(second.chunks - zhejiang.chunkCount);
    expect(second.embedded + second.reused).toBe(second.chunks);

    // Vector files agree with the passages, in the manifest and on disk.
    const dimension = embedder.dimension;
    for (const summary of [first, second]) {
      const manifest = readManifest(summary.generationDir);
      expect(manifest.embedding).toMatchObject({ model: embedder.modelId, dimension });
      const bytes = summary.chunks * dimension * 4;
      expect(manifest.files[indexFiles.vectors]).toBe(bytes);
      expect(fs.statSync(path.join(summary.generationDir, indexFiles.vectors)).size).toBe(bytes);
      expect(VectorIndex.load(path.join(summary.generationDir, indexFiles.hnsw), dimension, summary.chunks).size).toBe(summary.chunks);
    }

    // An unchanged article's vectors are the very same bytes as before.
    const before = storedDocuments(first.generationDir);
    const oldVectors = readTypedArray(path.join(first.generationDir, indexFiles.vectors), Float32Array);
    const newVectors = readTypedArray(path.join(second.generationDir, indexFiles.vectors), Float32Array);
    for (const docId of [defaultDocId('jiaxing'), defaultDocId('hunan'), defaultDocId('suzhou')]) {
      const old = before.find((document) => document.docId === docId)!;
      const now = after.find((document) => document.docId === docId)!;
      expect(now.chunkCount).toBe(old.chunkCount);
      const span = (document: StoredDocument, vectors: Float32Array) =>
        Array.from(vectors.subarray(document.firstChunk * dimension, (document.firstChunk + document.chunkCount) * dimension));
      expect(span(now, newVectors)).toEqual(span(old, oldVectors));
    }

    // The served index is hybrid and has the new text.
    const app = await buildTestApp({ indexDir, embedder });
    const health = await app.get('/api/health');
    expect(health.body).toMatchObject({ searchMode: 'hybrid', embedder: embedder.modelId, documents: 4, chunks: second.chunks });
    // The test model's vectors are random, so fusion may rank the passage anywhere: ask for all of them.
    const results = (await app.get('/api/search', { q: '量子通信党员先锋岗', k: '50' })).body.results as { docId: string; text: string }[];
    expect(results.some((result) => result.docId === defaultDocId('zhejiang') && result.text.includes(newSentence))).toBe(true);

    // Nothing changed: nothing is embedded.
    const third = await ingest(corpusDir, indexDir, { embedder });
    expect(third).toMatchObject({ embedded: 0, reused: second.chunks });
  });
});

function expectApiNotFound(response: { status: number; body: { error?: { code?: string } } }): void {
  expect(response.status).toBe(404);
  expect(response.body.error?.code).toBe('DOCUMENT_NOT_FOUND');
}
