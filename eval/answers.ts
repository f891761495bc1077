/**
 * Answer-level evaluation: every question of an answer set goes through the product's own answer
 * service (extractive engine, lexical retrieval unless a model is given) over an index the
 * product's pipeline builds, twice: once over the whole corpus, once over an index without the
 * question's gold documents, where it must be refused. Reported per answer type and per half of
 * the set (`tune`, the half weights were chosen on, and `check`, the half they were not).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnswerService } from '../core/answer/answer-service.ts';
import type { AnswerEnd, HistoryTurn } from '../core/answer/protocol.ts';
import { analyzeQuestion } from '../core/answer/question.ts';
import type { Embedder } from '../core/embedding/embedder.ts';
import { SearchService } from '../core/retrieval/search-service.ts';
import type { RetrieverOptions } from '../core/retrieval/retriever.ts';
import type { ChunkOptions } from '../core/text/chunk.ts';
import type { HnswParameters } from '../core/index/vector-index.ts';
import { ingestCorpus } from '../ingest/pipeline.ts';
import { normalizeForMatch, splitOf, type AnswerCase, type AnswerSet } from './answer-set.ts';
import { judgeItems, shownItems, type ItemJudgement } from './draft-items.ts';

export interface AnswerEvalOptions {
  chunking: ChunkOptions;
  hnsw: HnswParameters;
  retriever: RetrieverOptions;
  embedder: Embedder | null;
  /** Skip the gold-removed pass (faster while tuning). */
  skipGoldRemoved?: boolean;
  /** Questions per gold-removed index. */
  groupSize?: number;
  /** Print one line per question to this stream. */
  trace?: NodeJS.WritableStream | undefined;
}

/** What one answer scored. */
export interface CaseResult {
  id: string;
  split: 'tune' | 'check';
  type: string;
  category: string | null;
  answerable: boolean;
  refused: boolean;
  contained: boolean | null;
  keyFactRecall: number | null;
  length: number;
  /** Comparison: share of the expected colleges with a cited cell. */
  collegeRecall: number | null;
  /** Drafts and tables of a case that lists its accepted passages: their items judged against them. */
  items: ItemJudgement | null;
  /** The top passage cut to the answer's length: contained and key-fact recall. */
  reference: { contained: boolean | null; keyFactRecall: number | null };
  /**
   * Gold-removed variant: refused, or null when not run or when the gold answer still stands,
   * word for word, in another document of the reduced corpus (then the question is answerable).
   */
  goldRemovedRefused: boolean | null;
  /** The gold answer was still in the corpus without its gold documents. */
  goldStillPresent: boolean;
  /** A refusal's related text (the passages it cites): shown at all, and for an answerable question what it holds of the answer. */
  nearby: { shown: boolean; contained: boolean | null; keyFactRecall: number | null } | null;
  answer: string;
  searchedFor: string;
}

/** The answer as a reader sees it, without Markdown syntax and citation markers. */
export function visibleText(answer: string): string {
  return answer
    .replace(/\[\d+\]/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*/g, '')
    .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '')
    .replace(/\|/g, ' ')
    .replace(/^\s*-{3,}\s*$/gm, '');
}

/** Characters a reader reads: the visible text without white space. */
export function answerLength(answer: string): number {
  return [...visibleText(answer).replace(/\s+/g, '')].length;
}

function containsAll(haystack: string, pieces: readonly string[]): boolean {
  return pieces.every((piece) => {
    const needle = normalizeForMatch(piece);
    return needle.length > 0 && haystack.includes(needle);
  });
}

/** Whether any gold alternative is wholly in `text`; null when the case has no gold answer. */
export function goldContained(text: string, gold: readonly (readonly string[])[]): boolean | null {
  if (gold.length === 0) return null;
  const haystack = normalizeForMatch(text);
  return gold.some((alternative) => containsAll(haystack, alternative));
}

/** Share of key facts found in `text` (a fact counts when any of its forms is there). */
export function keyFactRecall(text: string, keyFacts: readonly (readonly string[])[]): number | null {
  if (keyFacts.length === 0) return null;
  const haystack = normalizeForMatch(text);
  const found = keyFacts.filter((forms) => forms.some((form) => containsAll(haystack, [form]))).length;
  return found / keyFacts.length;
}

