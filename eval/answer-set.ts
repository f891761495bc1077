/**
 * Answer-bearing evaluation sets, read into one shape:
 * - a BEIR folder whose queries.jsonl carries `answers` (ncp-policies: a list of strings, each an
 *   alternative; domainrag: a list of lists, an alternative being a list of items that must all
 *   appear), with qrels naming the gold documents; `task` filters domainrag's question kinds;
 * - the seed set of this repository (eval/seed/questions.jsonl over corpus/), with key facts,
 *   answer types, modes, follow-ups and unanswerable questions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { answerModeSchema, type AnswerMode } from '../core/answer/protocol.ts';
import { AppError } from '../core/errors.ts';
import { loadBeir } from './beir.ts';

export interface AnswerCase {
  id: string;
  question: string;
  mode: AnswerMode;
  /** Earlier user questions of the conversation, asked first (their real answers become the history). */
  history: string[];
  answerable: boolean;
  /** Alternatives of the gold answer; each is a list of pieces that must all appear. */
  gold: string[][];
  /** Key facts; each is a list of acceptable surface forms (any one counts). */
  keyFacts: string[][];
  goldDocs: string[];
  /** Comparison questions: colleges whose articles speak of the topic. */
  colleges: string[];
  /** A label given by the set (seed: its category), if any. */
  category: string | null;
  /** The answer type the set expects (seed only). */
  expectedType: string | null;
  /** Drafts and comparisons: the passages a careful reader accepts, each with the section it belongs in. */
  relevant: RelevantPassage[];
}

/** Where a passage belongs in a 会议材料 draft (背景, 做法, 成效, 启示) or a 院校对比 table (做法, 成效). */
export const draftSections = ['背景', '做法', '成效', '启示'] as const;
export type DraftSection = (typeof draftSections)[number];

/** A passage of a college's article that belongs in a draft or a table, and where. */
export interface RelevantPassage {
  college: string;
  quote: string;
  section: DraftSection;
}

export interface AnswerSet {
  name: string;
  /** Where the articles are: a folder of files, or a BEIR corpus.jsonl. */
  corpus: { kind: 'folder'; dir: string } | { kind: 'jsonl'; file: string };
  cases: AnswerCase[];
}

/** A long gold answer split into its clauses: each clause of four or more characters is a key fact. */
function clauseFacts(answer: string): string[][] {
  return answer
    .split(/[，。；：、,;:！？!?\n]+/u)
    .map((part) => part.trim())
    .filter((part) => normalizeForMatch(part).length >= 4)
    .map((part) => [part]);
}

/** Text as answers are compared: NFKC, without spaces, punctuation, symbols or citation markers. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\[\d+\]/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

const seedLineSchema = z.object({
  id: z.string().min(1),
  category: z.string().optional(),
  type: z.string().optional(),
  mode: answerModeSchema,
  question: z.string().min(1),
  history: z.array(z.string()).default([]),
  answerable: z.boolean(),
  keyFacts: z.array(z.array(z.string().min(1)).min(1)),
  gold: z.array(z.string()).default([]),
  colleges: z.array(z.string()).default([]),
  relevant: z.array(z.object({ college: z.string().min(1), quote: z.string().min(1), section: z.enum(draftSections) })).default([]),
  note: z.string().optional(),
});

function loadSeed(file: string, corpusDir: string): AnswerSet {
  const cases: AnswerCase[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new AppError('INPUT_UNREADABLE', `${file} line ${index + 1}: not valid JSON`);
      }
      const result = seedLineSchema.safeParse(parsed);
      if (!result.success) throw new AppError('INPUT_UNREADABLE', `${file} line ${index + 1}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      const row = result.data;
      cases.push({
        id: row.id,
        question: row.question,
        mode: row.mode,
        history: row.history,
        answerable: row.answerable,
        gold: row.keyFacts.length > 0 ? [row.keyFacts.map((forms) => forms[0]!)] : [],
        keyFacts: row.keyFacts,
        goldDocs: row.gold,
        colleges: row.colleges,
        category: row.category ?? row.mode,
        expectedType: row.type ?? null,
        relevant: row.relevant,
      });
    });
  return { name: 'seed', corpus: { kind: 'folder', dir: corpusDir }, cases };
}

async function loadBeirAnswers(dir: string, task: string | undefined): Promise<AnswerSet> {
  const dataset = await loadBeir(dir);
  const answers = new Map<string, { answers: unknown; task: unknown }>();
  for (const line of fs.readFileSync(path.join(dir, 'queries.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { _id: string | number; answers?: unknown; task?: unknown };
    answers.set(String(row._id), { answers: row.answers, task: row.task });
  }
  const cases: AnswerCase[] = [];
  for (const query of dataset.queries) {
    const row = answers.get(query.id);
    if (!row || !Array.isArray(row.answers) || row.answers.length === 0) continue;
    if (task && row.task !== task) continue;
    // ncp-policies: ["answer", …]; domainrag: [["item", "item"], ["alternative"]].
    const gold = (row.answers as unknown[]).map((alternative) => (Array.isArray(alternative) ? alternative.map(String) : [String(alternative)])).filter((alternative) => alternative.length > 0);
    if (gold.length === 0) continue;
    const flat = gold.every((alternative) => alternative.length === 1);
    // A one-piece answer of a sentence or more has clauses as its key facts; lists have items.
    const keyFacts = flat && gold.length === 1 ? clauseFacts(gold[0]![0]!) : gold.length === 1 ? gold[0]!.map((item) => [item]) : [];
    cases.push({
      id: query.id,
      question: query.text,
      mode: 'qa',
      history: [],
      answerable: true,
      gold,
      keyFacts: keyFacts.length > 0 ? keyFacts : [],
      goldDocs: [...(dataset.qrels.get(query.id)?.keys() ?? [])],
      colleges: [],
      category: typeof row.task === 'string' ? row.task : null,
      expectedType: null,
      relevant: [],
    });
  }
  const name = `${path.basename(path.resolve(dir, '..'))}/${path.basename(path.resolve(dir))}${task ? `:${task}` : ''}`;
  return { name, corpus: { kind: 'jsonl', file: dataset.corpusFile }, cases };
}

/**
 * Loads an answer set: a seed `.jsonl` file (its articles in `corpusDir`) or a BEIR folder whose
 * queries carry answers.
 */
export async function loadAnswerSet(location: string, options: { corpusDir: string; task?: string | undefined }): Promise<AnswerSet> {
  if (!fs.existsSync(location)) throw new AppError('INPUT_UNREADABLE', `${location} does not exist`);
  if (fs.statSync(location).isFile()) return loadSeed(location, options.corpusDir);
  return loadBeirAnswers(location, options.task);
}

/** Stable half split: questions whose id hashes even are for tuning, the others for checking. */
export function splitOf(id: string): 'tune' | 'check' {
  let hash = 2166136261;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 16777619) >>> 0;
  return hash % 2 === 0 ? 'tune' : 'check';
}
