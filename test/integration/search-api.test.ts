/**
 * The HTTP API over the default corpus, ingested lexical-only (no model can be loaded): search
 * fields and offsets, filters, diversity, the document routes, health, and bad requests.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SettingName } from '../../core/config.ts';
import { loadTransformersEmbedder } from '../../core/embedding/transformers-embedder.ts';
import type { IngestSummary } from '../../ingest/pipeline.ts';
import { prepareArticle } from '../../ingest/prepare.ts';
import { buildTestApp, closeTestApps, expectApiError, type TestApp } from '../helpers/app.ts';
import { copyDefaultCorpus, defaultChunking, defaultDocId, defaultFiles, ingest, makeTempDir, readArticle, removeTempDirs } from '../helpers/corpus.ts';

interface SearchResult {
  chunkId: string;
  docId: string;
  title: string;
  college: string;
  unit: string;
  date: string;
  text: string;
  start: number;
  end: number;
  score: number;
  headingPath: string[];
}

let corpusDir: string;
let indexDir: string;
let summary: IngestSummary;
/** What loadTransformersEmbedder says when the configured model is not there and downloads are off. */
let noModelWarning: string;

beforeAll(async () => {
  const root = makeTempDir('search-api');
  corpusDir = copyDefaultCorpus(root);
  indexDir = path.join(root, 'index');
  const loaded = await loadTransformersEmbedder({ modelId: 'missing/model', modelsDir: path.join(root, 'models'), allowRemote: false, remoteHost: 'https://huggingface.co/' });
  expect(loaded.embedder).toBeNull();
  noModelWarning = loaded.warning!;
  summary = await ingest(corpusDir, indexDir, { embedder: loaded.embedder });
});

afterEach(closeTestApps);
afterAll(removeTempDirs);

const lexicalApp = (settings?: Partial<Record<SettingName, string>>): Promise<TestApp> =>
  buildTestApp({ indexDir, embedder: null, embedderWarning: noModelWarning, ...(settings ? { settings } : {}) });

async function search(app: TestApp, query: Record<string, string>): Promise<SearchResult[]> {
  const response = await app.get<{ results: SearchResult[]; mode: string }>('/api/search', query);
  expect(response.status, response.raw).toBe(200);
  expect(response.body.mode).toBe('lexical');
  return response.body.results;
}

describe('ingest of the default corpus without a model', () => {
  it('indexes all five articles lexical-only, with no problems', () => {
    expect(summary).toMatchObject({ files: 5, articlesRead: 5, documents: 5, duplicates: 0, skipped: 0, problems: [], embeddingModel: null, embedded: 0 });
    expect(summary.changes).toEqual({ added: 5, changed: 0, unchanged: 0, removed: 0 });
    expect(summary.chunks).toBeGreaterThanOrEqual(5);
  });
});