/** The normalised texts of a set's documents (title and text), by id, for checking where a gold answer stands. */
function documentTexts(set: AnswerSet): Map<string, string> {
  const texts = new Map<string, string>();
  if (set.corpus.kind === 'folder') {
    for (const entry of fs.readdirSync(set.corpus.dir)) texts.set(entry.replace(/\.[^.]+$/, ''), normalizeForMatch(fs.readFileSync(path.join(set.corpus.dir, entry), 'utf8')));
  } else {
    for (const line of fs.readFileSync(set.corpus.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { _id: string | number; title?: string; text?: string };
      texts.set(String(row._id), normalizeForMatch(`${row.title ?? ''}${row.text ?? ''}`));
    }
  }
  return texts;
}

async function buildIndex(set: AnswerSet, withoutDocs: ReadonlySet<string>, work: string, options: AnswerEvalOptions): Promise<SearchService> {
  const corpusDir = fs.mkdtempSync(path.join(work, 'corpus-'));
  const indexDir = fs.mkdtempSync(path.join(work, 'index-'));
  if (set.corpus.kind === 'folder') {
    for (const entry of fs.readdirSync(set.corpus.dir)) {
      const stem = entry.replace(/\.[^.]+$/, '');
      if (!withoutDocs.has(stem)) fs.copyFileSync(path.join(set.corpus.dir, entry), path.join(corpusDir, entry));
    }
  } else {
    const kept = fs
      .readFileSync(set.corpus.file, 'utf8')
      .split('\n')
      .filter((line) => {
        if (!line.trim()) return false;
        const id = /"_id"\s*:\s*"?([^",]+)"?/.exec(line)?.[1];
        return !(id && withoutDocs.has(id));
      });
    fs.writeFileSync(path.join(corpusDir, 'corpus.jsonl'), `${kept.join('\n')}\n`);
  }
  await ingestCorpus({ corpusDir, indexDir, chunking: options.chunking, embedder: options.embedder, embeddingBatchSize: 16, hnsw: options.hnsw });
  const search = new SearchService({ indexDir, embedder: options.embedder, retriever: options.retriever, closeDelayMs: 0 });
  search.load();
  return search;
}

/** Asks a case's conversation and returns the last answer. */
async function ask(answers: AnswerService, testCase: AnswerCase): Promise<Omit<AnswerEnd, 'id'>> {
  const history: HistoryTurn[] = [];
  for (const earlier of testCase.history) {
    const end = await answers.answerOnce({ question: earlier, mode: 'qa', history: [...history], filters: {} }, AbortSignal.timeout(60_000));
    history.push({ role: 'user', content: earlier }, { role: 'assistant', content: end.answer });
  }
  return answers.answerOnce({ question: testCase.question, mode: testCase.mode, history, filters: {} }, AbortSignal.timeout(60_000));
}

/** A text measured against a case's gold answer: contained and key-fact recall (null for an unanswerable case). */
function measured(text: string, testCase: AnswerCase): { contained: boolean | null; keyFactRecall: number | null } {
  return {
    contained: testCase.answerable ? goldContained(text, testCase.gold) : null,
    keyFactRecall: testCase.answerable ? keyFactRecall(text, testCase.keyFacts) : null,
  };
}

/** What a refusal's related text holds: the spans it cites, measured as an answer would be. */
function nearbyOf(end: Omit<AnswerEnd, 'id'>, testCase: AnswerCase): NonNullable<CaseResult['nearby']> {
  return { shown: end.citations.length > 0, ...measured(end.citations.map((citation) => citation.quote).join('\n'), testCase) };
}

function collegeRecall(end: Omit<AnswerEnd, 'id'>, expected: readonly string[]): number | null {
  if (expected.length === 0) return null;
  const rows = end.table?.rows ?? [];
  const filled = expected.filter((college) => rows.some((row) => row.college === college && row.sources.length > 0));
  return filled.length / expected.length;
}

