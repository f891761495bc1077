/**
 * The 做法库 over HTTP, on the default corpus plus one more college's article, ingested
 * lexical-only by the real pipeline: the matrix, filters and search, a practice with every field
 * cited (checked against the article's text), comparable practices at other colleges, Word and CSV
 * export, the errors, an index built before the catalog, the swap of the catalog with its
 * generation, and the practices an answer links to.
 */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEnd } from '../../core/answer/protocol.ts';
import { currentGenerationDir } from '../../core/index/generations.ts';
import { manifestFile } from '../../core/index/manifest.ts';
import { practiceFile } from '../../core/practices/store.ts';
import { categoryNames } from '../../core/practices/taxonomy.ts';
import { buildTestApp, closeTestApps, expectApiError } from '../helpers/app.ts';
import { copyDefaultCorpus, defaultDocId, ingest, makeTempDir, removeTempDirs, writeFiles } from '../helpers/corpus.ts';

/** A sixth college whose practices resemble the Hunan branch's (党员先锋岗, 积分管理). */
const extraArticle = [
  '测试职业技术学院机电学院教工党支部推行“双积分”党员管理',
  '',
  '发布时间：2024-04-12',
  '',
  '测试职业技术学院机电学院教工党支部坚持党建引领，扎实推进党员教育管理。',
  '',
  '实施“亮身份、亮承诺”党员先锋岗工程。支部在实训中心设立党员先锋岗12个，引导党员教师亮身份、亮承诺。2023年，先锋岗党员指导学生获省级技能竞赛一等奖3项。',
  '',
  '推行“双积分”党员管理制度。建立党员积分管理台账，把履职表现和服务师生情况纳入积分考核，积分结果与评优评先挂钩。',
  '',
].join('\n');

interface PracticeSummary {
  id: string;
  name: string;
  category: string;
  college: string;
  date: string;
  docId: string;
  description: { text: string; start: number; end: number };
}

let root: string;
let corpusDir: string;
let indexDir: string;

beforeAll(async () => {
  root = makeTempDir('practices-api');
  corpusDir = copyDefaultCorpus(root);
  writeFiles(corpusDir, { 'ceshi-double-points.txt': extraArticle });
  indexDir = path.join(root, 'index');
  await ingest(corpusDir, indexDir);
}, 120_000);

afterEach(async () => {
  await closeTestApps();
});

afterAll(() => {
  removeTempDirs();
});

async function list(app: Awaited<ReturnType<typeof buildTestApp>>, query: Record<string, string>): Promise<{ total: number; practices: PracticeSummary[] }> {
  const response = await app.get('/api/practices', query);
  expect(response.status, response.raw).toBe(200);
  return response.body;
}

describe('GET /api/practices/categories', () => {
  it('gives the taxonomy with counts, the colleges and the category × college matrix', async () => {
    const app = await buildTestApp({ indexDir });
    const { status, body } = await app.get('/api/practices/categories');
    expect(status).toBe(200);
    expect(body.categories.map((category: { name: string }) => category.name)).toEqual(categoryNames);
    expect(body.total).toBeGreaterThan(60);
    expect(body.categories.reduce((sum: number, category: { count: number }) => sum + category.count, 0)).toBe(body.total);
    expect(body.cells.reduce((sum: number, cell: { count: number }) => sum + cell.count, 0)).toBe(body.total);
    expect(body.colleges.map((college: { name: string }) => college.name)).toEqual(
      expect.arrayContaining(['嘉兴职业技术学院', '浙江机电职业技术学院', '湖南电气职业技术学院', '台州科技职业学院', '苏州工业职业技术学院', '测试职业技术学院']),
    );
    expect(body.years.map((year: { year: number }) => year.year)).toEqual(expect.arrayContaining([2022, 2023, 2024]));
  });
});

