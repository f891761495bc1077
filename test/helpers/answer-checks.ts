/**
 * Checks shared by the answer tests: the order of a question's messages, that every citation is a
 * real span of a real passage (fetched through `GET /api/documents/:docId`), and that the claims
 * of an extractive answer are contained in the passages they cite; and the extractive answer
 * service over an index folder, as the answer tests open it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { AnswerService } from '../../core/answer/answer-service.ts';
import type { AnswerEnd, AnswerMode, Citation, ServerMessage } from '../../core/answer/protocol.ts';
import { SearchService } from '../../core/retrieval/search-service.ts';
import type { TestApp } from './app.ts';
import { ingest, makeTempDir, removeTempDirs } from './corpus.ts';

/** Lexical search and the extractive engine over an index folder; close `search` after the tests. */
export function openExtractiveAnswers(indexDir: string): { search: SearchService; answers: AnswerService } {
  const search = new SearchService({ indexDir, embedder: null, retriever: { efSearch: 64 }, closeDelayMs: 0 });
  search.load();
  return { search, answers: new AnswerService({ search, generator: null }) };
}

/**
 * `extractiveAnswersOver` for a test file: ingests `articles` before its tests and closes the
 * index and removes the temporary folders after them. Returns `ask`, for use inside the tests.
 */
export function askOverArticles(name: string, articles: Record<string, string>): (question: string, mode?: AnswerMode) => Promise<Omit<AnswerEnd, 'id'>> {
  let opened: Awaited<ReturnType<typeof extractiveAnswersOver>> | undefined;
  beforeAll(async () => {
    opened = await extractiveAnswersOver(name, articles);
  });
  afterAll(() => {
    opened?.search.close();
    removeTempDirs();
  });
  return (question, mode) => {
    if (!opened) throw new Error(`${name}: ask() before the articles were ingested`);
    return opened.ask(question, mode);
  };
}

/**
 * Writes `articles` (file name → text) into a new corpus folder, ingests it with the real pipeline
 * and opens the extractive service over it, with `ask` for one question (问答 unless `mode` says). Close `search` and
 * remove the temporary folders after the tests.
 */
async function extractiveAnswersOver(
  name: string,
  articles: Record<string, string>,
): Promise<{ search: SearchService; answers: AnswerService; ask: (question: string, mode?: AnswerMode) => Promise<Omit<AnswerEnd, 'id'>> }> {
  const corpusDir = makeTempDir(`${name}-corpus`);
  const indexDir = makeTempDir(`${name}-index`);
  for (const [file, text] of Object.entries(articles)) fs.writeFileSync(path.join(corpusDir, file), text);
  await ingest(corpusDir, indexDir);
  const { search, answers } = openExtractiveAnswers(indexDir);
  const ask = (question: string, mode: AnswerMode = 'qa'): Promise<Omit<AnswerEnd, 'id'>> => answers.answerOnce({ question, mode, history: [], filters: {} }, AbortSignal.timeout(30_000));
  return { search, answers, ask };
}

/** A document as `GET /api/documents/:docId` returns it (the fields the checks use). */
export interface DocumentBody {
  docId: string;
  title: string;
  college: string;
  date: string;
  text: string;
  chunks: { chunkId: string; start: number; end: number }[];
}

/** Fetches documents once per app. */
export class DocumentCache {
  private readonly cache = new Map<string, DocumentBody>();

  constructor(private readonly app: TestApp) {}

  async get(docId: string): Promise<DocumentBody> {
    let document = this.cache.get(docId);
    if (!document) {
      const response = await this.app.get<DocumentBody>(`/api/documents/${encodeURIComponent(docId)}`);
      expect(response.status, response.raw).toBe(200);
      document = response.body;
      this.cache.set(docId, document);
    }
    return document;
  }
}

/** The numbers of the `[n]` markers in a text, in order of first use. */
export function markerNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!numbers.includes(n)) numbers.push(n);
  }
  return numbers;
}

/**
 * Asserts the order of one question's messages: `sources`, `text-delta`*, then `answer-end`; a
 * fallback inserts `notice` (reset) followed by a new `sources`. Returns the messages after the
 * last reset.
 */
export function expectAnswerOrder(messages: readonly ServerMessage[], options: { notices?: number } = {}): ServerMessage[] {
  const types = messages.map((message) => message.type);
  const notices = options.notices ?? 0;
  const pattern = notices === 0 ? /^sources(,text-delta)*,answer-end$/ : /^sources(,text-delta)*,notice,sources(,text-delta)*,answer-end$/;
  expect(types.join(','), 'message order').toMatch(pattern);
  const lastNotice = types.lastIndexOf('notice');
  return messages.slice(lastNotice + 1);
}

