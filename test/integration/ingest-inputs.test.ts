/**
 * Ingest of a mixed corpus through the real pipeline and server: a .jsonl file (ids, given
 * metadata, bad lines), HTML, a GB18030-encoded text file, every kind of unreadable file, and a
 * reposted story that must be kept once with both sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../core/index/manifest.ts';
import type { IngestSummary } from '../../ingest/pipeline.ts';
import { formatSummary } from '../../ingest/run.ts';
import { prepareArticle } from '../../ingest/prepare.ts';
import { buildTestApp, closeTestApps } from '../helpers/app.ts';
import { copyDefaultCorpus, defaultChunking, defaultCorpusDir, defaultDocId, defaultFiles, ingest, makeTempDir, readArticle, removeTempDirs, writeFiles } from '../helpers/corpus.ts';

afterEach(closeTestApps);
afterAll(removeTempDirs);

/** The cleaned body of a default article (what a clean .jsonl export would carry). */
async function cleanBody(name: keyof typeof defaultFiles): Promise<string> {
  return prepareArticle(await readArticle(defaultCorpusDir, defaultFiles[name]), defaultChunking)!.text;
}

function rawArticle(name: keyof typeof defaultFiles): string {
  return fs.readFileSync(path.join(defaultCorpusDir, defaultFiles[name]), 'utf8');
}

