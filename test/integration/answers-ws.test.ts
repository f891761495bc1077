/**
 * Answers over the websocket `/ws` with the extractive engine (no model configured), through the
 * real server in-process, on a temporary copy of the default corpus ingested lexical-only: the
 * three modes, questions the corpus cannot answer, a follow-up, several questions in flight on
 * one socket, and malformed messages that must not break the socket.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerEndMessageSchema, type AnswerEnd, type ServerMessage } from '../../core/answer/protocol.ts';
import { buildTestApp, closeTestApps, type TestApp } from '../helpers/app.ts';
import {
  DocumentCache,
  claimsOf,
  expectAnswerOrder,
  expectClaimSupported,
  expectRealCitations,
  figuresOrHonours,
  markerNumbers,
} from '../helpers/answer-checks.ts';
import { ingestDefaultCorpus, removeTempDirs } from '../helpers/corpus.ts';
import { closeWsClients, connectWs, type QuestionResult, type WsClient } from '../helpers/ws-client.ts';

let indexDir: string;

beforeAll(async () => {
  indexDir = await ingestDefaultCorpus('answers-ws');
});

afterEach(async () => {
  await closeWsClients();
  await closeTestApps();
});
afterAll(removeTempDirs);

const hunan = '湖南电气职业技术学院';
const jiaxing = '嘉兴职业技术学院';
const notInCorpus = ['清华大学的党建工作有什么特色？', '如何申请入党？', '量子计算的发展前景'];
/** Not answered, but one article speaks of 入党申请人: the refusal points to it. */
const nearQuestion = '如何申请入党？';

async function setup(): Promise<{ app: TestApp; client: WsClient; documents: DocumentCache }> {
  const app = await buildTestApp({ indexDir });
  const client = await connectWs(app.app);
  return { app, client, documents: new DocumentCache(app) };
}

/** Asks and waits for the answer; fails unless it ended in a valid `answer-end` in the documented order. */
async function askOk(client: WsClient, fields: Record<string, unknown> & { question: string }): Promise<QuestionResult & { end: AnswerEnd }> {
  const id = client.ask(fields);
  const result = await client.waitForEnd(id);
  expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  expectAnswerOrder(result.messages);
  expect(client.violations).toEqual([]);
  return result as QuestionResult & { end: AnswerEnd };
}

/** Checks shared by every extractive answer: streamed text = answer, sources = citations, citations real. */
async function expectExtractiveAnswer(result: QuestionResult & { end: AnswerEnd }, documents: DocumentCache, mode: string): Promise<void> {
  const { end } = result;
  expect(end).toMatchObject({ mode, engine: 'extractive', notFound: false });
  expect(end.notice).toBeUndefined();
  expect(result.streamed, 'the concatenated deltas are the answer').toBe(end.answer);
  const sources = result.messages[0] as Extract<ServerMessage, { type: 'sources' }>;
  expect(sources.citations).toEqual(end.citations);
  expect(end.citations.length).toBeGreaterThan(0);
  await expectRealCitations(documents, end);
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

describe('qa (extractive)', () => {
  it('answers from the named branch’s article, every line a sentence of the passage it cites', async () => {
    const { client, documents } = await setup();
    const question = '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？';
    const result = await askOk(client, { question, mode: 'qa' });
    await expectExtractiveAnswer(result, documents, 'qa');
    const { end } = result;
    expect(end.searchedFor).toBe(question);
    expect(end.answer).toContain('四个一');
    expect(end.answer).toContain('三亮三比');
    expect(new Set(end.citations.map((citation) => citation.college))).toEqual(new Set([hunan]));
    let claimLines = 0;
    for (const line of lines(end.answer)) {
      if (/^\*\*[^*]+\*\*(?:（[^）]+）)?$/.test(line)) continue; // a college heading
      expect(line, 'every other line is a cited list item').toMatch(/^- .+\[\d+\]$/);
      const claims = claimsOf(line);
      expect(claims, line).toHaveLength(1);
      expectClaimSupported(claims[0]!, end.citations);
      claimLines++;
    }
    expect(claimLines).toBe(end.citations.length);
  });

  it('answers a question about results with sentences that state figures or honours', async () => {
    const { client, documents } = await setup();
    const result = await askOk(client, { question: '台州科技职业学院机电与模具工程学院获得了哪些荣誉？' });
    await expectExtractiveAnswer(result, documents, 'qa');
    expect(new Set(result.end.citations.map((citation) => citation.college))).toEqual(new Set(['台州科技职业学院']));
    const items = lines(result.end.answer).filter((line) => line.startsWith('- '));
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) {
      expect(item).toMatch(figuresOrHonours);
      expectClaimSupported(claimsOf(item)[0]!, result.end.citations);
    }
  });
});