/**
 * Asserts that every citation is well formed and real: numbered 1..k without gaps, every `[n]`
 * of the answer has a citation and every citation is used, the quote is exactly the document text
 * between `start` and `end`, lies inside the passage `chunkId`, and the title, college and date
 * are the document's.
 */
export async function expectRealCitations(documents: DocumentCache, end: Pick<AnswerEnd, 'answer' | 'citations'>): Promise<void> {
  const numbers = end.citations.map((citation) => citation.n);
  expect(new Set(numbers).size, 'citation numbers are unique').toBe(numbers.length);
  expect([...markerNumbers(end.answer)].sort((a, b) => a - b), 'markers in the answer = citations').toEqual([...numbers].sort((a, b) => a - b));
  for (const citation of end.citations) {
    const document = await documents.get(citation.docId);
    expect(citation.start, `[${citation.n}] start < end`).toBeLessThan(citation.end);
    expect(citation.quote, `[${citation.n}] quote is the document text at start..end`).toBe(document.text.slice(citation.start, citation.end));
    const chunk = document.chunks.find((candidate) => candidate.chunkId === citation.chunkId);
    expect(chunk, `[${citation.n}] passage ${citation.chunkId} exists`).toBeDefined();
    expect(citation.start, `[${citation.n}] inside its passage`).toBeGreaterThanOrEqual(chunk!.start);
    expect(citation.end, `[${citation.n}] inside its passage`).toBeLessThanOrEqual(chunk!.end);
    expect(citation.college).toBe(document.college);
    expect(citation.date).toBe(document.date);
    if (document.title) expect(citation.title).toBe(document.title);
  }
}

/** A claim of an answer: a stretch of text and the citations right after it. */
export interface Claim {
  text: string;
  numbers: number[];
}

/** An answer's lead: its first line citing [1]. */
export function leadLine(answer: string): string {
  return answer.split('\n').find((line) => line.includes('[1]'))!;
}

/**
 * The claims of one line (or table cell) of an extractive answer: each stretch of text followed
 * by its markers, without list enumerators (`- `, `1. `). A stretch with no marker after it is
 * returned with `numbers: []`.
 */
export function claimsOf(line: string): Claim[] {
  const body = line.replace(/^\s*(?:[-*]\s+|\d+\.\s+)/, '');
  const claims: Claim[] = [];
  let rest = body;
  for (const match of body.matchAll(/([^[\]]*?)((?:\[\d+\])+)/g)) {
    claims.push({ text: match[1]!.trim(), numbers: markerNumbers(match[2]!) });
    rest = rest.slice(match[0].length);
  }
  if (rest.trim()) claims.push({ text: rest.trim(), numbers: [] });
  return claims;
}

/** A claim as it should appear in its source: without the final punctuation the answer adds or changes. */
function claimCore(text: string): string {
  return text.replace(/[。；;：:，,]$/u, '');
}

/**
 * Asserts that a claim is stated by the passages it cites: its text (minus the enumerator and the
 * final punctuation) is contained in the quote of one of its citations.
 */
export function expectClaimSupported(claim: Claim, citations: readonly Citation[]): void {
  expect(claim.numbers.length, `claim has a citation: ${claim.text}`).toBeGreaterThan(0);
  expect(claim.text.length, 'claim is not empty').toBeGreaterThan(0);
  const quotes = claim.numbers.map((n) => citations.find((citation) => citation.n === n)?.quote ?? '');
  // An answer shows a heading and its body on one line, joined by a colon where the heading has no
  // mark of its own; the quote keeps the article's line break.
  const core = claimCore(claim.text).replace(/\s/gu, '');
  const titled = (quote: string): string => quote.replace(/[ \t\u00a0]*\n\s*/gu, '：').replace(/([。！？；：])：/gu, '$1');
  expect(
    quotes.some((quote) => quote.replace(/\s/gu, '').includes(core) || titled(quote).replace(/\s/gu, '').includes(core)),
    `“${claim.text}” is contained in its cited quote(s): ${quotes.map((quote) => `“${quote}”`).join(' ')}`,
  ).toBe(true);
}

/** Figures (counts, amounts, years, rankings) or honours (awards, titles, selections). */
export const figuresOrHonours = /\d|[二三四五六七八九十百千万两]+(?:项|个|次|名|人|家|所|篇|门|届|批)|荣获|获得|获批|获评|入选|评为|称号|授予|一等奖|二等奖|三等奖|奖项|先进|优秀|标杆/u;
