/**
 * Worker threads start from a cached JavaScript bundle of their TypeScript module graph: built
 * once, reused while the sources are unchanged, rebuilt when one changes, and replaced by tsx when
 * it cannot be built. Real esbuild, real worker threads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { startThroughTsx, startTsWorker, workerBundle } from '../../core/ts-worker.ts';
import { analyzeArticle } from '../../ingest/analyze-article.ts';
import { defaultCorpusDir, defaultFiles, makeTempDir, readArticle, removeTempDirs, writeFiles } from '../helpers/corpus.ts';

afterAll(removeTempDirs);

/** A two-module TypeScript worker: it answers every message with `label(message)`. */
function writeWorkerSources(dir: string, label: string): URL {
  writeFiles(dir, {
    // As in the project: .ts files are ES modules.
    'package.json': JSON.stringify({ type: 'module' }),
    'echo-worker.ts': [
      "import { parentPort } from 'node:worker_threads';",
      "import { label } from './label.ts';",
      'parentPort!.on(\'message\', (message: string) => parentPort!.postMessage(label(message)));',
    ].join('\n'),
    'label.ts': `export function label(text: string): string {\n  return \`${label}:\${text}\`;\n}\n`,
  });
  return pathToFileURL(path.join(dir, 'echo-worker.ts'));
}

/** Sends one message to a worker and returns its answer; the worker is terminated after. */
async function ask(worker: Worker, message: string): Promise<unknown> {
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(message);
    });
  } finally {
    await worker.terminate();
  }
}

function bundlesIn(cacheDir: string): string[] {
  return fs.readdirSync(cacheDir).filter((name) => name.endsWith('.mjs'));
}

describe('worker bundles', () => {
  it('runs the worker from one JavaScript file built from its TypeScript modules', async () => {
    const dir = makeTempDir('worker-src');
    const cacheDir = path.join(makeTempDir('worker-cache'), 'bundles');
    const entry = writeWorkerSources(dir, 'first');
    const bundle = workerBundle(entry, cacheDir);
    expect(bundle).not.toBeNull();
    expect(bundle!.pathname.endsWith('.mjs')).toBe(true);
    expect(fs.readFileSync(bundle!, 'utf8')).not.toContain(': string');
    expect(await ask(new Worker(bundle!), 'x')).toBe('first:x');
  });

  it('reuses the bundle while the sources are unchanged, and rebuilds it when one changes', async () => {
    const dir = makeTempDir('worker-src');
    const cacheDir = path.join(makeTempDir('worker-cache'), 'bundles');
    const entry = writeWorkerSources(dir, 'before');
    const first = workerBundle(entry, cacheDir)!;
    const builtAt = fs.statSync(first).mtimeMs;
    const again = workerBundle(entry, cacheDir)!;
    expect(again.href).toBe(first.href);
    expect(fs.statSync(again).mtimeMs).toBe(builtAt);

    // Only the imported module changes: the entry file is the same, the bundle is not.
    writeWorkerSources(dir, 'after');
    const rebuilt = workerBundle(entry, cacheDir)!;
    expect(rebuilt.href).not.toBe(first.href);
    expect(bundlesIn(cacheDir)).toEqual([path.basename(rebuilt.pathname)]);
    expect(await ask(new Worker(rebuilt), 'y')).toBe('after:y');

    // esbuild reads compiler options from the nearest tsconfig.json: a change there rebuilds too.
    writeFiles(dir, { 'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022' } }) });
    const withConfig = workerBundle(entry, cacheDir)!;
    expect(withConfig.href).not.toBe(rebuilt.href);
    writeFiles(dir, { 'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2020' } }) });
    expect(workerBundle(entry, cacheDir)!.href).not.toBe(withConfig.href);
  });

  it('rebuilds the bundle when a module of the last build is gone', async () => {
    const dir = makeTempDir('worker-src');
    const cacheDir = path.join(makeTempDir('worker-cache'), 'bundles');
    const entry = writeWorkerSources(dir, 'old');
    const first = workerBundle(entry, cacheDir)!;
    // The entry stops importing label.ts, which is then deleted.
    fs.writeFileSync(path.join(dir, 'echo-worker.ts'), "import { parentPort } from 'node:worker_threads';\nparentPort!.on('message', (message: string) => parentPort!.postMessage(`inline:${message}`));\n");
    fs.rmSync(path.join(dir, 'label.ts'));
    const rebuilt = workerBundle(entry, cacheDir);
    expect(rebuilt).not.toBeNull();
    expect(rebuilt!.href).not.toBe(first.href);
    expect(await ask(new Worker(rebuilt!), 'v')).toBe('inline:v');
  });

  it('gives no bundle for a source esbuild cannot parse, and tsx then runs the worker', async () => {
    const dir = makeTempDir('worker-src');
    const cacheDir = path.join(makeTempDir('worker-cache'), 'bundles');
    const entry = writeWorkerSources(dir, 'fine');
    fs.appendFileSync(path.join(dir, 'label.ts'), '\nexport const broken = ;\n');
    expect(workerBundle(entry, cacheDir)).toBeNull();
    expect(fs.existsSync(cacheDir) ? bundlesIn(cacheDir) : []).toEqual([]);

    const valid = writeWorkerSources(makeTempDir('worker-src'), 'tsx');
    expect(await ask(startThroughTsx(valid), 'z')).toBe('tsx:z');
  });

  it("bundles the ingest's prepare worker, whose bundle analyses articles as the sources do", async () => {
    const entry = new URL('../../ingest/prepare-worker.ts', import.meta.url);
    const bundle = workerBundle(entry);
    expect(bundle).not.toBeNull();
    const chunking = { size: 300, overlap: 40 };
    const article = await readArticle(defaultCorpusDir, Object.values(defaultFiles)[0]!);
    const worker = startTsWorker(entry, { workerData: { chunking, keepIndexText: false } });
    try {
      const results = await new Promise<unknown[]>((resolve, reject) => {
        worker.on('message', (message: { id?: number; results?: unknown[] }) => {
          if (message.id === 1) resolve(message.results!);
        });
        worker.once('error', reject);
        worker.postMessage({ id: 1, articles: [article] });
      });
      expect(results).toEqual([analyzeArticle(article, chunking, { keepIndexText: false })]);
    } finally {
      await worker.terminate();
    }
  });
});
