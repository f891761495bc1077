/**
 * Snapshots of the embedded index: the generation that an index folder's `CURRENT` names.
 */
import path from 'node:path';
import { currentGenerationDir } from './generations.ts';
import { EmbeddedSnapshot } from './index-reader.ts';
import type { SnapshotSource } from './index-snapshot.ts';
import { AppError } from '../errors.ts';

export class EmbeddedSource implements SnapshotSource {
  constructor(readonly indexDir: string) {}

  async currentVersion(): Promise<string | null> {
    return this.currentVersionSync();
  }

  /** The live generation's folder name (the embedded index can be read without waiting). */
  currentVersionSync(): string | null {
    const dir = currentGenerationDir(this.indexDir);
    return dir === null ? null : path.basename(dir);
  }

  /** Loads the live generation without blocking the event loop for long (see `EmbeddedSnapshot.loadAsync`). */
  async load(options: { vectorModel: string | null }): Promise<EmbeddedSnapshot> {
    const dir = currentGenerationDir(this.indexDir);
    if (!dir) throw new AppError('INDEX_MISSING', `no index in ${this.indexDir}: run the ingest first`);
    return EmbeddedSnapshot.loadGenerationAsync(dir, options);
  }

  /** `load`, all at once (tests and tools that are not serving yet). */
  loadSync(options: { vectorModel: string | null }): EmbeddedSnapshot {
    return EmbeddedSnapshot.load(this.indexDir, options);
  }

  async close(): Promise<void> {
    // Nothing is held open between loads.
  }
}
