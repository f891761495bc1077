/**
 * A fingerprint of the corpus folder (file names, sizes, modification times, and the metadata
 * overrides file), recorded in the manifest so `npm start` can tell whether the index is older
 * than the corpus without reading it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { overridesFileName } from '../core/corpus/overrides.ts';

/** Fingerprint of the given corpus files (relative paths, as `discoverCorpusFiles` returns them). */
export async function corpusFingerprint(corpusDir: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    const stat = await fs.promises.stat(path.join(corpusDir, file));
    hash.update(`${file}\t${stat.size}\t${Math.floor(stat.mtimeMs)}\n`);
  }
  // A correction made while the server was down is picked up by the next start.
  const overrides = await fs.promises.stat(path.join(corpusDir, overridesFileName)).catch(() => null);
  if (overrides) hash.update(`${overridesFileName}\t${overrides.size}\t${Math.floor(overrides.mtimeMs)}\n`);
  return hash.digest('hex').slice(0, 32);
}