describe('summary (会议材料, extractive)', () => {
  it('drafts a title and the four sections, every sentence cited, 取得成效 made of cited figures and honours', async () => {
    const { client, documents } = await setup();
    const result = await askOk(client, { question: '请写一份关于党支部服务企业的会议材料', mode: 'summary' });
    await expectExtractiveAnswer(result, documents, 'summary');
    const text = result.end.answer;
    const all = lines(text);
    expect(all[0]).toBe('# 关于“党支部服务企业”的典型经验材料');
    const headings = all.filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## 一、背景', '## 二、主要做法', '## 三、取得成效', '## 四、经验启示']);

    const sections = new Map<string, string[]>();
    let current = '';
    for (const line of all.slice(1)) {
      if (line.startsWith('## ')) {
        current = line.slice(3);
        sections.set(current, []);
      } else if (current) sections.get(current)!.push(line);
    }
    // A draft from several colleges groups its background, practices and results under each
    // college's name (and lessons read from the articles, said so in a note).
    const label = /^\*\*(.+?)\*\*(?:（.+）)?$/u;
    const note = /^（摘自[^）]+）$/u;
    for (const [name, body] of sections) {
      expect(body.length, `${name} has content`).toBeGreaterThan(0);
      expect(body, `${name} is not empty`).not.toContain('（语料中未见相关内容）');
      let college: string | undefined;
      for (const line of body) {
        const heading = label.exec(line);
        if (heading) {
          expect(['一、背景', '二、主要做法', '三、取得成效', '四、经验启示'], line).toContain(name);
          college = heading[1];
          continue;
        }
        if (note.test(line)) {
          expect(['三、取得成效', '四、经验启示'], line).toContain(name);
          continue;
        }
        const claims = claimsOf(line);
        expect(claims, line).toHaveLength(1);
        expectClaimSupported(claims[0]!, result.end.citations);
        if (college) expect(result.end.citations.find((citation) => citation.n === claims[0]!.numbers[0])?.college, line).toBe(college);
      }
    }
    const practices = sections.get('二、主要做法')!;
    expect(practices.filter((line) => label.test(line)).length, 'the practices of more than one college, each under its name').toBeGreaterThan(1);
    expect(practices.filter((line) => !label.test(line)).every((line, index) => line.startsWith(`${index + 1}. `))).toBe(true);
    const outcomes = sections.get('三、取得成效')!.filter((line) => !label.test(line));
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    for (const line of outcomes) {
      expect(line).toMatch(/^- .+\[\d+\]$/);
      expect(claimsOf(line)[0]!.text, 'a result states a figure or an honour').toMatch(figuresOrHonours);
    }
  });
});

/** A parsed comparison table. */
interface TableRow {
  college: string;
  practice: string;
  outcome: string;
  sources: string;
}

function parseTable(answer: string): { header: string; separator: string; rows: TableRow[]; coverage: string } {
  const all = lines(answer);
  const tableLines = all.filter((line) => line.startsWith('|'));
  const rows = tableLines.slice(2).map((line) => {
    const cells = line.slice(1, -1).split(' | ').map((cell) => cell.trim());
    expect(cells, line).toHaveLength(4);
    return { college: cells[0]!, practice: cells[1]!, outcome: cells[2]!, sources: cells[3]! };
  });
  return { header: tableLines[0] ?? '', separator: tableLines[1] ?? '', rows, coverage: all.filter((line) => !line.startsWith('|')).join('\n') };
}

async function corpusColleges(app: TestApp): Promise<string[]> {
  const response = await app.get<{ documents: { docId: string; college: string }[] }>('/api/documents');
  return [...new Set(response.body.documents.map((document) => document.college))];
}

