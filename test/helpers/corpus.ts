/**
 * Test helpers for corpora and indexes: where the repository's corpus and the generated test model
 * are, temporary folders (always under the OS temp folder, removed by `removeTempDirs`), and an
 * ingest with the product's default settings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceArticle } from '../../core/documents.ts';
import type { Embedder } from '../../core/embedding/embedder.ts';
import { loadTransformersEmbedder } from '../../core/embedding/transformers-embedder.ts';
import { ingestCorpus, type IngestOptions, type IngestSummary } from '../../ingest/pipeline.ts';
import { isIngestProblem, readCorpusFile } from '../../ingest/readers/index.ts';
import { ensureTestModel, testModelId } from '../fixtures/make-test-model.ts';
import { afterAll, beforeAll } from 'vitest';
import { EmbeddedSnapshot } from '../../core/index/index-reader.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The five default articles, as the repository ships them. */
export const defaultCorpusDir = path.join(repoRoot, 'corpus');
/** A tiny BERT-shaped model with random weights (generated on first use): meaningless 16-dimensional vectors. */
export const tinyModelId = testModelId;
/** The models folder holding `tinyModelId` (for `modelsDir` / `MODELS_DIR`), generated on first use. */
export const testModelsDir = ensureTestModel;

/** The chunking and HNSW settings of the default configuration. */
export const defaultChunking = { size: 500, overlap: 80 } as const;
export const defaultHnsw = { m: 16, efConstruction: 200 } as const;

/** The default corpus file of each college, by a short name. */
export const defaultFiles = {
  jiaxing: '2022-02-24-jiaxing-vocational-party-committee.txt',
  zhejiang: '2022-10-03-zhejiang-mechanical-electrical-automation-school.txt',
  hunan: '2023-10-20-hunan-electrical-wind-energy-teachers-branch.txt',
  suzhou: 'suzhou-industrial-smart-manufacturing-teachers-branch.txt',
  taizhou: 'taizhou-sci-tech-mechatronics-and-mould-school.txt',
} as const;

/** The docId of a default corpus file (its name without extension). */
export function defaultDocId(name: keyof typeof defaultFiles): string {
  return defaultFiles[name].replace(/\.txt$/, '');
}

const tempDirs = new Set<string>();

/** A new empty folder under the OS temp folder, removed by the next `removeTempDirs`. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pbqa-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/** Removes every folder `makeTempDir` made (call from afterEach / afterAll). */
export function removeTempDirs(): void {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** A temporary copy of the default corpus; returns its folder. */
export function copyDefaultCorpus(parent: string = makeTempDir('corpus')): string {
  const target = path.join(parent, 'corpus');
  fs.cpSync(defaultCorpusDir, target, { recursive: true });
  return target;
}

/** Writes files (text or bytes) into a folder, creating subfolders. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Runs the real ingest pipeline with the default settings (lexical-only unless an embedder is given). */
export function ingest(corpusDir: string, indexDir: string, options: Partial<IngestOptions> = {}): Promise<IngestSummary> {
  return ingestCorpus({
    corpusDir,
    indexDir,
    chunking: defaultChunking,
    embedder: null,
    embeddingBatchSize: 16,
    hnsw: defaultHnsw,
    ...options,
  });
}

/** Ingests a temporary copy of the default corpus (lexical-only); returns the index folder. */
export async function ingestDefaultCorpus(prefix: string): Promise<string> {
  const root = makeTempDir(prefix);
  const indexDir = path.join(root, 'index');
  await ingest(copyDefaultCorpus(root), indexDir);
  return indexDir;
}

/** What a test file reads from a lexical index of the default corpus. */
export interface DefaultSnapshot {
  snapshot: EmbeddedSnapshot;
  /** The colleges the corpus names. */
  colleges: string[];
}

/**
 * Ingests the default corpus before the file's tests and opens its snapshot (lexical only);
 * closes it and removes the index after them. Read the result inside tests, not at import.
 */
export function useDefaultSnapshot(prefix: string): DefaultSnapshot {
  const loaded = {} as DefaultSnapshot;
  beforeAll(async () => {
    loaded.snapshot = EmbeddedSnapshot.load(await ingestDefaultCorpus(prefix), { vectorModel: null });
    loaded.colleges = [...new Set(loaded.snapshot.documents.map((document) => document.college).filter(Boolean))];
  });
  afterAll(() => {
    loaded.snapshot.close();
    removeTempDirs();
  });
  return loaded;
}

/** Loads the tiny test model offline, through the product's adapter; fails the test when it cannot. */
export async function loadTinyEmbedder(): Promise<Embedder> {
  const loaded = await loadTransformersEmbedder({ modelId: tinyModelId, modelsDir: testModelsDir(), allowRemote: false, remoteHost: 'https://huggingface.co/' });
  if (!loaded.embedder) throw new Error(`the test model did not load: ${loaded.warning}`);
  return loaded.embedder;
}

/**
 * The same model under another id: same dimension, so only the manifest's model id can tell the
 * vectors apart. Queries through it throw, which proves a search never used it.
 */
export function renamedEmbedder(embedder: Embedder, modelId: string): Embedder & { queries: number } {
  const renamed = {
    modelId,
    dimension: embedder.dimension,
    queries: 0,
    embedPassages: (texts: readonly string[], signal?: AbortSignal) => embedder.embedPassages(texts, signal),
    embedQuery: async (): Promise<Float32Array> => {
      renamed.queries++;
      throw new Error(`${modelId} must not embed queries for an index built with another model`);
    },
    dispose: async (): Promise<void> => undefined,
  };
  return renamed;
}

/** Reads one corpus file through the real reader; fails when it is not exactly one article. */
export async function readArticle(corpusDir: string, relativePath: string): Promise<SourceArticle> {
  const items = [];
  for await (const item of readCorpusFile(corpusDir, relativePath)) items.push(item);
  const [item] = items;
  if (items.length !== 1 || !item || isIngestProblem(item)) throw new Error(`${relativePath}: expected one article, got ${JSON.stringify(items).slice(0, 300)}`);
  return item;
}

/** Entries of an index folder whose names start with `prefix` (e.g. `.build-`, `gen-`). */
export function entriesStartingWith(indexDir: string, prefix: string): string[] {
  return fs.existsSync(indexDir) ? fs.readdirSync(indexDir).filter((entry) => entry.startsWith(prefix)) : [];
}

/** The name of the live generation (the content of CURRENT). */
export function currentPointer(indexDir: string): string {
  return fs.readFileSync(path.join(indexDir, 'CURRENT'), 'utf8').trim();
}
