/**
 * Start-up of the real server (`server/main.ts` as a child process) over a missing, outdated or
 * damaged index, and over a corpus folder that is gone: it says clearly what is wrong, rebuilds
 * the index when it can, serves the previous index when it cannot, and never exits (no crash
 * loop) when it has nothing to serve: health answers 503 with the code instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { indexFiles } from '../../core/index/layout.ts';
import { manifestFile, schemaVersion } from '../../core/index/manifest.ts';
import { copyDefaultCorpus, currentPointer, ingest, loadTinyEmbedder, makeTempDir, removeTempDirs, testModelsDir, tinyModelId } from '../helpers/corpus.ts';
import { withTimeout } from '../helpers/fake-openai.ts';
import { killServerProcesses, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

let template: { corpusDir: string; indexDir: string };

beforeAll(async () => {
  const root = makeTempDir('startup-template');
  const corpusDir = copyDefaultCorpus(root);
  const indexDir = path.join(root, 'index');
  await ingest(corpusDir, indexDir);
  template = { corpusDir, indexDir };
});

afterEach(killServerProcesses);
afterAll(removeTempDirs);

/** A private copy of the template corpus and index. */
function workspace(): { root: string; corpusDir: string; indexDir: string; generationDir: string } {
  const root = makeTempDir('startup');
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'index');
  fs.cpSync(template.corpusDir, corpusDir, { recursive: true });
  fs.cpSync(template.indexDir, indexDir, { recursive: true });
  return { root, corpusDir, indexDir, generationDir: path.join(indexDir, currentPointer(indexDir)) };
}

function truncateHalf(file: string): void {
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
}

async function health(server: ServerProcess): Promise<{ status: number; body: any; raw: string }> {
  const response = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
  const raw = await response.text();
  return { status: response.status, body: JSON.parse(raw), raw };
}

