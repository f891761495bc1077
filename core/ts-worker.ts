/**
 * Starts a worker thread whose code is a TypeScript module. The project runs its .ts files through
 * tsx, but Node 20 resolves a worker's entry file before any `--import` hook is ready, so
 * `new Worker('x.ts')` fails even under `node --import tsx`. A one-line ESM bootstrap registers
 * tsx inside the worker first, then imports the real entry. Works the same under vitest.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

let tsxApiUrl: string | undefined;

/** Where tsx's ESM registration API lives (resolved once; tsx is a runtime dependency). */
function tsxApi(): string {
  if (tsxApiUrl !== undefined) return tsxApiUrl;
  try {
    tsxApiUrl = import.meta.resolve('tsx/esm/api');
  } catch {
    // Runners that transform modules (vitest) may lack `import.meta.resolve`. `require` would
    // pick tsx's CommonJS build, whose `register` cannot load its hooks in a worker, so find the
    // ESM build through the package's export map.
    const require = createRequire(import.meta.url);
    const manifestFile = require.resolve('tsx/package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    tsxApiUrl = pathToFileURL(path.join(path.dirname(manifestFile), manifest.exports['./esm/api']!.import.default)).href;
  }
  return tsxApiUrl;
}

/** Starts `entry` (a file: URL of a .ts module) in a worker thread. */
export function startTsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const code = `const { register } = await import(${JSON.stringify(tsxApi())}); register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}
