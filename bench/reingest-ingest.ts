/**
 * The re-ingest the bench's server runs through `server/reindexer.ts`: `ingest/cli.ts`'s job with
 * the projection stand-in as embedding model (the real model would take hours on 100k passages).
 * Usage: node --import tsx bench/reingest-ingest.ts --corpus DIR --index DIR (IDF table from
 * the file named by BENCH_IDF_FILE).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ingestCorpus } from '../ingest/pipeline.ts';
import { projectionEmbedder } from './projection-embedder.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, 'lexical-only': { type: 'boolean', default: false } } });
const idf = JSON.parse(fs.readFileSync(process.env.BENCH_IDF_FILE!, 'utf8'));
const summary = await ingestCorpus({
  corpusDir: values.corpus!,
  indexDir: values.index!,
  chunking: { size: Number(process.env.CHUNK_SIZE ?? 500), overlap: Number(process.env.CHUNK_OVERLAP ?? 80) },
  embedder: values['lexical-only'] ? null : projectionEmbedder(idf),
  embeddingBatchSize: 16,
  hnsw: { m: Number(process.env.HNSW_M ?? 16), efConstruction: Number(process.env.HNSW_EF_CONSTRUCTION ?? 200) },
});
process.stderr.write(`re-ingest: ${summary.chunks} passages in ${(summary.milliseconds / 1000).toFixed(1)} s\n`);
