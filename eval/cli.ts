/**
 * `npm run eval -- --dataset DIR [--k 10] [--lexical-only] [--keep-index DIR] [--database URL]`
 * (`--answers`: the answer-level evaluation of answers-cli.ts instead.)
 * Ingests a BEIR corpus into a temporary index with the product's own pipeline, runs every query
 * through the server's retriever, and prints nDCG@k, Recall@k and MRR@k at document level (a
 * document ranks by its best passage). The last line is JSON. With `--database`, the corpus is
 * ingested into that PostgreSQL database (one set aside for the evaluation: its corpus is
 * replaced) and searched there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDataNote } from '../bench/shared-data.ts';
import { loadConfig, readEnvFile } from '../core/config.ts';
import { toAppError } from '../core/errors.ts';
import { loadTransformersEmbedder } from '../core/embedding/transformers-embedder.ts';
import { EmbeddedSnapshot } from '../core/index/index-reader.ts';
import type { IndexSnapshot } from '../core/index/index-snapshot.ts';
import { PostgresSource, openPostgres } from '../core/index/postgres/postgres-source.ts';
import { PostgresCorpusWriter } from '../core/index/postgres/postgres-writer.ts';
import { Retriever } from '../core/retrieval/retriever.ts';
import { chunkOptions, embedderOptions, hnswOptions, retrieverOptions } from '../core/runtime-options.ts';
import { ingestCorpus } from '../ingest/pipeline.ts';
import { loadBeir } from './beir.ts';
import { mrrAtK, ndcgAtK, recallAtK } from './metrics.ts';

async function main(): Promise<void> {
  if (process.argv.includes('--answers')) {
    const { runAnswerEval } = await import('./answers-cli.ts');
    return runAnswerEval(process.argv.slice(2));
  }
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      k: { type: 'string', default: '10' },
      'lexical-only': { type: 'boolean', default: false },
      'keep-index': { type: 'string' },
      limit: { type: 'string' },
      database: { type: 'string' },
    },
  });
  const datasetDir = values.dataset;
  if (datasetDir === undefined || !fs.existsSync(datasetDir)) {
    const problem = datasetDir === undefined ? 'usage: npm run eval -- --dataset DIR [--k 10] [--lexical-only], DIR a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv)' : `npm run eval: no dataset folder at ${datasetDir}`;
    process.stderr.write(`${problem}: ${sharedDataNote()}.\n`);
    process.exitCode = 1;
    return;
  }
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 1000) throw new Error('--k must be an integer from 1 to 1000');
  const config = loadConfig({ ...readEnvFile('.env'), ...process.env });
  const dataset = await loadBeir(datasetDir);
  const queries = values.limit ? dataset.queries.slice(0, Number(values.limit)) : dataset.queries;

  const loaded = values['lexical-only'] ? { embedder: null, warning: 'lexical only (--lexical-only)' } : await loadTransformersEmbedder(embedderOptions(config));
  if (loaded.warning) process.stderr.write(`note: ${loaded.warning}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-'));
  const corpusDir = path.join(work, 'corpus');
  const indexDir = values['keep-index'] ?? path.join(work, 'index');
  fs.mkdirSync(corpusDir);
  fs.copyFileSync(dataset.corpusFile, path.join(corpusDir, 'corpus.jsonl'));
  const store = values.database ? await openPostgres({ url: values.database, maxConnections: 2 }) : null;
  try {
    const summary = await ingestCorpus({
      corpusDir,
      indexDir,
      chunking: chunkOptions(config),
      embedder: loaded.embedder,
      embeddingBatchSize: config.EMBEDDING_BATCH_SIZE,
      hnsw: hnswOptions(config),
      openWriter: store ? (embedder) => PostgresCorpusWriter.open(store, embedder, { chunking: chunkOptions(config), reembed: true }) : undefined,
    });
    process.stderr.write(`indexed ${summary.documents} documents, ${summary.chunks} passages in ${(summary.milliseconds / 1000).toFixed(1)} s (${summary.duplicates} near-duplicates folded, ${summary.skipped} skipped)\n`);
    const vectorModel = loaded.embedder?.modelId ?? null;
    const snapshot: IndexSnapshot = store ? await new PostgresSource(store).load({ vectorModel }) : EmbeddedSnapshot.load(indexDir, { vectorModel });
    const retriever = new Retriever(snapshot, loaded.embedder, retrieverOptions(config));
    let ndcg = 0;
    let recall = 0;
    let mrr = 0;
    const started = performance.now();
    for (const query of queries) {
      const response = await retriever.search(query.text, { k: Math.max(k, 10), maxPerDocument: 1 });
      // A folded near-duplicate stands for every copy of the story.
      const ranking: string[] = [];
      for (const hit of response.hits) {
        for (const docId of [hit.chunk.document.docId, ...hit.chunk.document.duplicates.map((duplicate) => duplicate.docId)]) {
          if (!ranking.includes(docId)) ranking.push(docId);
        }
      }
      const judgements = dataset.qrels.get(query.id)!;
      ndcg += ndcgAtK(ranking, judgements, k);
      recall += recallAtK(ranking, judgements, k);
      mrr += mrrAtK(ranking, judgements, k);
    }
    const count = queries.length || 1;
    const result = {
      dataset: path.basename(path.resolve(datasetDir, '..')) + '/' + path.basename(path.resolve(datasetDir)),
      queries: queries.length,
      documents: summary.documents,
      passages: summary.chunks,
      mode: retriever.mode,
      index: snapshot.info,
      [`ndcg@${k}`]: Number((ndcg / count).toFixed(4)),
      [`recall@${k}`]: Number((recall / count).toFixed(4)),
      [`mrr@${k}`]: Number((mrr / count).toFixed(4)),
      msPerQuery: Number(((performance.now() - started) / count).toFixed(2)),
    };
    process.stdout.write(`nDCG@${k} ${result[`ndcg@${k}`]}  Recall@${k} ${result[`recall@${k}`]}  MRR@${k} ${result[`mrr@${k}`]}  (${result.queries} queries, ${result.mode})\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    snapshot.close();
  } finally {
    await loaded.embedder?.dispose();
    await store?.database.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${toAppError(error).code === 'INTERNAL' ? (error as Error).message : toAppError(error).message}\n`);
  process.exitCode = 1;
});
