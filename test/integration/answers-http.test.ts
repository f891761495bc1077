/**
 * `POST /api/ask` (the `answer-end` of a question without streaming) and `POST /api/similar`
 * (passages from other colleges), through the real app with `inject`, on a temporary copy of the
 * default corpus ingested lexical-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { similarTextLimit } from '../../core/retrieval/similar.ts';
import { answerEndMessageSchema, type AnswerEnd } from '../../core/answer/protocol.ts';
import { buildTestApp, closeTestApps, expectApiError, type TestApp } from '../helpers/app.ts';
import { DocumentCache, expectRealCitations } from '../helpers/answer-checks.ts';
import { copyDefaultCorpus, defaultDocId, defaultFiles, ingest, ingestDefaultCorpus, makeTempDir, removeTempDirs, writeFiles } from '../helpers/corpus.ts';
import { closeWsClients, connectWs } from '../helpers/ws-client.ts';

let indexDir: string;

beforeAll(async () => {
  indexDir = await ingestDefaultCorpus('answers-http');
});

afterEach(async () => {
  await closeWsClients();
  await closeTestApps();
});
afterAll(removeTempDirs);

async function post<T = any>(app: TestApp, url: string, payload: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; raw: string }> {
  const response = await app.app.inject({ method: 'POST', url, payload: payload as string | object, headers });
  return { status: response.statusCode, body: response.json() as T, raw: response.body };
}

interface SimilarBody {
  groups: { college: string; passages: { chunkId: string; docId: string; title: string; college: string; unit: string; date: string; text: string; start: number; end: number; score: number }[] }[];
  basedOn: { docId: string | null; college: string | null };
}

describe('POST /api/ask', () => {
  const questions = {
    qa: '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？',
    summary: '请写一份关于党支部服务企业的会议材料',
    compare: '各院校如何开展党员志愿服务？',
  } as const;

  it('returns the answer-end of each mode, the same answer the websocket streams', async () => {
    const app = await buildTestApp({ indexDir });
    const documents = new DocumentCache(app);
    const client = await connectWs(app.app);
    for (const [mode, question] of Object.entries(questions)) {
      const response = await post<AnswerEnd>(app, '/api/ask', { question, mode }, { 'x-request-id': `ask-${mode}` });
      expect(response.status, response.raw).toBe(200);
      const end = answerEndMessageSchema.parse(response.body);
      // A draft searches for its topic, not for the request's wording.
      const searchedFor = mode === 'summary' ? '党支部服务企业' : question;
      expect(end).toMatchObject({ type: 'answer-end', id: `ask-${mode}`, mode, notFound: false, engine: 'extractive', searchedFor });
      expect(end.citations.length).toBeGreaterThan(0);
      await expectRealCitations(documents, end);
      if (mode === 'compare') expect(end.table?.coverage.total).toBe(5);
      else expect(end.table).toBeUndefined();

      const id = client.ask({ question, mode });
      const streamed = (await client.waitForEnd(id)).end!;
      expect({ ...streamed, id: end.id }).toEqual(end);
    }
  });

  it('defaults to qa and accepts history and filters', async () => {
    const app = await buildTestApp({ indexDir });
    const plain = await post<AnswerEnd>(app, '/api/ask', { question: '党员志愿服务' });
    expect(plain.status, plain.raw).toBe(200);
    expect(plain.body.mode).toBe('qa');
    expect(new Set(plain.body.citations.map((citation) => citation.college)).size).toBeGreaterThan(1);

    const filtered = await post<AnswerEnd>(app, '/api/ask', { question: '党员志愿服务', filters: { college: '台州科技职业学院' } });
    expect(filtered.status, filtered.raw).toBe(200);
    expect(filtered.body.citations.length).toBeGreaterThan(0);
    expect(new Set(filtered.body.citations.map((citation) => citation.college))).toEqual(new Set(['台州科技职业学院']));

    const history = [
      { role: 'user', content: '嘉兴职业技术学院如何开展党史学习教育？' },
      { role: 'assistant', content: '嘉兴职业技术学院高质量推进党史学习教育[1]。' },
    ];
    const followUp = await post<AnswerEnd>(app, '/api/ask', { question: '那他们取得了哪些成效？', history });
    expect(followUp.status, followUp.raw).toBe(200);
    expect(followUp.body.searchedFor).toContain('嘉兴职业技术学院');
    expect(new Set(followUp.body.citations.map((citation) => citation.college))).toEqual(new Set(['嘉兴职业技术学院']));
  });

  it('answers a question the corpus cannot answer with notFound and no citations', async () => {
    const app = await buildTestApp({ indexDir });
    for (const mode of ['qa', 'summary', 'compare']) {
      const response = await post<AnswerEnd>(app, '/api/ask', { question: '清华大学的党建工作有什么特色？', mode });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ notFound: true, citations: [], mode });
      expect(response.body.answer).toContain('清华大学');
    }
  });

  it('rejects bad bodies with 400 and the product error shape', async () => {
    const app = await buildTestApp({ indexDir });
    const bad: [string, unknown, string][] = [
      ['no question', {}, 'BAD_REQUEST'],
      ['empty question', { question: '   ' }, 'BAD_REQUEST'],
      ['question of the wrong type', { question: 42 }, 'BAD_REQUEST'],
      ['mode of the wrong type', { question: '党建', mode: 1 }, 'BAD_REQUEST'],
      ['unknown mode', { question: '党建', mode: 'poem' }, 'BAD_REQUEST'],
      ['history of the wrong type', { question: '党建', history: '之前问过' }, 'BAD_REQUEST'],
      ['history with a bad role', { question: '党建', history: [{ role: 'system', content: 'x' }] }, 'BAD_REQUEST'],
      ['filters of the wrong type', { question: '党建', filters: { year: '去年' } }, 'BAD_REQUEST'],
      ['an unknown field', { question: '党建', stream: true }, 'BAD_REQUEST'],
      ['a client-side field', { question: '党建', type: 'ask', id: 'x' }, 'BAD_REQUEST'],
      ['a too long question', { question: '党'.repeat(app.config.MAX_QUESTION_LENGTH + 1) }, 'QUERY_TOO_LONG'],
      ['an array', [{ question: '党建' }], 'BAD_REQUEST'],
    ];
    for (const [name, payload, code] of bad) {
      const response = await post(app, '/api/ask', payload);
      expect(response.status, name).toBe(400);
      expectApiError(response, 400, code);
    }
    const notJson = await app.app.inject({ method: 'POST', url: '/api/ask', payload: '{"question":', headers: { 'content-type': 'application/json' } });
    expectApiError({ status: notJson.statusCode, body: notJson.json(), raw: notJson.body }, 400, 'BAD_REQUEST');
  });
});

describe('POST /api/similar', () => {
  it('by docId: passages from other colleges only, grouped by college, never the article’s own', async () => {
    const app = await buildTestApp({ indexDir });
    const documents = new DocumentCache(app);
    const listing = await app.get<{ documents: { docId: string; college: string }[] }>('/api/documents');
    for (const { docId, college } of listing.body.documents) {
      const response = await post<SimilarBody>(app, '/api/similar', { docId });
      expect(response.status, response.raw).toBe(200);
      expect(response.body.basedOn).toEqual({ docId, college });
      const groups = response.body.groups;
      expect(groups.length, `${college} has similar passages elsewhere`).toBeGreaterThanOrEqual(2);
      expect(new Set(groups.map((group) => group.college)).size).toBe(groups.length);
      for (const group of groups) {
        expect(group.college).not.toBe(college);
        expect(group.passages.length).toBeGreaterThan(0);
        expect(group.passages.length).toBeLessThanOrEqual(3);
        for (const passage of group.passages) {
          expect(passage.college).toBe(group.college);
          expect(passage.docId).not.toBe(docId);
          const document = await documents.get(passage.docId);
          expect(passage.text).toBe(document.text.slice(passage.start, passage.end));
          expect(document.chunks.some((chunk) => chunk.chunkId === passage.chunkId && chunk.start === passage.start && chunk.end === passage.end)).toBe(true);
        }
        const scores = group.passages.map((passage) => passage.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }
    }
    const one = await post<SimilarBody>(app, '/api/similar', { docId: defaultDocId('hunan'), perCollege: 1 });
    expect(one.status).toBe(200);
    expect(one.body.groups.every((group) => group.passages.length === 1)).toBe(true);
  });

  it('by text: the college whose article says it comes first', async () => {
    const app = await buildTestApp({ indexDir });
    const response = await post<SimilarBody>(app, '/api/similar', { text: '党员技术服务团队深入企业一线，助力企业抗击疫情顺利复工复产' });
    expect(response.status, response.raw).toBe(200);
    expect(response.body.basedOn).toEqual({ docId: null, college: null });
    expect(response.body.groups[0]?.college).toBe('苏州工业职业技术学院');
    expect(response.body.groups[0]!.passages[0]!.text).toContain('党员技术服务团队');
  });

  it('by docId of a very long article: described by its opening, so its size costs nothing', { timeout: 60_000 }, async () => {
    // A 星海 article that opens like Suzhou's and then runs on for 400,000 characters like Hunan's.
    const root = makeTempDir('similar-long');
    const corpusDir = copyDefaultCorpus(root);
    const lines = (name: keyof typeof defaultFiles) => fs.readFileSync(path.join(corpusDir, defaultFiles[name]), 'utf8').split('\n').filter((line) => line.length > 40);
    const repeat = (source: string[], characters: number) => {
      const out: string[] = [];
      for (let length = 0, index = 0; length < characters; index++) {
        const line = `${source[index % source.length]}（${index}）`;
        out.push(line);
        length += line.length + 1;
      }
      return out;
    };
    const opening = repeat(lines('suzhou'), similarTextLimit);
    writeFiles(corpusDir, { 'xinghai-long.txt': ['星海职业技术学院党委：以党建引领服务企业', ...opening, ...repeat(lines('hunan'), 400_000)].join('\n') });
    const longIndex = path.join(root, 'index');
    expect((await ingest(corpusDir, longIndex)).documents).toBe(6);
    const app = await buildTestApp({ indexDir: longIndex });
    const response = await post<SimilarBody>(app, '/api/similar', { docId: 'xinghai-long' });
    expect(response.status, response.raw).toBe(200);
    expect(response.body.groups[0]?.college).toBe('苏州工业职业技术学院');
  });

  it('rejects neither or both inputs, unknown fields and bad types with 400, and an unknown docId with 404', async () => {
    const app = await buildTestApp({ indexDir });
    const bad: [string, unknown][] = [
      ['neither', {}],
      ['both', { docId: defaultDocId('hunan'), text: '党建' }],
      ['empty text', { text: '  ' }],
      ['docId of the wrong type', { docId: 7 }],
      ['unknown field', { docId: defaultDocId('hunan'), k: 5 }],
      ['perCollege out of range', { docId: defaultDocId('hunan'), perCollege: 50 }],
    ];
    for (const [name, payload] of bad) {
      const response = await post(app, '/api/similar', payload);
      expect(response.status, name).toBe(400);
      expectApiError(response, 400, 'BAD_REQUEST');
    }
    const unknown = await post(app, '/api/similar', { docId: 'no-such-article' });
    expectApiError(unknown, 404, 'DOCUMENT_NOT_FOUND');
  });
});