/** Runs every case of a set; returns one result per case. */
export async function evaluateAnswers(set: AnswerSet, options: AnswerEvalOptions): Promise<CaseResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'answer-eval-'));
  try {
    const full = await buildIndex(set, new Set(), work, options);
    const service = new AnswerService({ search: full, generator: null });
    const colleges = [...new Set(full.retriever().snapshot.documents.map((document) => document.college).filter(Boolean))];
    const results: CaseResult[] = [];
    for (const testCase of set.cases) {
      const end = await ask(service, testCase);
      const text = end.notFound ? '' : visibleText(end.answer);
      const length = end.notFound ? 0 : answerLength(end.answer);
      const top = (await full.retriever().search(testCase.question, { k: 1 })).hits[0]?.chunk.text ?? '';
      const referenceText = [...top].slice(0, Math.max(length, 1)).join('');
      const analysis = analyzeQuestion(testCase.question, { colleges, terms: full.retriever().snapshot.lexical });
      const result: CaseResult = {
        id: testCase.id,
        split: splitOf(testCase.id),
        type: analysis.answerType,
        category: testCase.category,
        answerable: testCase.answerable,
        refused: end.notFound,
        ...measured(text, testCase),
        length,
        collegeRecall: testCase.mode === 'compare' && testCase.answerable ? collegeRecall(end, testCase.colleges) : null,
        items: testCase.relevant.length > 0 && !end.notFound ? judgeItems(shownItems(end), testCase.relevant) : null,
        reference: measured(referenceText, testCase),
        goldRemovedRefused: null,
        goldStillPresent: false,
        nearby: end.notFound ? nearbyOf(end, testCase) : null,
        answer: end.answer,
        searchedFor: end.searchedFor,
      };
      results.push(result);
      options.trace?.write(`${JSON.stringify({ id: result.id, type: result.type, q: testCase.question, refused: result.refused, contained: result.contained, kf: result.keyFactRecall, len: length, ...(result.nearby ? { nearby: result.nearby } : {}), ...(result.items ? { items: result.items } : {}), answer: end.answer.slice(0, 400) })}\n`);
    }
    full.close();

    if (!options.skipGoldRemoved) {
      // Each group of questions gets an index without all of the group's gold documents.
      const groupSize = options.groupSize ?? 25;
      const answerable = set.cases.filter((testCase) => testCase.answerable && testCase.goldDocs.length > 0 && testCase.history.length === 0);
      const byResult = new Map(results.map((result) => [result.id, result]));
      const groups: AnswerCase[][] = [];
      // Cases sharing gold documents go together, so a group removes as few documents as it can.
      const sorted = [...answerable].sort((a, b) => [...a.goldDocs].sort().join().localeCompare([...b.goldDocs].sort().join()));
      for (let index = 0; index < sorted.length; index += groupSize) groups.push(sorted.slice(index, index + groupSize));
      const texts = documentTexts(set);
      for (const group of groups) {
        const removed = new Set(group.flatMap((testCase) => testCase.goldDocs));
        const remaining = [...texts.entries()].filter(([id]) => !removed.has(id)).map(([, text]) => text);
        const search = await buildIndex(set, removed, work, options);
        const groupService = new AnswerService({ search, generator: null });
        for (const testCase of group) {
          const result = byResult.get(testCase.id)!;
          if (testCase.gold.some((alternative) => remaining.some((text) => alternative.every((piece) => text.includes(normalizeForMatch(piece)))))) {
            result.goldStillPresent = true;
            continue;
          }
          const end = await ask(groupService, testCase);
          result.goldRemovedRefused = end.notFound;
          options.trace?.write(`${JSON.stringify({ id: testCase.id, goldRemoved: true, refused: end.notFound, answer: end.notFound ? '' : end.answer.slice(0, 200) })}\n`);
        }
        search.close();
      }
    }
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mean(values: readonly (number | boolean | null)[]): number | null {
  const present = values.filter((value): value is number | boolean => value !== null);
  if (present.length === 0) return null;
  return present.reduce<number>((sum, value) => sum + Number(value), 0) / present.length;
}

/** The figures of a group of results. */
export interface AnswerFigures {
  questions: number;
  answerable: number;
  contained: number | null;
  keyFactRecall: number | null;
  medianLength: number | null;
  answerableRefused: number | null;
  unanswerableRefused: number | null;
  goldRemovedRefused: number | null;
  /** Questions whose gold answer stood in another document too (left out of goldRemovedRefused). */
  goldStillPresent: number;
  collegeRecall: number | null;
  /** Drafts and tables: the share of their items on topic, and in the section they belong in (over all items shown). */
  items: { onTopic: number | null; rightSection: number | null };
  reference: { contained: number | null; keyFactRecall: number | null };
  /**
   * Refusals' related text: for answerable questions refused, the share whose related text holds
   * the gold answer and its key-fact recall; for unanswerable questions refused, the share shown any.
   */
  nearby: { contained: number | null; keyFactRecall: number | null; shownUnanswerable: number | null };
}

export function figures(results: readonly CaseResult[]): AnswerFigures {
  const answerable = results.filter((result) => result.answerable);
  const answered = answerable.filter((result) => !result.refused);
  const unanswerable = results.filter((result) => !result.answerable);
  return {
    questions: results.length,
    answerable: answerable.length,
    contained: mean(answerable.map((result) => result.contained)),
    keyFactRecall: mean(answerable.map((result) => result.keyFactRecall)),
    medianLength: median(answered.map((result) => result.length)),
    answerableRefused: mean(answerable.map((result) => result.refused)),
    unanswerableRefused: mean(unanswerable.map((result) => result.refused)),
    goldRemovedRefused: mean(answerable.map((result) => result.goldRemovedRefused)),
    goldStillPresent: answerable.filter((result) => result.goldStillPresent).length,
    collegeRecall: mean(answerable.map((result) => result.collegeRecall)),
    items: itemShares(results),
    reference: {
      contained: mean(answerable.map((result) => result.reference.contained)),
      keyFactRecall: mean(answerable.map((result) => result.reference.keyFactRecall)),
    },
    nearby: {
      contained: mean(answerable.map((result) => result.nearby?.contained ?? null)),
      keyFactRecall: mean(answerable.map((result) => result.nearby?.keyFactRecall ?? null)),
      shownUnanswerable: mean(unanswerable.map((result) => (result.nearby ? result.nearby.shown : null))),
    },
  };
}

function itemShares(results: readonly CaseResult[]): AnswerFigures['items'] {
  const judged = results.flatMap((result) => (result.items ? [result.items] : []));
  const shown = judged.reduce((sum, items) => sum + items.shown, 0);
  if (shown === 0) return { onTopic: null, rightSection: null };
  return { onTopic: judged.reduce((sum, items) => sum + items.onTopic, 0) / shown, rightSection: judged.reduce((sum, items) => sum + items.rightSection, 0) / shown };
}

const percent = (value: number | null): string => (value === null ? '—' : (value * 100).toFixed(1));
const number = (value: number | null): string => (value === null ? '—' : String(Math.round(value)));

/** A Markdown table of figures by answer type (and overall), one column group per split. */
export function answerTable(results: readonly CaseResult[], groupBy: (result: CaseResult) => string = (result) => result.type): string {
  const keys = [...new Set(results.map(groupBy))].sort();
  const lines = [
    '| group | split | n | contained % (ref) | key facts % (ref) | median chars | answerable refused % | refused, answer in related text % | gold-removed refused % | unanswerable refused % | colleges filled % | items on topic % | items in their section % |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const row = (label: string, split: string, subset: readonly CaseResult[]): void => {
    if (subset.length === 0) return;
    const f = figures(subset);
    lines.push(
      `| ${label} | ${split} | ${f.questions} | ${percent(f.contained)} (${percent(f.reference.contained)}) | ${percent(f.keyFactRecall)} (${percent(f.reference.keyFactRecall)}) | ${number(f.medianLength)} | ${percent(f.answerableRefused)} | ${percent(f.nearby.contained)} | ${percent(f.goldRemovedRefused)} | ${percent(f.unanswerableRefused)} | ${percent(f.collegeRecall)} | ${percent(f.items.onTopic)} | ${percent(f.items.rightSection)} |`,
    );
  };
  for (const key of keys) {
    const subset = results.filter((result) => groupBy(result) === key);
    row(key, 'check', subset.filter((result) => result.split === 'check'));
    row(key, 'tune', subset.filter((result) => result.split === 'tune'));
  }
  row('**all**', 'check', results.filter((result) => result.split === 'check'));
  row('**all**', 'tune', results.filter((result) => result.split === 'tune'));
  return lines.join('\n');
}
