/**
 * Whether the index must be (re)built before serving: missing, from another schema version,
 * damaged, older than the corpus, or lacking vectors for the configured embedding model.
 */
import { toAppError } from '../core/errors.ts';
import { currentGenerationDir } from '../core/index/generations.ts';
import { readManifest, verifyFiles } from '../core/index/manifest.ts';
import { corpusFingerprint } from './corpus-fingerprint.ts';
import { discoverCorpusFiles } from './readers/index.ts';

/** Why the index needs an ingest, or null when it is up to date. */
export async function ingestNeeded(corpusDir: string, indexDir: string, embeddingModel: string | null): Promise<string | null> {
  try {
    const dir = currentGenerationDir(indexDir);
    if (!dir) return `no index in ${indexDir} yet`;
    const manifest = readManifest(dir);
    verifyFiles(dir, manifest);
    const { files } = await discoverCorpusFiles(corpusDir);
    if ((await corpusFingerprint(corpusDir, files)) !== manifest.corpus.fingerprint) return `the corpus in ${corpusDir} changed since the index was built`;
    if (embeddingModel !== null && manifest.embedding?.model !== embeddingModel) {
      return manifest.embedding ? `the index holds ${manifest.embedding.model} vectors, not ${embeddingModel}` : `the index has no vectors yet and ${embeddingModel} is available`;
    }
    return null;
  } catch (error) {
    const appError = toAppError(error);
    return `${appError.code}: ${appError.message}`;
  }
}