/** The server serves the default corpus: health 200 with five documents, and a search finds passages. */
async function expectServing(server: ServerProcess): Promise<void> {
  const status = await health(server);
  expect(status.status, status.raw).toBe(200);
  expect(status.body).toMatchObject({ documents: 5, searchMode: 'lexical' });
  const search = await fetch(`${server.baseUrl}/api/search?q=${encodeURIComponent('风能党员活动日')}`, { signal: AbortSignal.timeout(5_000) });
  expect(search.status).toBe(200);
  expect(((await search.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
}

const start = (env: Record<string, string>): Promise<ServerProcess> => startServerProcess({ env: { RATE_LIMIT_PER_MINUTE: '0', ...env } });

describe('start-up with INGEST_ON_START (the default)', () => {
  it('ingests when there is no index, then serves', { timeout: 30_000 }, async () => {
    const root = makeTempDir('startup-none');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    const server = await start({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
    expect(server.stderr()).toContain(`Ingesting ${corpusDir} into ${indexDir}: no index in ${indexDir} yet`);
    expect(server.stderr()).toMatch(/Index: 5 documents, \d+ passages, lexical search/);
    await expectServing(server);
  });

  it('rebuilds an index of an older schema version, saying why', { timeout: 30_000 }, async () => {
    const { corpusDir, indexDir, generationDir } = workspace();
    const file = path.join(generationDir, manifestFile);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...manifest, schemaVersion: schemaVersion - 1 }));
    const before = currentPointer(indexDir);

    const server = await start({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
    expect(server.stderr()).toMatch(new RegExp(`Ingesting .*: INDEX_SCHEMA_MISMATCH: .*schema version ${schemaVersion - 1}; this program reads version ${schemaVersion}`));
    await expectServing(server);
    expect(currentPointer(indexDir)).not.toBe(before);
  });

  it('rebuilds an index with a truncated file, naming the file', { timeout: 30_000 }, async () => {
    const { corpusDir, indexDir, generationDir } = workspace();
    truncateHalf(path.join(generationDir, indexFiles.chunks));

    const server = await start({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
    expect(server.stderr()).toMatch(new RegExp(`Ingesting .*: INDEX_CORRUPT: .*${indexFiles.chunks.replace('.', '\\.')} has \\d+ bytes`));
    await expectServing(server);
  });

  it('serves the previous index when the corpus folder is gone, with a clear error', { timeout: 30_000 }, async () => {
    const { root, indexDir } = workspace();
    const missing = path.join(root, 'no-such-corpus');
    const server = await start({ CORPUS_DIR: missing, INDEX_DIR: indexDir });
    expect(server.stderr()).toMatch(/error: ingest failed: .*no-such-corpus.*Serving the previous index/);
    await expectServing(server);
  });
});

describe('start-up with an embedding model (loaded while the index loads)', () => {
  const modelsDir = testModelsDir();
  const withModel = { EMBEDDING_MODEL: tinyModelId, MODELS_DIR: modelsDir };

  it('adds the vectors an index lacks, then serves hybrid search', { timeout: 60_000 }, async () => {
    const { corpusDir, indexDir } = workspace();
    const server = await start({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, ...withModel });
    expect(server.stderr()).toMatch(new RegExp(`vectors: ${tinyModelId}, embedded \\d+`));
    expect(server.stderr()).toMatch(new RegExp(`Index: 5 documents, \\d+ passages, hybrid search \\(${tinyModelId}\\)`));
    const status = await health(server);
    expect(status.body).toMatchObject({ status: 'ok', embedder: tinyModelId, searchMode: 'hybrid', warnings: [] });
  });

  it('serves an index that is current for the model without ingesting; lexical-only with one warning when the model is missing', { timeout: 60_000 }, async () => {
    const root = makeTempDir('startup-model');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    const embedder = await loadTinyEmbedder();
    try {
      await ingest(corpusDir, indexDir, { embedder });
    } finally {
      await embedder.dispose();
    }
    const before = currentPointer(indexDir);
    const server = await start({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, ...withModel });
    expect(server.stderr()).not.toContain('Ingesting');
    expect((await health(server)).body).toMatchObject({ embedder: tinyModelId, searchMode: 'hybrid' });
    server.child.kill('SIGKILL');
    await server.exited;

    const missing = await start({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, EMBEDDING_MODEL: 'no-such/model', MODELS_DIR: modelsDir });
    const warnings = missing.stderr().split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('no-such/model');
    expect((await health(missing)).body).toMatchObject({ embedder: null, searchMode: 'lexical' });
    await expectServing(missing);
    expect(currentPointer(indexDir)).toBe(before);
  });
});

describe('start-up with nothing usable to serve', () => {
  it.each([
    { name: 'INGEST_ON_START=false and a corrupt index', ingestOnStart: 'false', corpus: 'present' },
    { name: 'a corrupt index that cannot be rebuilt (corpus folder gone)', ingestOnStart: 'true', corpus: 'missing' },
  ])('$name: starts, says why, answers 503 with the code, and stays up', { timeout: 30_000 }, async ({ ingestOnStart, corpus }) => {
    const { root, corpusDir, indexDir, generationDir } = workspace();
    truncateHalf(path.join(generationDir, indexFiles.chunks));
    const server = await start({ CORPUS_DIR: corpus === 'present' ? corpusDir : path.join(root, 'gone'), INDEX_DIR: indexDir, INGEST_ON_START: ingestOnStart });

    expect(server.stderr()).toMatch(/error: no usable index \(INDEX_CORRUPT: .*chunks.* has \d+ bytes.*\)\. Run: npm run ingest/);
    const first = await health(server);
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ status: 'unavailable', documents: 0, error: { code: 'INDEX_CORRUPT' } });
    // The public message carries no server path.
    expect(first.raw).not.toContain(root);
    const search = await fetch(`${server.baseUrl}/api/search?q=${encodeURIComponent('党建')}`, { signal: AbortSignal.timeout(5_000) });
    expect(search.status).toBe(503);
    const searchBody = await search.text();
    expect(JSON.parse(searchBody).error.code).toBe('INDEX_CORRUPT');
    expect(searchBody).not.toContain(root);

    // Still up a while later: no exit, hence no crash loop under a supervisor.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.hasExited()).toBe(false);
    expect((await health(server)).status).toBe(503);
  });
});

describe('start-up with an ACCESS_TOKEN that HTTP cannot carry', () => {
  it('exits at once with a message naming the setting, never the token', { timeout: 30_000 }, async () => {
    const { root, corpusDir, indexDir } = workspace();
    const server = await startServerProcess({ env: { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, ACCESS_TOKEN: '党建2024' }, waitForReady: false });
    const { code } = await withTimeout(server.exited, 20_000, 'the server to exit');
    expect(code).toBe(1);
    expect(server.stderr()).toMatch(/^fatal: Invalid settings:\n {2}ACCESS_TOKEN=\(hidden\): must be printable ASCII without spaces/);
    expect(server.stderr() + server.stdout()).not.toContain('党建2024');
    expect(server.stderr()).not.toContain(root);
  });
});
