/**
 * Crash safety: an ingest that is aborted, or killed with SIGKILL, leaves the previous index
 * generation live and usable, and the next ingest cleans up after it. Also the CLI's behaviour
 * when no embedding model can be loaded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { EmbeddedSnapshot } from '../../core/index/index-reader.ts';
import { manifestFile, readManifest } from '../../core/index/manifest.ts';
import type { IngestProgress } from '../../ingest/pipeline.ts';
import { buildTestApp, closeTestApps } from '../helpers/app.ts';
import { copyDefaultCorpus, currentPointer, defaultCorpusDir, entriesStartingWith, ingest, makeTempDir, removeTempDirs, repoRoot, writeFiles } from '../helpers/corpus.ts';

const children = new Set<ChildProcess>();

afterEach(async () => {
  // A failed assertion must not leave an ingest running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  await closeTestApps();
  removeTempDirs();
});

const queries = ['党建引领', '风能党员活动日', '红船精神', '校企合作 产教融合'];

/** What the live index answers, as the API serves it. */
async function snapshotOfAnswers(indexDir: string): Promise<unknown> {
  const app = await buildTestApp({ indexDir });
  const answers: unknown[] = [(await app.get('/api/documents')).body];
  for (const q of queries) answers.push((await app.get('/api/search', { q, k: '10' })).body.results);
  await closeTestApps();
  return answers;
}

/** A new article that sorts first, so an aborted run has already read it. */
const newArticle = {
  '0000-new-article.txt': '新增文章：学院党委开展“党旗飘扬在一线”主题活动\n学院党委组织全体党员深入社区开展志愿服务，推动党史学习教育走深走实。活动覆盖十二个社区，服务群众三千余人次。',
};

describe('an aborted ingest', () => {
  it.each(['read', 'index'] as const)('leaves the previous generation live when aborted in the %s phase', async (phase) => {
    const root = makeTempDir('abort');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    await ingest(corpusDir, indexDir);
    const live = currentPointer(indexDir);
    const before = await snapshotOfAnswers(indexDir);

    writeFiles(corpusDir, newArticle);
    fs.rmSync(path.join(corpusDir, fs.readdirSync(corpusDir).find((name) => name.startsWith('suzhou'))!));
    const controller = new AbortController();
    const seen: IngestProgress['phase'][] = [];
    const aborted = ingest(corpusDir, indexDir, {
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress.phase);
        // While the run is still going, the build folder sits beside the live generation.
        expect(entriesStartingWith(indexDir, '.build-')).toHaveLength(1);
        if (progress.phase === phase && !controller.signal.aborted) controller.abort();
      },
    });
    await expect(aborted).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'CANCELLED');
    expect(seen).toContain(phase);
    expect(seen).not.toContain('done');

    // The previous generation is still live, complete and answers exactly as before.
    expect(currentPointer(indexDir)).toBe(live);
    expect(entriesStartingWith(indexDir, '.build-')).toEqual([]);
    expect(fs.existsSync(path.join(indexDir, '.ingest.lock'))).toBe(false);
    const snapshot = EmbeddedSnapshot.load(indexDir, { vectorModel: null });
    expect(snapshot.documents).toHaveLength(5);
    snapshot.close();
    expect(await snapshotOfAnswers(indexDir)).toEqual(before);

    // The next run publishes the new corpus and leaves nothing behind.
    const next = await ingest(corpusDir, indexDir);
    expect(next.documents).toBe(5);
    expect(next.changes).toMatchObject({ added: 1, removed: 1 });
    expect(currentPointer(indexDir)).toBe(path.basename(next.generationDir));
    expect(entriesStartingWith(indexDir, '.build-')).toEqual([]);
    const app = await buildTestApp({ indexDir });
    const [hit] = (await app.get('/api/search', { q: '党旗飘扬在一线', k: '1' })).body.results;
    expect(hit.docId).toBe('0000-new-article');
  });
});

/** Articles made of the default corpus's sentences in pseudo-random order: many distinct articles. */
function generatedJsonl(count: number): string {
  const sentences = fs
    .readdirSync(defaultCorpusDir)
    .flatMap((name) => fs.readFileSync(path.join(defaultCorpusDir, name), 'utf8').split(/(?<=。)/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20 && sentence.length < 300 && !sentence.includes('\n'));
  let state = 12345;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const paragraphs = Array.from({ length: 4 }, () => Array.from({ length: 3 }, () => sentences[Math.floor(next() * sentences.length)]).join(''));
    lines.push(JSON.stringify({ id: `generated-${index}`, title: `生成的文章${index}`, college: '测试职业技术学院', text: paragraphs.join('\n') }));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the ingest CLI as `npm run ingest` does. */
function runCli(args: string[], env: Record<string, string> = {}): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (data: string) => (stderr += data));
  child.stdout!.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exit };
}

