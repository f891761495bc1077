/**
 * Index generations: every ingest builds a complete new generation in a temporary folder beside
 * the live one, then publishes it by atomically replacing the `CURRENT` pointer file. A crash or
 * kill at any moment leaves `CURRENT` naming a complete generation.
 *
 *   <indexDir>/CURRENT           name of the live generation folder
 *   <indexDir>/gen-<stamp>/      a complete generation (manifest written last)
 *   <indexDir>/.build-<stamp>/   a generation being built (removed if abandoned)
 *   <indexDir>/.ingest.lock      held by the running ingest (pid inside)
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

const pointerFile = 'CURRENT';
const lockFile = '.ingest.lock';

/** The live generation's folder, or null when there is none yet. */
export function currentGenerationDir(indexDir: string): string | null {
  let name: string;
  try {
    name = fs.readFileSync(path.join(indexDir, pointerFile), 'utf8').trim();
  } catch {
    return null;
  }
  if (!/^gen-[\w.-]+$/.test(name)) throw new AppError('INDEX_CORRUPT', `${path.join(indexDir, pointerFile)} does not name a generation`);
  return path.join(indexDir, name);
}

function fsyncDirectory(directory: string): void {
  try {
    const fd = fs.openSync(directory, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some filesystems cannot fsync a directory; the rename is still atomic.
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A generation under construction. */
export interface GenerationBuild {
  /** Folder to write the generation's files into. */
  readonly dir: string;
  /** Publishes the generation: renames it into place and swaps `CURRENT`. Returns its final folder. */
  publish(): string;
  /** Removes the unfinished generation and releases the lock. */
  abandon(): void;
}

/**
 * Starts a new generation: takes the ingest lock (failing clearly when another live ingest holds
 * it), clears folders that crashed builds left behind, and creates the build folder.
 */
export function beginGeneration(indexDir: string): GenerationBuild {
  fs.mkdirSync(indexDir, { recursive: true });
  const lockPath = path.join(indexDir, lockFile);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw new AppError('INTERNAL', `cannot lock ${lockPath}: ${(error as Error).message}`, { cause: error });
      }
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new AppError('INTERNAL', `another ingest (pid ${holder}) is writing ${indexDir}; wait for it to finish`);
      }
      // The holder died (crash or kill -9): its lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  for (const entry of fs.readdirSync(indexDir)) {
    if (entry.startsWith('.build-')) fs.rmSync(path.join(indexDir, entry), { recursive: true, force: true });
  }
  const stamp = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const dir = path.join(indexDir, `.build-${stamp}`);
  fs.mkdirSync(dir);
  let finished = false;
  const release = (): void => {
    finished = true;
    fs.rmSync(lockPath, { force: true });
  };
  return {
    dir,
    publish(): string {
      if (finished) throw new Error('generation already finished');
      // Every file must be on disk before the pointer can name the generation.
      for (const entry of fs.readdirSync(dir)) {
        const fd = fs.openSync(path.join(dir, entry), 'r');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
      fsyncDirectory(dir);
      const finalDir = path.join(indexDir, `gen-${stamp}`);
      fs.renameSync(dir, finalDir);
      fsyncDirectory(indexDir);
      const temporaryPointer = path.join(indexDir, `${pointerFile}.tmp-${process.pid}`);
      const fd = fs.openSync(temporaryPointer, 'w');
      fs.writeSync(fd, path.basename(finalDir));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(temporaryPointer, path.join(indexDir, pointerFile));
      fsyncDirectory(indexDir);
      removeOldGenerations(indexDir);
      release();
      return finalDir;
    },
    abandon(): void {
      if (finished) return;
      fs.rmSync(dir, { recursive: true, force: true });
      release();
    },
  };
}

/**
 * Keeps the live generation and the one before it (a server may still be reading it); removes
 * older ones.
 */
function removeOldGenerations(indexDir: string): void {
  const live = currentGenerationDir(indexDir);
  const generations = fs
    .readdirSync(indexDir)
    .filter((entry) => entry.startsWith('gen-'))
    .sort();
  const keep = new Set<string>();
  if (live) keep.add(path.basename(live));
  const older = generations.filter((entry) => !keep.has(entry));
  if (older.length > 0) keep.add(older[older.length - 1]!);
  for (const entry of generations) {
    if (!keep.has(entry)) fs.rmSync(path.join(indexDir, entry), { recursive: true, force: true });
  }
}