/** Structure of a comparison: header, one row per corpus college, cited cells, 未见相关内容, coverage. */
async function expectComparison(app: TestApp, documents: DocumentCache, end: AnswerEnd): Promise<Map<string, TableRow>> {
  const colleges = await corpusColleges(app);
  expect(colleges).toHaveLength(5);
  const table = parseTable(end.answer);
  expect(table.header).toBe('| 院校 | 做法 | 成效 | 来源 |');
  expect(table.separator).toBe('|---|---|---|---|');
  expect(table.rows).toHaveLength(5);
  const byCollege = new Map<string, TableRow>();
  for (const row of table.rows) {
    const college = colleges.find((name) => row.college === name || row.college.startsWith(`${name}（`));
    expect(college, `row ${row.college} names a corpus college`).toBeDefined();
    byCollege.set(college!, row);
  }
  expect([...byCollege.keys()].sort()).toEqual([...colleges].sort());

  let covered = 0;
  for (const [college, row] of byCollege) {
    const cellNumbers: number[] = [];
    for (const cell of [row.practice, row.outcome]) {
      if (cell === '未见相关内容') continue;
      const claims = claimsOf(cell);
      expect(claims, `filled cell “${cell}” is one cited claim`).toHaveLength(1);
      expectClaimSupported(claims[0]!, end.citations);
      cellNumbers.push(...claims[0]!.numbers);
    }
    for (const n of cellNumbers) expect(end.citations.find((citation) => citation.n === n)!.college, `${college}'s cells cite its own articles`).toBe(college);
    if (cellNumbers.length === 0) {
      expect(row.sources).toBe('—');
    } else {
      covered++;
      expect(markerNumbers(row.sources).sort()).toEqual([...new Set(cellNumbers)].sort());
      for (const n of cellNumbers) expect(row.sources).toContain(`《${end.citations.find((citation) => citation.n === n)!.title.replace(/\|/g, '｜')}》`);
    }
  }
  expect(table.coverage).toBe(`覆盖情况：语料中共 5 所院校，其中 ${covered} 所有与该主题相关的内容。`);
  expect(end.table?.coverage).toEqual({ covered, total: 5 });
  expect(end.table?.rows.map((row) => row.college).sort()).toEqual([...colleges].sort());
  return byCollege;
}

describe('compare (院校对比, extractive)', () => {
  it('fills exactly the colleges whose articles speak of the topic, and writes 未见相关内容 for the others', async () => {
    const { app, client, documents } = await setup();
    const result = await askOk(client, { question: '各院校如何开展党员志愿服务？', mode: 'compare' });
    await expectExtractiveAnswer(result, documents, 'compare');
    const rows = await expectComparison(app, documents, result.end);
    // Ground truth from the articles themselves: which colleges speak of volunteering at all, in
    // these or other words (志愿服务, 公益志愿实践活动, 志愿者).
    const response = await app.get<{ documents: { docId: string; college: string }[] }>('/api/documents');
    const speaking = new Set<string>();
    for (const { docId, college } of response.body.documents) if ((await documents.get(docId)).text.includes('志愿')) speaking.add(college);
    expect(speaking.size).toBeGreaterThan(0);
    expect(speaking.size).toBeLessThan(5);
    for (const [college, row] of rows) {
      if (speaking.has(college)) expect(row.practice, `${college} has a practice`).toContain('志愿');
      else {
        expect(row.practice, `${college} says nothing of it`).toBe('未见相关内容');
        expect(row.outcome).toBe('未见相关内容');
      }
    }
  });

  it('keeps the table structure on a broad topic', async () => {
    const { app, client, documents } = await setup();
    const result = await askOk(client, { question: '各院校在党建引领人才培养方面有哪些做法和成效？', mode: 'compare' });
    await expectExtractiveAnswer(result, documents, 'compare');
    const rows = await expectComparison(app, documents, result.end);
    expect([...rows.values()].filter((row) => row.practice !== '未见相关内容').length).toBeGreaterThanOrEqual(3);
  });
});

describe('questions the corpus cannot answer', () => {
  it('says so plainly in every mode: notFound, no citations, no sources', async () => {
    const { client } = await setup();
    for (const question of notInCorpus.filter((question) => question !== nearQuestion)) {
      for (const mode of ['qa', 'summary', 'compare'] as const) {
        const result = await askOk(client, { question, mode });
        expect(result.end, `${mode}: ${question}`).toMatchObject({ notFound: true, citations: [], mode, engine: 'extractive' });
        expect(result.messages[0]).toMatchObject({ type: 'sources', citations: [] });
        expect(result.end.answer).toContain('语料库中没有找到');
        expect(result.end.answer).not.toMatch(/\[\d+\]/);
        expect(result.streamed).toBe(result.end.answer);
        expect(result.end.table).toBeUndefined();
      }
    }
  });
});

