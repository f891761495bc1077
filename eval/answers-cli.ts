/**
 * `npm run eval -- --answers --dataset PATH [--task NAME] [--skip-gold-removed] [--trace FILE]`
 * Answer-level evaluation (see answers.ts). PATH is a BEIR folder whose queries carry answers
 * (ncp-policies, domainrag's derived_beir with `--task extractive_qa`) or the seed set
 * (eval/seed/questions.jsonl, over corpus/). Prints a table by answer type, then by the set's own
 * categories when it has them; the last line is JSON.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvFile } from '../core/config.ts';
import { loadTransformersEmbedder } from '../core/embedding/transformers-embedder.ts';
import { chunkOptions, embedderOptions, hnswOptions, retrieverOptions } from '../core/runtime-options.ts';
import { loadAnswerSet, splitOf } from './answer-set.ts';
import { answerTable, evaluateAnswers, figures } from './answers.ts';

export async function runAnswerEval(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      answers: { type: 'boolean', default: true },
      dataset: { type: 'string' },
      task: { type: 'string' },
      corpus: { type: 'string', default: 'corpus' },
      'lexical-only': { type: 'boolean', default: false },
      'skip-gold-removed': { type: 'boolean', default: false },
      'group-size': { type: 'string' },
      split: { type: 'string' },
      limit: { type: 'string' },
      trace: { type: 'string' },
    },
  });
  if (!values.dataset) throw new Error('usage: npm run eval -- --answers --dataset PATH [--task NAME] [--skip-gold-removed] [--split tune|check] [--trace FILE]');
  const config = loadConfig({ ...readEnvFile('.env'), ...process.env });
  const set = await loadAnswerSet(values.dataset, { corpusDir: values.corpus, task: values.task });
  if (values.split) set.cases = set.cases.filter((testCase) => splitOf(testCase.id) === values.split);
  if (values.limit) set.cases = set.cases.slice(0, Number(values.limit));
  const loaded = values['lexical-only'] ? { embedder: null, warning: 'lexical only (--lexical-only)' } : await loadTransformersEmbedder(embedderOptions(config));
  if (loaded.warning) process.stderr.write(`note: ${loaded.warning}\n`);
  const trace = values.trace ? fs.createWriteStream(values.trace) : undefined;
  const started = performance.now();
  try {
    const results = await evaluateAnswers(set, {
      chunking: chunkOptions(config),
      hnsw: hnswOptions(config),
      retriever: retrieverOptions(config),
      embedder: loaded.embedder,
      skipGoldRemoved: values['skip-gold-removed'],
      groupSize: values['group-size'] ? Number(values['group-size']) : undefined,
      trace,
    });
    process.stdout.write(`\n${set.name}: ${results.length} questions, ${loaded.embedder ? 'hybrid' : 'lexical'} retrieval, extractive answers (${((performance.now() - started) / 1000).toFixed(0)} s)\n\n`);
    process.stdout.write(`By answer type (question analysis):\n\n${answerTable(results)}\n\n`);
    if (results.some((result) => result.category)) process.stdout.write(`By the set's categories:\n\n${answerTable(results, (result) => result.category ?? '—')}\n\n`);
    const check = figures(results.filter((result) => result.split === 'check'));
    const tune = figures(results.filter((result) => result.split === 'tune'));
    process.stdout.write(`${JSON.stringify({ set: set.name, questions: results.length, check, tune })}\n`);
  } finally {
    trace?.end();
    await loaded.embedder?.dispose();
  }
}
