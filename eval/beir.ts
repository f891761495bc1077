/** Reading a BEIR-layout retrieval set: corpus.jsonl, queries.jsonl, qrels/test.tsv. */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { AppError } from '../core/errors.ts';

export interface BeirQuery {
  id: string;
  text: string;
}

export interface BeirDataset {
  corpusFile: string;
  queries: BeirQuery[];
  /** query id → (document id → grade) */
  qrels: Map<string, Map<string, number>>;
}

async function* lines(file: string): AsyncGenerator<string> {
  const reader = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of reader) if (line.trim()) yield line;
}

/** Loads queries and judgements; the corpus is ingested from `corpusFile` by the normal pipeline. */
export async function loadBeir(dir: string, split = 'test'): Promise<BeirDataset> {
  const corpusFile = path.join(dir, 'corpus.jsonl');
  const queriesFile = path.join(dir, 'queries.jsonl');
  const qrelsFile = path.join(dir, 'qrels', `${split}.tsv`);
  for (const file of [corpusFile, queriesFile, qrelsFile]) {
    if (!fs.existsSync(file)) throw new AppError('INPUT_UNREADABLE', `${file} is missing: a BEIR folder has corpus.jsonl, queries.jsonl and qrels/${split}.tsv`);
  }
  const qrels = new Map<string, Map<string, number>>();
  let lineNumber = 0;
  for await (const line of lines(qrelsFile)) {
    lineNumber++;
    const [queryId, docId, grade] = line.split('\t');
    if (lineNumber === 1 && queryId === 'query-id') continue;
    const score = Number(grade);
    if (!queryId || !docId || !Number.isFinite(score)) throw new AppError('INPUT_UNREADABLE', `${qrelsFile} line ${lineNumber}: expected query-id, corpus-id, score`);
    let judgements = qrels.get(queryId);
    if (!judgements) qrels.set(queryId, (judgements = new Map()));
    judgements.set(docId, score);
  }
  const queries: BeirQuery[] = [];
  lineNumber = 0;
  for await (const line of lines(queriesFile)) {
    lineNumber++;
    let parsed: { _id?: unknown; text?: unknown };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      throw new AppError('INPUT_UNREADABLE', `${queriesFile} line ${lineNumber}: not valid JSON`);
    }
    if (typeof parsed.text !== 'string' || (typeof parsed._id !== 'string' && typeof parsed._id !== 'number')) {
      throw new AppError('INPUT_UNREADABLE', `${queriesFile} line ${lineNumber}: needs "_id" and "text"`);
    }
    const id = String(parsed._id);
    if (qrels.has(id)) queries.push({ id, text: parsed.text });
  }
  return { corpusFile, queries, qrels };
}
