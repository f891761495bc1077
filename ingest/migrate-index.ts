/**
 * `npm run index:migrate -- [--index DIR]` (with DATABASE_URL set): copies the embedded index's
 * live generation into PostgreSQL: every article with its text, metadata, headings and reposts,
 * every passage, the practice catalog, and the stored vectors (nothing is embedded again).
 * Tokens are re-derived from the passages' texts with the same analyzer, and each passage's text
 * hash is checked against the one the index stored, so a copy never differs from what an ingest
 * would have written.
 * Publishes one corpus version like an ingest; articles the database already holds unchanged are
 * kept, so running it twice changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvFile } from '../core/config.ts';
import { AppError, toAppError } from '../core/errors.ts';
import { readTypedArray } from '../core/index/binary-io.ts';
import type { WrittenChunk } from '../core/index/index-writer.ts';
import { EmbeddedSnapshot } from '../core/index/index-reader.ts';
import { indexFiles } from '../core/index/layout.ts';
import { openPostgres, type PostgresStore } from '../core/index/postgres/postgres-source.ts';
import { PostgresCorpusWriter } from '../core/index/postgres/postgres-writer.ts';
import { practiceFile, practiceVectorFile } from '../core/practices/store.ts';
import { analyzeForIndex } from '../core/text/tokenize.ts';
import { hashText } from './analyze-article.ts';
import { contextLine, passageIndexText } from './prepare.ts';

export interface MigrationSummary {
  version: string;
  documents: number;
  passages: number;
  /** Vectors copied (0 when the index has none, or the server has no pgvector). */
  vectors: number;
  embeddingModel: string | null;
}

/** Copies the live generation of `indexDir` into the database (see the file comment). */
export async function migrateIndex(store: PostgresStore, indexDir: string, options: { reembed?: boolean } = {}): Promise<MigrationSummary> {
  // The HNSW graph is not needed: the vectors are read from their file.
  const snapshot = EmbeddedSnapshot.load(indexDir, { vectorModel: null });
  const { manifest, dir } = snapshot;
  const embedding = manifest.embedding;
  const model = embedding && store.capabilities.vectors ? { modelId: embedding.model, dimension: embedding.dimension } : null;
  const hashes = readTypedArray(path.join(dir, indexFiles.chunkHashes), Uint32Array);
  const rows = model ? readTypedArray(path.join(dir, indexFiles.vectors), Float32Array) : null;
  const writer = await PostgresCorpusWriter.open(store, model, { chunking: manifest.chunking, reembed: options.reembed });
  let vectors = 0;
  try {
    for (const document of snapshot.documents) {
      await snapshot.preloadTexts([document]);
      const text = snapshot.documentText(document);
      const context = contextLine(document);
      const headings = document.headings.map(([start, end]) => ({ start, end }));
      const chunks: WrittenChunk[] = [];
      for (let ordinal = 0; ordinal < document.chunkCount; ordinal++) {
        const chunk = document.firstChunk + ordinal;
        const layout = snapshot.passageLayout(chunk);
        const { indexText } = passageIndexText(context, text, headings, layout);
        const hash: [number, number] = [hashes[chunk * 2]!, hashes[chunk * 2 + 1]!];
        const [high, low] = hashText(indexText);
        if (high !== hash[0] || low !== hash[1]) {
          throw new AppError('INDEX_SCHEMA_MISMATCH', `${dir}: passage ${document.docId}#${ordinal} does not read as it was indexed (another program version built it); run the ingest into the database instead`);
        }
        chunks.push({ ...layout, analyzed: analyzeForIndex(indexText), hash });
      }
      const { docId, sourcePath, line, format, title, college, unit, date, source, author, url, contentHash } = document;
      const { number, needsVectors } = await writer.addDocument(
        { docId, sourcePath, ...(line === undefined ? {} : { line }), format, title, college, unit, date, source, author, url, contentHash, headings: document.headings, text },
        chunks,
      );
      for (const duplicate of document.duplicates) writer.addDuplicate(number, duplicate);
      if (needsVectors && rows && model) {
        for (let ordinal = 0; ordinal < document.chunkCount; ordinal++) {
          const row = document.firstChunk + ordinal;
          writer.addVector(rows.slice(row * model.dimension, (row + 1) * model.dimension));
          vectors++;
        }
      }
    }
    // The practice catalog is copied as stored (its vectors only where passages keep theirs).
    if (manifest.files[practiceFile] !== undefined) {
      const storedVectors = model && manifest.files[practiceVectorFile] !== undefined ? fs.readFileSync(path.join(dir, practiceVectorFile)) : null;
      writer.copyPractices({ catalog: fs.readFileSync(path.join(dir, practiceFile), 'utf8'), vectors: storedVectors });
    }
    const version = await writer.publish({
      createdAt: manifest.createdAt,
      buildMs: manifest.buildMs,
      corpus: manifest.corpus,
      counts: { duplicates: manifest.counts.duplicates, skipped: manifest.counts.skipped },
      chunking: manifest.chunking,
      embedding: model && embedding ? { model: embedding.model, m: embedding.m, efConstruction: embedding.efConstruction } : null,
      problems: manifest.problems,
    });
    return { version, documents: snapshot.documents.length, passages: snapshot.chunkCount, vectors, embeddingModel: model?.modelId ?? null };
  } catch (error) {
    await writer.abandon();
    throw error;
  } finally {
    snapshot.close();
  }
}

const usage = `Usage: DATABASE_URL=postgres://… npm run index:migrate -- [--index DIR] [--reembed]
  --index DIR   the embedded index folder to copy (default: INDEX_DIR, "data/index")
  --reembed     replace vectors of another model the database holds (see npm run ingest)`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { index: { type: 'string' }, reembed: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const config = loadConfig({ ...readEnvFile('.env'), ...process.env });
  if (!config.DATABASE_URL) {
    process.stderr.write(`DATABASE_URL is not set: it names the database to copy the index into.\n${usage}\n`);
    return 2;
  }
  const indexDir = values.index ?? config.INDEX_DIR;
  if (!fs.existsSync(indexDir)) throw new AppError('INDEX_MISSING', `no index folder ${indexDir}`);
  const store = await openPostgres({ url: config.DATABASE_URL, maxConnections: 2 });
  try {
    if (!store.capabilities.vectors) process.stderr.write(`warning: ${store.capabilities.vectorsMissing}: vectors are not copied, search in the database is lexical-only\n`);
    const summary = await migrateIndex(store, indexDir, { reembed: values.reembed });
    process.stderr.write(
      `Copied ${indexDir} into ${summary.version}: ${summary.documents} documents, ${summary.passages} passages, ` +
        `${summary.embeddingModel ? `${summary.vectors} ${summary.embeddingModel} vectors written` : 'no vectors'}\n`,
    );
    return 0;
  } finally {
    await store.database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const appError = toAppError(error);
      process.stderr.write(`index:migrate failed: ${appError.code === 'INTERNAL' ? (error as Error).message : appError.message}\n`);
      process.exitCode = 1;
    },
  );
}