describe('a refusal with text near the question', () => {
  it('streams the refusal with the related sentences cited as real spans, and none in a draft or a comparison', async () => {
    const { client, documents } = await setup();
    const result = await askOk(client, { question: nearQuestion, mode: 'qa' });
    const end = result.end;
    expect(end).toMatchObject({ notFound: true, mode: 'qa', engine: 'extractive' });
    expect(end.answer).toContain('语料库中没有找到');
    expect(end.answer).toContain('以下内容与问题相关，但不一定回答了它');
    expect(end.citations.length).toBeGreaterThan(0);
    expect(result.messages[0]).toMatchObject({ type: 'sources', citations: end.citations });
    expect(result.streamed).toBe(end.answer);
    await expectRealCitations(documents, end);
    for (const mode of ['summary', 'compare'] as const) {
      const other = await askOk(client, { question: nearQuestion, mode });
      expect(other.end, mode).toMatchObject({ notFound: true, citations: [], mode });
    }
  });
});

describe('follow-up questions (extractive)', () => {
  it('carries the previous turn’s college and topic into 那他们取得了哪些成效？', async () => {
    const { client, documents } = await setup();
    const first = await askOk(client, { question: '嘉兴职业技术学院如何开展党史学习教育？' });
    await expectExtractiveAnswer(first, documents, 'qa');
    const history = [
      { role: 'user', content: '嘉兴职业技术学院如何开展党史学习教育？' },
      { role: 'assistant', content: first.end.answer },
    ];
    const followUp = await askOk(client, { question: '那他们取得了哪些成效？', history });
    await expectExtractiveAnswer(followUp, documents, 'qa');
    expect(followUp.end.searchedFor).toContain(jiaxing);
    expect(followUp.end.searchedFor).toContain('党史学习教育');
    expect(followUp.end.searchedFor).toBe('嘉兴职业技术学院在党史学习教育方面取得了哪些成效？');
    expect(new Set(followUp.end.citations.map((citation) => citation.college))).toEqual(new Set([jiaxing]));
    // It asked for results: some cited line states figures.
    expect(lines(followUp.end.answer).some((line) => line.startsWith('- ') && /\d/.test(line))).toBe(true);

    // Without the history the same words are not about any college in particular.
    const alone = await askOk(client, { question: '那他们取得了哪些成效？' });
    expect(alone.end.searchedFor).toBe('那他们取得了哪些成效？');
  });
});

describe('several questions on one socket (extractive)', () => {
  it('answers three questions sent at once, each as it would be answered alone', async () => {
    const { app, client } = await setup();
    const asks = [
      { id: 'a-qa', question: '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？', mode: 'qa' },
      { id: 'b-summary', question: '请写一份关于党支部服务企业的会议材料', mode: 'summary' },
      { id: 'c-compare', question: '各院校如何开展党员志愿服务？', mode: 'compare' },
    ];
    for (const ask of asks) client.ask(ask);
    const results = await Promise.all(asks.map((ask) => client.waitForEnd(ask.id)));
    expect(client.violations).toEqual([]);
    for (const [index, result] of results.entries()) {
      const { id, ...fields } = asks[index]!;
      expect(result.error).toBeUndefined();
      expectAnswerOrder(result.messages);
      expect(result.end!.mode).toBe(fields.mode);
      expect(result.streamed).toBe(result.end!.answer);
      const alone = await app.app.inject({ method: 'POST', url: '/api/ask', payload: fields });
      expect(alone.statusCode).toBe(200);
      const { id: _httpId, ...expected } = alone.json();
      const { id: wsId, ...got } = result.end!;
      expect(wsId).toBe(id);
      expect(got).toEqual(expected);
    }
  });
});