async function waitFor(condition: () => boolean, what: string, exited: () => boolean): Promise<void> {
  while (!condition()) {
    if (exited()) throw new Error(`the ingest process exited before ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('an ingest killed with SIGKILL', () => {
  it('leaves the previous index intact; the next ingest recovers the stale lock', { timeout: 120_000 }, async () => {
    const root = makeTempDir('kill');
    const indexDir = path.join(root, 'index');
    const smallCorpus = copyDefaultCorpus(root);
    await ingest(smallCorpus, indexDir);
    const live = currentPointer(indexDir);
    const liveManifest = readManifest(path.join(indexDir, live));
    const before = await snapshotOfAnswers(indexDir);

    const bigCorpus = path.join(root, 'big');
    writeFiles(bigCorpus, { 'generated.jsonl': generatedJsonl(3000) });
    const { child, exit } = runCli(['--corpus', bigCorpus, '--index', indexDir, '--lexical-only']);
    let exited = false;
    void exit.then(() => (exited = true));

    await waitFor(() => entriesStartingWith(indexDir, '.build-').length > 0, 'it started a build', () => exited);
    // While it runs, a second ingest is refused: the lock names the live process.
    await expect(ingest(smallCorpus, indexDir)).rejects.toThrow(new RegExp(`another ingest \\(pid ${child.pid}\\)`));
    // Kill it mid-way: once the build has flushed data to disk, and before it has a manifest.
    const buildDir = path.join(indexDir, entriesStartingWith(indexDir, '.build-')[0]!);
    const written = (): number => fs.readdirSync(buildDir).reduce((sum, name) => sum + fs.statSync(path.join(buildDir, name)).size, 0);
    await waitFor(() => written() > 0, 'it wrote index data', () => exited);
    expect(fs.existsSync(path.join(buildDir, manifestFile))).toBe(false);
    expect(currentPointer(indexDir)).toBe(live);
    child.kill('SIGKILL');
    const result = await exit;
    expect(result.signal).toBe('SIGKILL');

    // It died mid-build: its build folder and lock are left behind, and CURRENT never moved.
    expect(entriesStartingWith(indexDir, '.build-')).toEqual([path.basename(buildDir)]);
    expect(fs.readFileSync(path.join(indexDir, '.ingest.lock'), 'utf8')).toBe(String(child.pid));
    expect(currentPointer(indexDir)).toBe(live);

    // The previous generation loads and answers as before.
    const snapshot = EmbeddedSnapshot.load(indexDir, { vectorModel: null });
    expect(snapshot.manifest).toEqual(liveManifest);
    snapshot.close();
    expect(await snapshotOfAnswers(indexDir)).toEqual(before);

    // The next ingest takes over the stale lock, clears the dead build and publishes.
    const next = await ingest(smallCorpus, indexDir);
    expect(currentPointer(indexDir)).toBe(path.basename(next.generationDir));
    expect(currentPointer(indexDir)).not.toBe(live);
    expect(entriesStartingWith(indexDir, '.build-')).toEqual([]);
    expect(fs.existsSync(path.join(indexDir, '.ingest.lock'))).toBe(false);
    expect(next.changes).toEqual({ added: 0, changed: 0, unchanged: 5, removed: 0 });
  });
});

describe('the ingest CLI', () => {
  it('goes on lexical-only with one clear warning when the model cannot be loaded', { timeout: 60_000 }, async () => {
    const root = makeTempDir('cli');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    const { exit } = runCli(['--corpus', corpusDir, '--index', indexDir], {
      EMBEDDING_MODEL: 'missing/model',
      MODELS_DIR: path.join(root, 'models'),
      ALLOW_REMOTE_MODELS: 'false',
    });
    const result = await exit;
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => /warn/i.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: embedding model missing\/model is not in .* search is lexical only$/);
    expect(result.stderr).toContain('vectors: none (no embedding model: search is lexical only)');
    expect(result.stderr).toMatch(/documents indexed: 5 \(new 5/);
    const manifest = readManifest(path.join(indexDir, currentPointer(indexDir)));
    expect(manifest.embedding).toBeNull();
    expect(manifest.counts.documents).toBe(5);
  });

  it('exits non-zero with a clear message for a missing corpus folder, leaving no index', { timeout: 60_000 }, async () => {
    const root = makeTempDir('cli-missing');
    const indexDir = path.join(root, 'index');
    const result = await runCli(['--corpus', path.join(root, 'nope'), '--index', indexDir, '--lexical-only']).exit;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ingest failed: corpus folder .*nope does not exist/);
    expect(entriesStartingWith(indexDir, 'gen-')).toEqual([]);
  });
});
