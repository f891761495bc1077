/**
 * Where the bench and the evaluation find their data: `../shared` beside the repository, which
 * holds public datasets and random-weight timing models that are not shipped in the repository.
 * Without it both commands stop with one line that says so (they are not part of `npm test`).
 */
import fs from 'node:fs';
import path from 'node:path';

/** `../shared` beside the repository. */
export const sharedDir = path.resolve(import.meta.dirname, '..', '..', 'shared');

const contents =
  'bench/crud-news (68,798 Chinese news articles from CRUD-RAG, for scale), bench/ncp-policies/derived_beir and bench/domainrag/derived_beir ' +
  '(public Chinese retrieval sets in BEIR layout: corpus.jsonl, queries.jsonl, qrels/test.tsv) and models/bench/random-bge-small-zh (random weights for timing)';

/** Where `../shared` is, whether it is there, and what it holds: the end of a one-line message. */
export function sharedDataNote(): string {
  const where = fs.existsSync(sharedDir) ? sharedDir : `${sharedDir}, missing`;
  return `../shared beside the repository (${where}) holds ${contents}; they are not part of the repository`;
}

/** The first of `needed` that does not exist, or null. */
export function firstMissing(needed: readonly string[]): string | null {
  return needed.find((file) => !fs.existsSync(file)) ?? null;
}
