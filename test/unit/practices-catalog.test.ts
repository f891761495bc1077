/**
 * The catalog without a server: records from small articles, filters and the matrix, comparable
 * practices and their reasons, the names a question mentions, the catalog file written and read
 * back (and refused when damaged), and the CSV and Word exports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import type { Embedder } from '../../core/embedding/embedder.ts';
import { runLoaderSync } from '../../core/index/binary-io.ts';
import { PracticeCatalog, unknownCollege } from '../../core/practices/catalog.ts';
import { practicesCsv, practicesDocx, practicesMarkdown } from '../../core/practices/export.ts';
import { practiceLinks, practicesNamedIn } from '../../core/practices/mentions.ts';
import { practiceRecords, type PracticeRecord } from '../../core/practices/record.ts';
import { comparableReason } from '../../core/practices/similarity.ts';
import { PracticeCatalogWriter, practiceCatalogProblem, practiceFile, practiceVectorFile, practicesLoader } from '../../core/practices/store.ts';

const articles = [
  {
    docId: 'hunan',
    title: '风能工程学院教工党支部赋能党建',
    college: '湖南电气职业技术学院',
    unit: '风能工程学院教工党支部',
    date: '2023-10-20',
    text: '湖南电气职业技术学院风能工程学院教工党支部坚持党建引领，组织党员开展活动。\n实施“三亮三比”工程，“三亮”即亮身份、亮职责、亮承诺，建立党员积分管理台账。2023年3名党员获评优秀共产党员。\n开展“风能蒲公英”党员志愿服务活动，与社会福利院对接。',
  },
  {
    docId: 'ceshi',
    title: '测试学院推行党员先锋岗',
    college: '测试职业技术学院',
    unit: '',
    date: '2024-04-12',
    text: '测试职业技术学院党委以党建引领发展，各党支部组织党员积极参与。\n实施“亮身份、亮承诺”党员先锋岗工程，引导党员亮身份，建立党员积分管理台账。\n开展“爱心托管”志愿服务活动，为社区儿童提供暑期托管。',
  },
  {
    docId: 'street',
    title: '',
    college: '',
    unit: '',
    date: '',
    text: '某街道党工委坚持党建引领基层治理，各社区党支部组织党员参与。\n推行“家园议事会”制度，引导居民协商议事。',
  },
];

function records(): PracticeRecord[] {
  return articles.flatMap((article) => practiceRecords({ ...article, headings: [] }));
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbqa-practices-'));
  temporary.push(dir);
  return dir;
}

describe('records', () => {
  it('carry the article, where it states its college and date, and stable ids', () => {
    const [first] = records();
    expect(first).toMatchObject({ docId: 'hunan', college: '湖南电气职业技术学院', name: { text: '“三亮三比”工程' } });
    expect(first!.stated.college).toEqual({ text: '湖南电气职业技术学院', start: 0, end: 10 });
    expect(first!.stated.date).toBeNull();
    expect(first!.id).toMatch(/^[0-9a-f]{12}$/);
    expect(records()[0]!.id).toBe(first!.id);
  });
});

describe('PracticeCatalog', () => {
  it('filters, searches and counts the category × college matrix', () => {
    const catalog = new PracticeCatalog(records());
    const summary = catalog.summary();
    expect(summary.total).toBe(catalog.size);
    expect(summary.colleges.at(-1)).toEqual({ name: unknownCollege, count: 1 });
    expect(summary.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(catalog.size);
    expect(catalog.filter({ college: unknownCollege }).map((record) => record.name.text)).toEqual(['“家园议事会”制度']);
    expect(catalog.filter({ year: 2024 }).every((record) => record.college === '测试职业技术学院')).toBe(true);
    // Names first: 先锋岗 is in one name and in no other practice's text.
    expect(catalog.filter({ q: '亮身份' }).map((record) => record.name.text)).toEqual(['“亮身份、亮承诺”党员先锋岗工程', '“三亮三比”工程']);
    expect(catalog.filter({ q: '“风能蒲公英”' })).toHaveLength(1);
  });

  it('compares across colleges only, same category first, saying what is shared', () => {
    const catalog = new PracticeCatalog(records());
    const target = catalog.filter({ q: '三亮三比' })[0]!;
    const [first, ...rest] = catalog.comparable(target.id, 5);
    expect(first?.record.name.text).toBe('“亮身份、亮承诺”党员先锋岗工程');
    expect(first?.sameCategory).toBe(true);
    expect(first?.shared).toEqual(expect.arrayContaining(['身份']));
    expect(comparableReason(target, first!)).toMatch(/^同属“党员教育管理”，都涉及“/);
    expect([first, ...rest].every((item) => item!.record.college !== target.college)).toBe(true);
    expect(catalog.comparable('unknown', 5)).toEqual([]);
  });
});

describe('names in questions', () => {
  it('finds practices by their quoted core or whole name, with or without quotation marks', () => {
    const catalog = new PracticeCatalog(records());
    expect(practicesNamedIn(catalog, '“三亮三比”是怎么做的？').map((link) => link.name)).toEqual(['“三亮三比”工程']);
    expect(practicesNamedIn(catalog, '风能蒲公英志愿服务有哪些成效').map((link) => link.college)).toEqual(['湖南电气职业技术学院']);
    expect(practicesNamedIn(catalog, '如何开展党员教育？')).toEqual([]);
    expect(practiceLinks(catalog, '如何开展党员教育？')).toEqual({});
    expect(practiceLinks(null, '“三亮三比”')).toEqual({});
  });
});

describe('the catalog file', () => {
  it('is written into a generation folder and read back, with vectors when there is a model', async () => {
    const dir = tempDir();
    const writer = new PracticeCatalogWriter();
    writer.add(records());
    const embedder: Embedder = {
      modelId: 'test/model',
      dimension: 2,
      embedPassages: async (texts) => texts.map((text) => Float32Array.of(text.length % 2, 1)),
      embedQuery: async () => Float32Array.of(0, 1),
      dispose: async () => undefined,
    };
    await writer.write(dir, embedder);
    const files = Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).size]));
    expect(Object.keys(files).sort()).toEqual([practiceVectorFile, practiceFile].sort());
    expect(practiceCatalogProblem(dir, files)).toBeNull();
    const catalog = runLoaderSync(practicesLoader(dir, files))!;
    expect(catalog.practices).toEqual(records());
    expect(catalog.vectors).toMatchObject({ model: 'test/model', dimension: 2 });
    expect(catalog.vectors!.data).toHaveLength(records().length * 2);
    const target = catalog.filter({ q: '三亮三比' })[0]!;
    expect(catalog.comparable(target.id, 3, true)[0]?.record.college).toBe('测试职业技术学院');
  });

  it('is missing from older generations, and refused when damaged', async () => {
    const dir = tempDir();
    expect(practiceCatalogProblem(dir, {})).toMatch(/no practice catalog/);
    expect(runLoaderSync(practicesLoader(dir, {}))).toBeNull();
    const writer = new PracticeCatalogWriter();
    writer.add(records());
    await writer.write(dir, null);
    const file = path.join(dir, practiceFile);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    fs.writeFileSync(file, [lines[0], ...lines.slice(2)].join('\n'));
    const files = { [practiceFile]: fs.statSync(file).size };
    expect(() => runLoaderSync(practicesLoader(dir, files))).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    fs.writeFileSync(file, `{"format":"practices","version":1,"extractor":"practices-0","count":0,"vectors":null}\n`);
    expect(practiceCatalogProblem(dir, files)).toMatch(/practices-0/);
    fs.writeFileSync(file, 'not json\n');
    expect(() => runLoaderSync(practicesLoader(dir, files))).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
  });
});

describe('exports', () => {
  it('writes CSV a spreadsheet cannot take for formulas', () => {
    const [record] = records();
    const risky = { ...record!, name: { ...record!.name, text: '=HYPERLINK("http://x")' }, description: { ...record!.description, text: '说明，含"引号"\n和换行' } };
    const csv = practicesCsv([risky]);
    expect(csv.startsWith('\uFEFF编号,')).toBe(true);
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain('"说明，含""引号""\n和换行"');
  });

  it('writes a Word comparison per category with a note for every cited sentence', async () => {
    const all = records();
    const { markdown, citations } = practicesMarkdown(all, '全部做法');
    expect(markdown).toContain('| 院校 | 做法 | 成效 | 来源 |');
    expect(citations.length).toBeGreaterThanOrEqual(all.length);
    expect(citations.every((citation, index) => citation.n === index + 1)).toBe(true);
    const { bytes } = await practicesDocx(all, '全部做法');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    expect(value).toContain('做法库：全部做法');
    expect(value).toContain('党员教育管理');
    expect(value).toContain('2023年3名党员获评优秀共产党员。');
  });
});