describe('GET /api/practices', () => {
  it('filters by category, college and year, and pages', async () => {
    const app = await buildTestApp({ indexDir });
    const all = await list(app, { limit: '200' });
    expect(all.practices).toHaveLength(all.total);
    const category = all.practices[0]!.category;
    const inCategory = await list(app, { category, limit: '200' });
    expect(inCategory.total).toBe(all.practices.filter((practice) => practice.category === category).length);
    expect(inCategory.practices.every((practice) => practice.category === category)).toBe(true);
    const hunan = await list(app, { college: '湖南电气职业技术学院' });
    expect(hunan.total).toBeGreaterThan(5);
    expect(hunan.practices.every((practice) => practice.college === '湖南电气职业技术学院')).toBe(true);
    const in2023 = await list(app, { year: '2023', limit: '200' });
    expect(in2023.practices.every((practice) => practice.date.startsWith('2023'))).toBe(true);
    expect(in2023.total).toBe(hunan.total);
    const page = await list(app, { limit: '5', offset: '5' });
    expect(page.practices.map((practice) => practice.id)).toEqual(all.practices.slice(5, 10).map((practice) => practice.id));
  });

  it('searches names first, then parts and descriptions, with or without quotation marks', async () => {
    const app = await buildTestApp({ indexDir });
    const quoted = await list(app, { q: '“三亮三比”' });
    expect(quoted.practices[0]?.name).toBe('“三亮三比”工程');
    const plain = await list(app, { q: '三亮三比' });
    expect(plain.practices[0]?.id).toBe(quoted.practices[0]?.id);
    const words = await list(app, { q: '先锋岗 党员' });
    expect(words.total).toBeGreaterThan(0);
    expect(await list(app, { q: '没有这样的做法名称' })).toMatchObject({ total: 0, practices: [] });
  });

  it('answers bad filters with the product error codes', async () => {
    const app = await buildTestApp({ indexDir });
    expectApiError(await app.get('/api/practices', { category: '不存在的类别' }), 400, 'INVALID_QUERY');
    expectApiError(await app.get('/api/practices', { year: '二〇二二' }), 400, 'INVALID_QUERY');
    expectApiError(await app.get('/api/practices', { limit: '0' }), 400, 'INVALID_QUERY');
    expectApiError(await app.get('/api/practices', { q: '党'.repeat(101) }), 400, 'QUERY_TOO_LONG');
    expectApiError(await app.get('/api/practices/export', { format: 'pdf' }), 400, 'INVALID_QUERY');
  });
});

describe('GET /api/practices/:id', () => {
  it('gives every field as a span of the cleaned article text', async () => {
    const app = await buildTestApp({ indexDir });
    const [found] = (await list(app, { q: '三亮三比' })).practices;
    const { status, body } = await app.get(`/api/practices/${found!.id}`);
    expect(status).toBe(200);
    const { practice } = body;
    expect(practice).toMatchObject({ name: { text: '“三亮三比”工程' }, college: '湖南电气职业技术学院', unit: '风能工程学院教工党支部', date: '2023-10-20', category: '党员教育管理' });
    expect(practice.verb.text).toBe('实施');
    expect(practice.components.map((part: { text: string }) => part.text)).toEqual(['亮身份', '亮职责', '亮承诺']);
    const article = (await app.get(`/api/documents/${encodeURIComponent(practice.docId)}`)).body;
    for (const field of [practice.name, practice.verb, practice.description, practice.heading, ...practice.components, ...practice.outcomes, practice.stated.college]) {
      expect(article.text.slice(field.start, field.end)).toBe(field.text);
    }
    // Metadata the text does not state as such is not cited: the unit is put together from
    // 风能工程学院…教工党支部, and the page's publish line (发布时间) was noise the cleaning removed.
    expect(practice.stated.unit).toBeNull();
    expect(practice.stated.date).toBeNull();
  });

  it('lists comparable practices at other colleges, same category first, each with a reason', async () => {
    const app = await buildTestApp({ indexDir });
    const [found] = (await list(app, { q: '三亮三比' })).practices;
    const { body } = await app.get(`/api/practices/${found!.id}`, { similar: '6' });
    const similar: { college: string; category: string; sameCategory: boolean; reason: string; name: string }[] = body.similar;
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.every((item) => item.college !== '湖南电气职业技术学院')).toBe(true);
    // One per college, the same category before any other.
    expect(new Set(similar.map((item) => item.college)).size).toBe(similar.length);
    const firstOther = similar.findIndex((item) => !item.sameCategory);
    if (firstOther !== -1) expect(similar.slice(firstOther).every((item) => !item.sameCategory)).toBe(true);
    for (const item of similar) expect(item.reason).toMatch(item.sameCategory ? /^同属“党员教育管理”/ : /另属/);
    // The sixth college's 先锋岗 and 积分 practices are the closest: same category, shared words.
    expect(similar[0]).toMatchObject({ college: '测试职业技术学院', sameCategory: true });
    expect(similar[0]!.reason).toMatch(/都涉及/);
  });

  it('answers an unknown id with PRACTICE_NOT_FOUND', async () => {
    const app = await buildTestApp({ indexDir });
    expectApiError(await app.get('/api/practices/000000000000'), 404, 'PRACTICE_NOT_FOUND');
  });
});