describe('GET /api/search', () => {
  it('returns passages with the documented fields, whose text is the document text between start and end', async () => {
    const app = await lexicalApp();
    const results = await search(app, { q: '党建引领', k: '10' });
    expect(results).toHaveLength(10);
    const texts = new Map<string, string>();
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(['chunkId', 'college', 'date', 'docId', 'end', 'headingPath', 'score', 'start', 'text', 'title', 'unit'].sort());
      expect(result.chunkId).toMatch(new RegExp(`^${result.docId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#\\d+$`));
      expect(result.score).toBeGreaterThan(0);
      if (!texts.has(result.docId)) {
        const document = await app.get<{ text: string }>(`/api/documents/${encodeURIComponent(result.docId)}`);
        expect(document.status).toBe(200);
        texts.set(result.docId, document.body.text);
      }
      expect(result.text).toBe(texts.get(result.docId)!.slice(result.start, result.end));
    }
    // Scores come best first.
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
  });

  it('finds the passage that holds a rare phrase, with its heading path', async () => {
    const app = await lexicalApp();
    const [best] = await search(app, { q: '风能党员活动日', k: '3' });
    expect(best!.docId).toBe(defaultDocId('hunan'));
    expect(best!.text).toContain('风能党员活动日');
    expect(best!.headingPath).toEqual(['二、实施过程与成效', '（一）实施过程', '1.实施“四个一”工程，落实教育党员有力']);
    expect(best).toMatchObject({ college: '湖南电气职业技术学院', unit: '风能工程学院教工党支部', date: '2023-10-20' });
  });

  it('finds the same passage for a query typed in traditional characters', async () => {
    const app = await lexicalApp();
    const [best] = await search(app, { q: '風能黨員活動日', k: '3' });
    expect(best!.docId).toBe(defaultDocId('hunan'));
    expect(best!.text).toContain('风能党员活动日');
  });

  it('filters by college', async () => {
    const app = await lexicalApp();
    const results = await search(app, { q: '党建', k: '10', college: '嘉兴职业技术学院' });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.college).toBe('嘉兴职业技术学院');
    // A word only another college's article has finds nothing inside this college.
    expect((await search(app, { q: '风能' })).map((result) => result.college)).toContain('湖南电气职业技术学院');
    expect(await search(app, { q: '风能', college: '嘉兴职业技术学院' })).toEqual([]);
    expect(await search(app, { q: '党建', college: '不存在的学院' })).toEqual([]);
  });

  it('filters by year, letting through the articles whose date is unknown (empty date)', async () => {
    const app = await lexicalApp();
    const undated = new Set([defaultDocId('suzhou'), defaultDocId('taizhou')]);
    const in2023 = await search(app, { q: '党建', k: '20', year: '2023' });
    expect(new Set(in2023.map((result) => result.docId))).toEqual(new Set([defaultDocId('hunan'), ...undated]));
    for (const result of in2023) expect(result.date === '' ? undated.has(result.docId) : result.date.startsWith('2023')).toBe(true);
    const in2022 = await search(app, { q: '党建', k: '20', year: '2022' });
    expect(new Set(in2022.map((result) => result.docId))).toEqual(new Set([defaultDocId('jiaxing'), defaultDocId('zhejiang'), ...undated]));
    // No dated article is from 2019: only the undated ones can be.
    expect(new Set((await search(app, { q: '党建', k: '20', year: '2019' })).map((result) => result.docId))).toEqual(undated);
    // Filters combine.
    const both = await search(app, { q: '党建', year: '2022', college: '浙江机电职业技术学院' });
    expect(both.length).toBeGreaterThan(0);
    for (const result of both) expect(result.docId).toBe(defaultDocId('zhejiang'));
    expect(await search(app, { q: '党建', year: '2023', college: '浙江机电职业技术学院' })).toEqual([]);
  });

  it('does not fill the list with one article when others match', async () => {
    const app = await lexicalApp();
    const results = await search(app, { q: '党建工作', k: '10' });
    expect(results).toHaveLength(10);
    const perDocument = new Map<string, number>();
    for (const result of results) perDocument.set(result.docId, (perDocument.get(result.docId) ?? 0) + 1);
    expect(perDocument.size).toBe(5);
    expect(Math.max(...perDocument.values())).toBeLessThanOrEqual(2);
    // When only one article matches, its passages fill the list.
    const only = await search(app, { q: '红船', k: '5' });
    expect(only).toHaveLength(5);
    for (const result of only) expect(result.docId).toBe(defaultDocId('jiaxing'));
    expect(new Set(only.map((result) => result.chunkId)).size).toBe(5);
  });

  it('honours k', async () => {
    const app = await lexicalApp();
    expect(await search(app, { q: '党建', k: '1' })).toHaveLength(1);
    expect(await search(app, { q: '党建', k: '3' })).toHaveLength(3);
    // The default is 10.
    expect(await search(app, { q: '党建' })).toHaveLength(10);
  });
});

