/**
 * Whether the index must be (re)built before serving: missing, from another schema version,
 * damaged, older than the corpus, without a current practice catalog, or lacking vectors for the
 * configured embedding model.
 */
import { toAppError } from '../core/errors.ts';
import { currentGenerationDir } from '../core/index/generations.ts';
import { readManifest, verifyFiles } from '../core/index/manifest.ts';
import type { PostgresStore } from '../core/index/postgres/postgres-source.ts';
import { readMeta } from '../core/index/postgres/schema.ts';
import { catalogHeaderProblem, practiceCatalogProblem } from '../core/practices/store.ts';
import { tokenizerVersion } from '../core/text/tokenize.ts';
import { corpusFingerprint } from './corpus-fingerprint.ts';
import { discoverCorpusFiles } from './readers/index.ts';

/** What a published version was built from. */
interface Published {
  fingerprint: string;
  /** Model of its vectors, or null. */
  model: string | null;
}

/** Why `published` needs an ingest for this corpus and model, or null when it is up to date. */
async function staleness(published: Published, corpusDir: string, embeddingModel: string | null, where: string): Promise<string | null> {
  const { files } = await discoverCorpusFiles(corpusDir);
  if ((await corpusFingerprint(corpusDir, files)) !== published.fingerprint) return `the corpus in ${corpusDir} changed since ${where} was built`;
  if (embeddingModel !== null && published.model !== embeddingModel) {
    return published.model ? `${where} holds ${published.model} vectors, not ${embeddingModel}` : `${where} has no vectors yet and ${embeddingModel} is available`;
  }
  return null;
}

/** Why the index folder needs an ingest, or null when it is up to date. */
export async function ingestNeeded(corpusDir: string, indexDir: string, embeddingModel: string | null): Promise<string | null> {
  try {
    const dir = currentGenerationDir(indexDir);
    if (!dir) return `no index in ${indexDir} yet`;
    const manifest = readManifest(dir);
    verifyFiles(dir, manifest);
    const stale = await staleness({ fingerprint: manifest.corpus.fingerprint, model: manifest.embedding?.model ?? null }, corpusDir, embeddingModel, 'the index');
    return stale ?? practiceCatalogProblem(dir, manifest.files);
  } catch (error) {
    const appError = toAppError(error);
    return `${appError.code}: ${appError.message}`;
  }
}

/** `ingestNeeded` for a PostgreSQL database. Vectors count only where the server can store them. */
export async function databaseIngestNeeded(corpusDir: string, store: PostgresStore, embeddingModel: string | null): Promise<string | null> {
  try {
    const meta = await store.database.transaction((client) => readMeta(client), { what: 'reading the corpus version', readOnly: true });
    if (!meta || meta.corpusVersion === 0) return `no corpus in the database ${store.database.name} yet`;
    if (meta.analyzer !== tokenizerVersion) return `the database was tokenised with ${meta.analyzer}, this program uses ${tokenizerVersion}`;
    const fingerprint = typeof meta.build?.corpus === 'object' && meta.build.corpus ? String((meta.build.corpus as { fingerprint?: unknown }).fingerprint) : '';
    const stale = await staleness({ fingerprint, model: meta.embeddingModel }, corpusDir, store.capabilities.vectors ? embeddingModel : null, 'the database');
    if (stale) return stale;
    const header = await store.database.transaction((client) => client.query<{ header: string }>(`SELECT split_part(catalog, E'\\n', 1) AS header FROM pbqa_practices`), {
      what: 'reading the practice catalog',
      readOnly: true,
    });
    const first = header.rows[0]?.header;
    return first === undefined ? 'the database has no practice catalog yet' : catalogHeaderProblem(first, `the practice catalog of the database ${store.database.name}`);
  } catch (error) {
    const appError = toAppError(error);
    return `${appError.code}: ${appError.message}`;
  }
}