describe('GET /api/practices/export', () => {
  it('exports one category across colleges as a Word comparison with numbered source notes', async () => {
    const app = await buildTestApp({ indexDir });
    const response = await app.app.inject({ method: 'GET', url: `/api/practices/export?format=docx&category=${encodeURIComponent('党员教育管理')}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(String(response.headers['content-disposition'])).toContain(encodeURIComponent('做法库：党员教育管理'));
    const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
    expect(text).toContain('做法库：党员教育管理');
    expect(text).toContain('“三亮三比”工程');
    expect(text).toContain('湖南电气职业技术学院');
    expect(text).toContain('注释');
    expect(text).toMatch(/\[1\] 《[^》]+》，/);
    expect(text).not.toContain('志愿服务与社会服务');
  });

  it('exports the filtered catalog as CSV that a spreadsheet reads as it is', async () => {
    const app = await buildTestApp({ indexDir });
    const response = await app.app.inject({ method: 'GET', url: `/api/practices/export?format=csv&college=${encodeURIComponent('湖南电气职业技术学院')}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith('\uFEFF编号,做法名称,类别,院校,单位,日期,简介,构成,成效,来源文章,文章编号,名称位置\r\n')).toBe(true);
    const rows = response.body.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength((await list(app, { college: '湖南电气职业技术学院' })).total);
    expect(rows.some((row) => row.includes('“三亮三比”工程') && row.includes('亮身份；亮职责；亮承诺'))).toBe(true);
  });
});

describe('the catalog and its index generation', () => {
  it('moves with the generation: a re-ingest swaps it in whole, and unchanged practices keep their ids', async () => {
    const swapRoot = makeTempDir('practices-swap');
    const swapCorpus = copyDefaultCorpus(swapRoot);
    const swapIndex = path.join(swapRoot, 'index');
    await ingest(swapCorpus, swapIndex);
    const app = await buildTestApp({ indexDir: swapIndex });
    const before = await list(app, { limit: '200' });
    expect(before.practices.some((practice) => practice.college === '测试职业技术学院')).toBe(false);
    writeFiles(swapCorpus, { 'ceshi-double-points.txt': extraArticle });
    await ingest(swapCorpus, swapIndex);
    // Until the server swaps, it serves the old generation's catalog.
    expect((await list(app, { limit: '200' })).total).toBe(before.total);
    expect(await app.search.reloadIfChangedAsync()).toBe(true);
    const after = await list(app, { limit: '200' });
    expect(after.practices.filter((practice) => practice.college === '测试职业技术学院').length).toBeGreaterThan(0);
    const afterIds = new Set(after.practices.map((practice) => practice.id));
    expect(before.practices.every((practice) => afterIds.has(practice.id))).toBe(true);
  });

  it('says an index built before the catalog needs a new ingest (503 INDEX_SCHEMA_MISMATCH, a health warning)', async () => {
    const oldRoot = makeTempDir('practices-old');
    const oldIndex = path.join(oldRoot, 'index');
    await ingest(copyDefaultCorpus(oldRoot), oldIndex);
    // Make it a generation of the version before the catalog: no file, not in the manifest.
    const generation = currentGenerationDir(oldIndex)!;
    fs.rmSync(path.join(generation, practiceFile));
    const manifest = JSON.parse(fs.readFileSync(path.join(generation, manifestFile), 'utf8'));
    delete manifest.files[practiceFile];
    fs.writeFileSync(path.join(generation, manifestFile), JSON.stringify(manifest));
    const app = await buildTestApp({ indexDir: oldIndex });
    expectApiError(await app.get('/api/practices/categories'), 503, 'INDEX_SCHEMA_MISMATCH');
    expectApiError(await app.get('/api/practices'), 503, 'INDEX_SCHEMA_MISMATCH');
    const health = await app.get('/api/health');
    expect(health.body.practices).toBeNull();
    expect(health.body.warnings.join('\n')).toContain('practice catalog');
    // Search and answers go on.
    expect((await app.get('/api/search', { q: '党建' })).status).toBe(200);
  });

  it('answers INDEX_MISSING when there is no index at all', async () => {
    const app = await buildTestApp({ indexDir: path.join(makeTempDir('practices-none'), 'index') });
    expectApiError(await app.get('/api/practices'), 503, 'INDEX_MISSING');
  });
});

describe('practices in answers', () => {
  it('links an answer to the practices its question names, and to none otherwise', async () => {
    const app = await buildTestApp({ indexDir });
    const ask = async (question: string): Promise<AnswerEnd> => {
      const response = await app.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const named = await ask('“三亮三比”是怎么做的？');
    expect(named.practices).toEqual([expect.objectContaining({ name: '“三亮三比”工程', college: '湖南电气职业技术学院' })]);
    const practice = (await app.get(`/api/practices/${named.practices![0]!.id}`)).body.practice;
    expect(practice.name.text).toBe('“三亮三比”工程');
    const unquoted = await ask('政治素质首关制有什么成效');
    expect(unquoted.practices?.map((link) => link.name)).toEqual(['政治素质“首关制”']);
    const none = await ask('如何打造党建特色品牌？');
    expect(none).not.toHaveProperty('practices');
  });
});