describe('malformed messages', () => {
  it('answers each with an error and keeps the socket usable', async () => {
    const { app, client } = await setup();
    const limits = app.config;
    const cases: { name: string; send: () => void; code: string; id?: string }[] = [
      { name: 'not JSON', send: () => client.sendRaw('{"type":"ask",'), code: 'INVALID_MESSAGE' },
      { name: 'JSON but not an object', send: () => client.sendRaw('42'), code: 'INVALID_MESSAGE' },
      { name: 'unknown type', send: () => client.send({ type: 'subscribe', id: 'm-unknown' }), code: 'INVALID_MESSAGE', id: 'm-unknown' },
      { name: 'no type', send: () => client.send({ id: 'm-notype', question: '党建' }), code: 'INVALID_MESSAGE', id: 'm-notype' },
      { name: 'missing question', send: () => client.send({ type: 'ask', id: 'm-missing' }), code: 'INVALID_MESSAGE', id: 'm-missing' },
      { name: 'empty question', send: () => client.send({ type: 'ask', id: 'm-empty', question: '  　 ' }), code: 'INVALID_MESSAGE', id: 'm-empty' },
      { name: 'question of the wrong type', send: () => client.send({ type: 'ask', id: 'm-type', question: ['党建'] }), code: 'INVALID_MESSAGE', id: 'm-type' },
      { name: 'unknown mode', send: () => client.send({ type: 'ask', id: 'm-mode', question: '党建', mode: 'poem' }), code: 'INVALID_MESSAGE', id: 'm-mode' },
      { name: 'bad history', send: () => client.send({ type: 'ask', id: 'm-history', question: '党建', history: [{ role: 'system', content: 'x' }] }), code: 'INVALID_MESSAGE', id: 'm-history' },
      {
        name: 'history over MAX_HISTORY_TURNS',
        send: () => client.send({ type: 'ask', id: 'm-turns', question: '党建', history: Array.from({ length: limits.MAX_HISTORY_TURNS + 1 }, () => ({ role: 'user', content: '党建' })) }),
        code: 'INVALID_MESSAGE',
        id: 'm-turns',
      },
      { name: 'filters of the wrong type', send: () => client.send({ type: 'ask', id: 'm-filters', question: '党建', filters: { year: '去年' } }), code: 'INVALID_MESSAGE', id: 'm-filters' },
      { name: 'missing id', send: () => client.send({ type: 'ask', question: '党建' }), code: 'INVALID_MESSAGE' },
      { name: 'unprintable id', send: () => client.send({ type: 'ask', id: 'a b<script>', question: '党建' }), code: 'INVALID_MESSAGE' },
      {
        name: 'question over MAX_QUESTION_LENGTH',
        send: () => client.send({ type: 'ask', id: 'm-long', question: '党'.repeat(limits.MAX_QUESTION_LENGTH + 1) }),
        code: 'QUERY_TOO_LONG',
        id: 'm-long',
      },
      {
        name: 'message over MAX_MESSAGE_BYTES',
        send: () => client.send({ type: 'ask', id: 'm-large', question: '党建', history: [{ role: 'user', content: 'x'.repeat(limits.MAX_MESSAGE_BYTES) }] }),
        code: 'MESSAGE_TOO_LARGE',
      },
      { name: 'binary frame', send: () => client.sendRaw(Buffer.from(JSON.stringify({ type: 'ask', id: 'm-binary', question: '党建' })), { binary: true }), code: 'INVALID_MESSAGE' },
      { name: 'invalid UTF-8', send: () => client.sendRaw(Buffer.from([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x22, 0x7d])), code: 'INVALID_MESSAGE' },
      { name: 'cancel without id', send: () => client.send({ type: 'cancel' }), code: 'INVALID_MESSAGE' },
    ];
    for (const testCase of cases) {
      const before = client.messages.length;
      testCase.send();
      const error = await client.waitFor((message) => client.messages.indexOf(message) >= before && message.type === 'error', `the error for ${testCase.name}`);
      expect(error, testCase.name).toMatchObject({ type: 'error', code: testCase.code });
      if (testCase.id) expect((error as { id?: string }).id, testCase.name).toBe(testCase.id);
      else expect('id' in error ? error.id : undefined, testCase.name).toBeUndefined();
      expect((error as { message: string }).message.length).toBeGreaterThan(0);
      expect(client.messages.length, `${testCase.name}: exactly one message`).toBe(before + 1);
      expect(client.closed, `${testCase.name}: the socket stays open`).toBe(false);

      // The same socket still answers.
      const id = `ok-after-${cases.indexOf(testCase)}`;
      client.ask({ id, question: '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？' });
      const result = await client.waitForEnd(id);
      expect(result.end, `a normal question after ${testCase.name}`).toBeDefined();
      expect(answerEndMessageSchema.parse(result.end).answer).toContain('四个一');
    }
    // A cancel for a question that is not in flight is harmless and silent.
    const before = client.messages.length;
    client.cancel('not-in-flight');
    client.ask({ id: 'after-cancel', question: '如何申请入党？' });
    await client.waitForEnd('after-cancel');
    expect(client.messages.slice(before).every((message) => 'id' in message && message.id === 'after-cancel')).toBe(true);
    expect(client.violations).toEqual([]);
  });
});
