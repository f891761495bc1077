/**
 * Starts a worker thread whose code is a TypeScript module.
 *
 * The fast way: the entry's module graph bundled into one plain JavaScript file with esbuild (the
 * compiler tsx itself runs on), cached beside the dependencies and rebuilt when any of its source
 * files changes. A worker that loads that file starts without a loader thread, and the ingest
 * needs the second core for work, not for start-up (docs/performance.md, "Worker start").
 *
 * The fallback (no writable cache, esbuild missing or failing): tsx inside the worker. Node 20
 * resolves a worker's entry file before any `--import` hook is ready, so `new Worker('x.ts')` fails
 * even under `node --import tsx`; a one-line ESM bootstrap registers tsx inside the worker first,
 * then imports the real entry. Both ways work the same under vitest.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** Where bundles live by default: inside node_modules, so the bundle's bare imports resolve as the sources' do. */
const defaultCacheDir = fileURLToPath(new URL('../node_modules/.cache/party-building-qa/workers/', import.meta.url));

/** Bundles found or built in this process, by entry: a process keeps using the code it started with. */
const bundles = new Map<string, URL | null>();

/**
 * Starts `entry` (a file: URL of a .ts module) in a worker thread, from a cached JavaScript bundle
 * when one can be had (see `workerBundle`), else through tsx.
 */
export function startTsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  let bundle = bundles.get(entry.href);
  if (bundle === undefined) {
    bundle = workerBundle(entry);
    bundles.set(entry.href, bundle);
  }
  return bundle ? new Worker(bundle, options) : startThroughTsx(entry, options);
}

/** The source files a bundle was built from, beside the bundles: `<name>.inputs.json`. */
interface BundleInputs {
  esbuild: string;
  /** The tsconfig.json esbuild read (also in `files`), or null. */
  tsconfig: string | null;
  files: string[];
}

/**
 * A plain JavaScript bundle of `entry` and every project module it imports (packages stay
 * imports), in `cacheDir`; null when none can be built. A bundle's file name carries a hash of
 * the esbuild version and of the content of every source file in it, so a bundle found is
 * current, and processes that build at the same time write the same file. Costs a read of each
 * source file when the bundle is current, and a load of esbuild and one build when it is not.
 */
export function workerBundle(entry: URL, cacheDir = defaultCacheDir): URL | null {
  try {
    const entryFile = fileURLToPath(entry);
    const name = path.basename(entryFile).replace(/\.[cm]?ts$/, '');
    const inputsFile = path.join(cacheDir, `${name}.inputs.json`);
    // The version alone is in the manifest; loading esbuild itself waits for a rebuild.
    const version = (require('esbuild/package.json') as { version: string }).version;
    const workingDir = path.dirname(entryFile);
    // esbuild reads compiler options (class fields, JSX) from the nearest tsconfig.json: it is an input too.
    const tsconfig = nearestFile(workingDir, 'tsconfig.json');
    const current = currentBundle(inputsFile, entryFile, tsconfig, version, (key) => path.join(cacheDir, `${name}-${key}.mjs`));
    if (current) return pathToFileURL(current);
    const esbuild = require('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({
      absWorkingDir: workingDir,
      entryPoints: [entryFile],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) return null;
    // esbuild names inputs relative to its working directory.
    const files = Object.keys(result.metafile.inputs).map((input) => path.resolve(workingDir, input));
    if (tsconfig) files.push(tsconfig);
    files.sort();
    const bundleFile = path.join(cacheDir, `${name}-${contentKey(version, files)}.mjs`);
    fs.mkdirSync(cacheDir, { recursive: true });
    writeAtomically(bundleFile, output.contents);
    writeAtomically(inputsFile, JSON.stringify({ esbuild: version, tsconfig, files } satisfies BundleInputs));
    removeOlderBundles(cacheDir, name, bundleFile);
    return pathToFileURL(bundleFile);
  } catch {
    // No esbuild, a read-only install, a source esbuild cannot parse: tsx still runs the worker
    // instead, more slowly.
    return null;
  }
}

/** The bundle built from the sources as they are now, if there is one. */
function currentBundle(inputsFile: string, entryFile: string, tsconfig: string | null, version: string, bundleFileFor: (key: string) => string): string | null {
  const known = readInputs(inputsFile);
  if (!known || known.esbuild !== version || known.tsconfig !== tsconfig || !known.files.includes(entryFile)) return null;
  try {
    const bundleFile = bundleFileFor(contentKey(version, known.files));
    return fs.existsSync(bundleFile) ? bundleFile : null;
  } catch {
    // A source file of the last build is gone (moved, or no longer imported and deleted): rebuild.
    return null;
  }
}

/** `name` in `dir` or the closest folder above it that has one. */
function nearestFile(dir: string, name: string): string | null {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return null;
  }
}

function readInputs(file: string): BundleInputs | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BundleInputs>;
    if (typeof value.esbuild !== 'string' || !Array.isArray(value.files)) return null;
    return { esbuild: value.esbuild, tsconfig: typeof value.tsconfig === 'string' ? value.tsconfig : null, files: value.files.map(String) };
  } catch {
    return null;
  }
}

/** A hash of the esbuild version and of each file's path and content (throws if a file is gone). */
function contentKey(esbuildVersion: string, files: readonly string[]): string {
  const hash = createHash('sha1').update(esbuildVersion);
  for (const file of files) hash.update('\0').update(file).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function writeAtomically(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/** Deletes the entry's superseded bundles; one in use by another process stays readable until it exits. */
function removeOlderBundles(cacheDir: string, name: string, keep: string): void {
  for (const file of fs.readdirSync(cacheDir)) {
    const full = path.join(cacheDir, file);
    if (full !== keep && file.startsWith(`${name}-`) && file.endsWith('.mjs')) fs.rmSync(full, { force: true });
  }
}

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
    const manifestFile = require.resolve('tsx/package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    tsxApiUrl = pathToFileURL(path.join(path.dirname(manifestFile), manifest.exports['./esm/api']!.import.default)).href;
  }
  return tsxApiUrl;
}

/** Starts `entry` in a worker thread that registers tsx first. */
export function startThroughTsx(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const code = `const { register } = await import(${JSON.stringify(tsxApi())}); register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}