describe('GET /api/documents', () => {
  it('lists the five articles with their college, unit, date and passage count', async () => {
    const app = await lexicalApp();
    const response = await app.get<{ documents: { id: string; title: string; college: string; unit: string; date: string; chunkCount: number }[] }>('/api/documents');
    expect(response.status).toBe(200);
    const byId = new Map(response.body.documents.map((document) => [document.id, document]));
    expect(byId.size).toBe(5);
    expect(byId.get(defaultDocId('zhejiang'))).toMatchObject({ college: '浙江机电职业技术学院', unit: '自动化学院党总支', date: '2022-10-03' });
    expect(byId.get(defaultDocId('jiaxing'))).toMatchObject({ college: '嘉兴职业技术学院', unit: '学校党委', date: '2022-02-24' });
    expect(byId.get(defaultDocId('hunan'))).toMatchObject({ college: '湖南电气职业技术学院', unit: '风能工程学院教工党支部', date: '2023-10-20' });
    expect(byId.get(defaultDocId('taizhou'))).toMatchObject({ college: '台州科技职业学院', unit: '机电与模具工程学院党总支', date: '' });
    expect(byId.get(defaultDocId('suzhou'))).toMatchObject({ college: '苏州工业职业技术学院', unit: '精密制造工程系党总支智能制造教工党支部', date: '' });
    expect(byId.get(defaultDocId('hunan'))!.title).toBe('对标“七个有力”，赋能党建与事业高水平发展——湖南电气职业技术学院风能工程学院教工党支部');
    const total = response.body.documents.reduce((sum, document) => sum + document.chunkCount, 0);
    expect(total).toBe(summary.chunks);
    for (const document of response.body.documents) expect(document.chunkCount).toBeGreaterThan(0);
  });

  it('returns one article: metadata and its cleaned text, free of web-page noise', async () => {
    const app = await lexicalApp();
    const jiaxing = await app.get(`/api/documents/${encodeURIComponent(defaultDocId('jiaxing'))}`);
    expect(jiaxing.status).toBe(200);
    expect(jiaxing.body).toMatchObject({ id: defaultDocId('jiaxing'), college: '嘉兴职业技术学院', date: '2022-02-24', author: '付梦婕 俞佩忠', source: '嘉兴职业技术学院' });
    const text: string = jiaxing.body.text;
    expect(text.startsWith('作为中国革命红船起航地的高职院校')).toBe(true);
    expect(text.endsWith('嘉职院党委书记方俊良表示。')).toBe(true);
    for (const noise of ['首页 |', '发布时间', '责任编辑', '我要评论', '全部评论', '育人号推荐', 'Baidu']) expect(text).not.toContain(noise);

    const zhejiang = await app.get(`/api/documents/${encodeURIComponent(defaultDocId('zhejiang'))}`);
    for (const noise of ['版权所有', 'ICP备', '招生电话', '点击数', '图 1', '图 4']) expect(zhejiang.body.text).not.toContain(noise);
    const hunan = await app.get(`/api/documents/${encodeURIComponent(defaultDocId('hunan'))}`);
    for (const noise of ['当前位置', '返回上页', '发布时间']) expect(hunan.body.text).not.toContain(noise);
    const taizhou = await app.get(`/api/documents/${encodeURIComponent(defaultDocId('taizhou'))}`);
    expect(taizhou.body.text).not.toContain('原文链接');
    expect(taizhou.body.url).toMatch(/^https:\/\/share\.app3\.jyb\.cn\//);

    // The served text is exactly what ingest cleaned, and the passages tile it.
    const prepared = prepareArticle(await readArticle(corpusDir, defaultFiles.jiaxing), defaultChunking)!;
    expect(text).toBe(prepared.text);
    expect(jiaxing.body.chunks.map((chunk: { start: number; end: number }) => [chunk.start, chunk.end])).toEqual(prepared.chunks.map((chunk) => [chunk.start, chunk.end]));
    for (const heading of jiaxing.body.headings) expect(text.slice(heading.start, heading.end)).toBe(heading.text);
  });
});

describe('GET /api/health', () => {
  it('says search is lexical-only and why', async () => {
    const app = await lexicalApp();
    const response = await app.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'degraded', documents: 5, chunks: summary.chunks, embedder: null, generator: 'extractive', searchMode: 'lexical' });
    expect(response.body.warnings).toContain(noModelWarning);
    expect(noModelWarning).toMatch(/missing\/model.*lexical only/);
  });

  it('still says vector search is off when the server was given no reason', async () => {
    const app = await buildTestApp({ indexDir });
    const response = await app.get('/api/health');
    expect(response.body.status).toBe('degraded');
    expect(response.body.warnings.join('\n')).toMatch(/vector search is off: the index was built without an embedding model/);
  });
});

describe('bad requests', () => {
  it('rejects a missing, empty or blank q', async () => {
    const app = await lexicalApp();
    expectApiError(await app.get('/api/search'), 400, 'INVALID_QUERY');
    expectApiError(await app.get('/api/search', { q: '' }), 400, 'INVALID_QUERY');
    expectApiError(await app.get('/api/search', { q: ' \u3000 ' }), 400, 'INVALID_QUERY');
  });

  it('rejects a q longer than MAX_QUESTION_LENGTH with QUERY_TOO_LONG', async () => {
    const app = await lexicalApp();
    const limit = app.config.MAX_QUESTION_LENGTH;
    expect((await app.get('/api/search', { q: '党'.repeat(limit) })).status).toBe(200);
    const tooLong = await app.get('/api/search', { q: '党'.repeat(limit + 1) });
    expectApiError(tooLong, 400, 'QUERY_TOO_LONG');
    expect(tooLong.body.error.message).toContain(String(limit));
    expect(tooLong.body.error.details.issues[0].problem).not.toMatch(/required/);

    const strict = await lexicalApp({ MAX_QUESTION_LENGTH: '20' });
    expectApiError(await strict.get('/api/search', { q: '党'.repeat(21) }), 400, 'QUERY_TOO_LONG');
  });

  it('rejects a bad k', async () => {
    const app = await lexicalApp();
    for (const k of ['0', 'abc', '1000', '-1', '2.5', '']) {
      const response = await app.get('/api/search', { q: '党建', k });
      expectApiError(response, 400, 'INVALID_QUERY');
      expect(response.body.error.details.issues[0].field, k).toBe('k');
    }
  });

  it('rejects a bad year', async () => {
    const app = await lexicalApp();
    for (const year of ['abc', '99999', '20x3']) expectApiError(await app.get('/api/search', { q: '党建', year }), 400, 'INVALID_QUERY');
  });

  it('answers an unknown document with DOCUMENT_NOT_FOUND and an unknown route with NOT_FOUND', async () => {
    const app = await lexicalApp();
    const missing = await app.get(`/api/documents/${encodeURIComponent('no-such-article')}`);
    expectApiError(missing, 404, 'DOCUMENT_NOT_FOUND');
    expect(missing.body.error.details).toEqual({ docId: 'no-such-article' });
    expectApiError(await app.get('/api/nothing-here'), 404, 'NOT_FOUND');
    expectApiError(await app.get('/api/documents/a/b'), 404, 'NOT_FOUND');
  });
});