describe('a mixed corpus with bad files and lines', () => {
  let corpusDir: string;
  let indexDir: string;
  let summary: IngestSummary;

  beforeAll(async () => {
    const root = makeTempDir('inputs');
    corpusDir = path.join(root, 'corpus');
    indexDir = path.join(root, 'index');
    const lines = [
      JSON.stringify({ id: 'pb-001', title: '对标“七个有力”赋能党建与事业高水平发展', college: '湖南电气职业技术学院', unit: '风能工程学院教工党支部', date: '2023/10/20', text: await cleanBody('hunan') }),
      '{"id": "pb-002", "title": "未写完的一行", "text": "这一行的 JSON 没有结束',
      '',
      JSON.stringify({ id: 42, title: '台州科技职业学院机电与模具工程学院党总支：校企地党建联建', source: '中国教育报客户端', date: '2024-11-05', text: await cleanBody('taizhou') }),
      JSON.stringify({ id: 'pb-005', title: '没有正文' }),
      JSON.stringify(['an', 'array']),
    ];
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>让支部在一线行动——苏州工业职业技术学院</title></head><body>
      <nav><a href="/">首页</a> | <a href="/news">新闻中心</a></nav>
      <article>${rawArticle('suzhou')
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('\n')}</article>
      <footer>版权所有 © 2024 苏州工业职业技术学院</footer></body></html>`;
    writeFiles(corpusDir, {
      'articles.jsonl': `${lines.join('\n')}\n`,
      'pages/suzhou.html': html,
      // GB18030, the superset of GBK: the article's no-break spaces have no GBK code.
      'zhejiang-gb18030.txt': iconv.encode(rawArticle('zhejiang'), 'gb18030'),
      'empty.txt': '',
      'blank.md': ' \n\n\t\n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]),
      'undecodable.txt': Buffer.from(Array.from({ length: 200 }, (_, index) => (index % 2 ? 0x80 : 0xff))),
      'broken.docx': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]),
      'broken.pdf': 'this is not a pdf',
      'notes.xyz': '不是支持的格式',
    });
    summary = await ingest(corpusDir, indexDir);
  });

  it('ingests every good article and skips each bad file and line with a reason naming it', () => {
    expect(summary.documents).toBe(4);
    const problems = summary.problems.map((problem) => [problem.sourcePath, problem.line ?? null, problem.reason]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['articles.jsonl', 2, 'MALFORMED_JSON'],
        ['articles.jsonl', 5, 'MISSING_FIELD'],
        ['articles.jsonl', 6, 'MALFORMED_JSON'],
        ['empty.txt', null, 'EMPTY'],
        ['blank.md', null, 'EMPTY'],
        ['binary.txt', null, 'BINARY'],
        ['undecodable.txt', null, 'UNDECODABLE'],
        ['broken.docx', null, 'MALFORMED_DOCX'],
        ['broken.pdf', null, 'MALFORMED_PDF'],
        ['notes.xyz', null, 'UNSUPPORTED'],
      ]),
    );
    expect(summary.problems).toHaveLength(10);
    expect(summary.skipped).toBe(10);
    for (const problem of summary.problems) {
      expect(problem.message.startsWith(problem.line === undefined ? `${problem.sourcePath}:` : `${problem.sourcePath} line ${problem.line}:`), problem.message).toBe(true);
    }
  });

  it('records the same problems in the manifest', () => {
    const manifest = readManifest(summary.generationDir);
    expect(manifest.problems).toEqual(summary.problems);
    expect(manifest.counts).toMatchObject({ documents: 4, skipped: 10 });
  });

  it('uses the .jsonl id as docId and the given metadata', async () => {
    const app = await buildTestApp({ indexDir });
    const list = await app.get<{ documents: { id: string; title: string; college: string; date: string }[] }>('/api/documents');
    const ids = list.body.documents.map((document) => document.id).sort();
    expect(ids).toEqual(['42', 'pages/suzhou', 'pb-001', 'zhejiang-gb18030']);

    const pb001 = await app.get('/api/documents/pb-001');
    expect(pb001.body).toMatchObject({ title: '对标“七个有力”赋能党建与事业高水平发展', college: '湖南电气职业技术学院', unit: '风能工程学院教工党支部', date: '2023-10-20', sourcePath: 'articles.jsonl' });
    const numeric = await app.get('/api/documents/42');
    expect(numeric.body).toMatchObject({ college: '台州科技职业学院', date: '2024-11-05', source: '中国教育报客户端' });

    const [hit] = (await app.get('/api/search', { q: '风能党员活动日', k: '1' })).body.results;
    expect(hit).toMatchObject({ docId: 'pb-001', college: '湖南电气职业技术学院', date: '2023-10-20' });
    expect(pb001.body.text.slice(hit.start, hit.end)).toBe(hit.text);
    // The line after the malformed one is searchable too.
    const [taizhou] = (await app.get('/api/search', { q: '红模力模具产业链', k: '1' })).body.results;
    expect(taizhou.docId).toBe('42');
    const inYear = (await app.get('/api/search', { q: '党建', k: '10', year: '2024' })).body.results;
    expect(inYear.length).toBeGreaterThan(0);
    // Dated passages are from 2024; the HTML page states no date and may be from any year.
    for (const result of inYear) expect(result.date === '' ? result.docId === 'pages/suzhou' : result.docId === '42').toBe(true);
  });

  it('reads the HTML page without its navigation and footer, and the GB18030 file without mojibake', async () => {
    const app = await buildTestApp({ indexDir });
    const suzhou = await app.get('/api/documents/pages%2Fsuzhou');
    expect(suzhou.status).toBe(200);
    expect(suzhou.body.college).toBe('苏州工业职业技术学院');
    expect(suzhou.body.text).toContain('人人出彩创新');
    expect(suzhou.body.text).not.toContain('新闻中心');
    expect(suzhou.body.text).not.toContain('版权所有');

    const gb18030 = await app.get('/api/documents/zhejiang-gb18030');
    expect(gb18030.body).toMatchObject({ college: '浙江机电职业技术学院', date: '2022-10-03' });
    expect(gb18030.body.text).toBe(await cleanBody('zhejiang'));
    const [hit] = (await app.get('/api/search', { q: '黄大年式教师团队', k: '1' })).body.results;
    expect(hit.docId).toBe('zhejiang-gb18030');
  });
});

describe('near-duplicates through the pipeline', () => {
  it('keeps a reposted story once and lists the other source', async () => {
    const root = makeTempDir('duplicates');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    // Another site's copy: its own breadcrumb, publish line and footer, and a few edited words.
    const original = rawArticle('hunan');
    const body = original
      .split('\n')
      .filter((line) => !line.startsWith('当前位置') && !line.includes('发布时间'))
      .join('\n')
      .replace('经过两年建设', '经过两年的建设')
      .replace('累计培训500人次以上', '累计培训超过500人次');
    writeFiles(corpusDir, {
      'reposts/hunan-repost.txt': `首页 > 高校党建 > 经验交流\n${body.trim()}\n来源：中国教育新闻网 发布时间：2023-10-25\n（责任编辑：张三）\n`,
    });
    const summary = await ingest(corpusDir, indexDir);
    expect(summary).toMatchObject({ articlesRead: 6, documents: 5, duplicates: 1, problems: [] });

    const app = await buildTestApp({ indexDir });
    const hunanId = defaultDocId('hunan');
    const list = (await app.get<{ documents: { id: string; duplicates: number }[] }>('/api/documents')).body.documents;
    expect(list.map((document) => document.id)).not.toContain('reposts/hunan-repost');
    expect(list.find((document) => document.id === hunanId)!.duplicates).toBe(1);
    const hunan = await app.get(`/api/documents/${encodeURIComponent(hunanId)}`);
    expect(hunan.body.sourcePath).toBe(defaultFiles.hunan);
    expect(hunan.body.duplicates).toEqual([expect.objectContaining({ docId: 'reposts/hunan-repost', sourcePath: 'reposts/hunan-repost.txt', source: '中国教育新闻网' })]);
    expect((await app.get(`/api/documents/${encodeURIComponent('reposts/hunan-repost')}`)).status).toBe(404);
    const results = (await app.get('/api/search', { q: '风能工程学院 党支部', k: '10' })).body.results as { docId: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((result) => result.docId)).not.toContain('reposts/hunan-repost');
  });
});

describe('a link out of the corpus folder', () => {
  it('is not followed, is named in the summary, and its target is never served', async () => {
    const root = makeTempDir('outside-link');
    const corpusDir = copyDefaultCorpus(root);
    const indexDir = path.join(root, 'index');
    const secret = path.join(root, 'passwd');
    fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    fs.symlinkSync(secret, path.join(corpusDir, 'passwd.txt'));
    const summary = await ingest(corpusDir, indexDir);
    expect(summary).toMatchObject({ documents: 5, skipped: 1 });
    expect(summary.problems).toEqual([expect.objectContaining({ sourcePath: 'passwd.txt', reason: 'OUTSIDE_CORPUS' })]);
    expect(formatSummary(summary)).toContain('[OUTSIDE_CORPUS] passwd.txt: is a link to a file or folder outside the corpus folder');

    const app = await buildTestApp({ indexDir });
    expect((await app.get('/api/documents/passwd')).status).toBe(404);
    expect((await app.get('/api/search', { q: 'root bash' })).raw).not.toContain('root:x');
  });
});
