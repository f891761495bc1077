/**
 * Changes to the knowledge base through the real background ingest (a child process, as in
 * `npm start`): uploads of a GBK .txt, a .docx and a .jsonl with metadata, reported per file
 * (indexed, folded into the article already there, skipped) and searchable once the index
 * swaps; corrections and deletions; progress and results over the event socket; uploads made
 * while an ingest runs; and kill -9, of the ingest an upload started and of the whole server.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { KnowledgeBaseEvent } from '../../core/corpus/knowledge-base-types.ts';
import { overridesFileName } from '../../core/corpus/overrides.ts';
import { stagingDirName, trashDirName } from '../../core/corpus/corpus-files.ts';
import { copyDefaultCorpus, currentPointer, defaultDocId, defaultFiles, entriesStartingWith, makeTempDir, removeTempDirs, repoRoot } from '../helpers/corpus.ts';
import { withTimeout } from '../helpers/fake-openai.ts';
import { buildKnowledgeBaseApp, closeKnowledgeBaseApps, jobFinished, multipartBody, upload, type KnowledgeBaseApp } from '../helpers/knowledge-base.ts';
import { killServerProcesses, startServerProcess } from '../helpers/server-process.ts';

afterEach(async () => {
  await killServerProcesses();
  await closeKnowledgeBaseApps();
  removeTempDirs();
});

const fixture = path.join(repoRoot, 'test', 'fixtures', 'ingest-under-test.ts');

const gbkArticle = ['温州测试职业学院党委开展“青春领航”计划', '', '温州测试职业学院党委实施“青春领航”计划，建立学生党员先锋岗二十个，带动学生参与志愿服务三千人次，育人成效明显。'].join('\n');

async function docxOf(paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }));
}

async function search(built: KnowledgeBaseApp, q: string): Promise<{ docId: string; college: string; title: string }[]> {
  return (await built.app.inject({ url: `/api/search?q=${encodeURIComponent(q)}&k=5` })).json().results;
}

describe('uploading through the ingest', () => {
  it('ingests a GBK .txt, a .docx and a .jsonl with their metadata, folds a repost into the article already there, skips a broken PDF, and says so per file', async () => {
    const built = await buildKnowledgeBaseApp();
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (built.app.server.address() as AddressInfo).port;
    const events: KnowledgeBaseEvent[] = [];
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/kb/events`, ['pbqa.v1']);
    socket.on('message', (data) => events.push(JSON.parse(String(data)) as KnowledgeBaseEvent));
    await withTimeout(new Promise((resolve) => socket.once('open', resolve)), 10_000, 'the event socket to open');

    const outside = fs.readdirSync(built.root).sort();
    const jiaxing = fs.readFileSync(path.join(built.corpusDir, defaultFiles.jiaxing));
    const response = await upload(
      built.app,
      [
        { name: '青春领航.txt', content: iconv.encode(gbkArticle, 'gbk') },
        { name: '../../../docx 报告.docx', content: await docxOf(['台州测试学院教工党支部“双带头人”工作室', '台州测试学院教工党支部建立“双带头人”工作室，教师党员带领学生完成技术攻关十二项。']) },
        { name: 'a-repost.txt', content: jiaxing },
        { name: 'broken.pdf', content: '%PDF-1.4 this is not really a PDF' },
        { name: 'lines.jsonl', content: `${JSON.stringify({ id: 'line-1', title: '第一篇', text: '南湖测试学院党委组织“红船领航”宣讲团走进社区。' })}\n${JSON.stringify({ id: 'line-2', title: '第二篇', text: '南湖测试学院学生党员开展“红船领航”志愿服务。' })}\n` },
      ],
      [{ college: '温州测试职业学院', unit: '学校党委', date: '2024年5月8日' }, { college: '台州测试学院' }, null, null, { college: '南湖测试学院' }],
    );
    expect(response.status, response.raw).toBe(202);
    expect(response.body.job.state).toBe('waiting');
    expect(response.body.files.map((file: { sourcePath: string }) => file.sourcePath)).toEqual(['青春领航.txt', 'docx 报告.docx', 'a-repost.txt', 'broken.pdf', 'lines.jsonl']);

    const job = await jobFinished(built.knowledgeBase, response.body.job.id);
    expect(job.state).toBe('done');
    const [gbk, docx, repost, pdf, jsonl] = job.files;
    expect(gbk).toMatchObject({ status: 'indexed', documents: [{ docId: '青春领航', college: '温州测试职业学院' }] });
    expect(gbk!.passages).toBeGreaterThan(0);
    expect(docx).toMatchObject({ status: 'indexed', documents: [{ college: '台州测试学院' }] });
    expect(repost).toMatchObject({ status: 'duplicate', duplicateOf: { docId: defaultDocId('jiaxing'), sourcePath: defaultFiles.jiaxing } });
    expect(pdf).toMatchObject({ status: 'skipped', code: 'MALFORMED_PDF' });
    expect(jsonl).toMatchObject({ status: 'indexed', documents: [{ docId: 'line-1', college: '南湖测试学院' }, { docId: 'line-2', college: '南湖测试学院' }] });

    // Searchable without a restart, with the metadata given at upload.
    expect((await search(built, '青春领航 学生党员先锋岗'))[0]).toMatchObject({ docId: '青春领航', college: '温州测试职业学院' });
    expect((await search(built, '双带头人工作室 技术攻关'))[0]).toMatchObject({ college: '台州测试学院' });
    const article = (await built.app.inject({ url: `/api/documents/${encodeURIComponent('青春领航')}` })).json();
    expect(article).toMatchObject({ college: '温州测试职业学院', unit: '学校党委', date: '2024-05-08' });
    // The file names were never paths: everything landed in the corpus folder itself.
    expect(fs.readdirSync(built.root).sort()).toEqual(outside);
    expect(fs.existsSync(path.join(built.corpusDir, 'docx 报告.docx'))).toBe(true);
    expect(fs.readdirSync(path.join(built.corpusDir, stagingDirName))).toEqual([]);
    const rows = (await built.app.inject({ url: '/api/kb/documents?limit=100' })).json().rows as { sourcePath: string; addedBy: string; corrected: string[]; status: string }[];
    expect(rows.find((row) => row.sourcePath === '青春领航.txt')).toMatchObject({ addedBy: 'upload', status: 'indexed', corrected: ['college', 'unit', 'date'] });
    expect(rows.find((row) => row.sourcePath === defaultFiles.jiaxing)).toMatchObject({ addedBy: 'folder', status: 'indexed' });

    // The socket told the page what the ingest was doing, then the result.
    await withTimeout(
      (async () => {
        while (!events.some((event) => event.type === 'job' && event.job.state === 'done')) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      10_000,
      'the job event',
    );
    socket.close();
    expect(events[0]).toMatchObject({ type: 'status', ingest: { running: false } });
    const phases = events.flatMap((event) => (event.type === 'ingest' && event.ingest.running ? [event.ingest.phase] : []));
    expect(phases[0]).toBe('starting');
    expect(phases).toContain('read');
    expect(phases.at(-1)).toBe('publish');
    const ended = events.filter((event) => event.type === 'ingest' && !event.ingest.running).at(-1);
    expect(ended).toMatchObject({ ingest: { last: { ok: true } } });
    expect(events.filter((event) => event.type === 'job').map((event) => event.type === 'job' && event.job.state)).toEqual(['waiting', 'done']);
  }, 120_000);

  it('never overwrites: the same name twice is saved beside the first', async () => {
    const built = await buildKnowledgeBaseApp();
    const first = await upload(built.app, [{ name: '党建.txt', content: '学院党委开展主题党日活动，组织党员参观红色教育基地。' }]);
    const second = await upload(built.app, [{ name: '党建.txt', content: '学院团委开展青年大学习活动，组织团员学习党的二十大精神。' }]);
    expect(second.body.files[0].sourcePath).toBe('党建 (2).txt');
    await jobFinished(built.knowledgeBase, first.body.job.id);
    const done = await jobFinished(built.knowledgeBase, second.body.job.id);
    expect(done.files[0]).toMatchObject({ status: 'indexed' });
    expect(fs.readFileSync(path.join(built.corpusDir, '党建.txt'), 'utf8')).toContain('主题党日');
  }, 120_000);
});

describe('corrections and deletions', () => {
  it('a corrected 院校 reaches answers and 院校对比 through the same ingest, and can be undone', async () => {
    const built = await buildKnowledgeBaseApp();
    const docId = defaultDocId('hunan');
    const patch = await built.app.inject({ method: 'PATCH', url: `/api/kb/documents/${docId}`, payload: { college: '湖南风能测试学院', date: '2023年11月1日' } });
    expect(patch.statusCode, patch.body).toBe(202);
    const job = await jobFinished(built.knowledgeBase, patch.json().job.id);
    expect(job).toMatchObject({ state: 'done', files: [{ status: 'indexed', documents: [{ docId, college: '湖南风能测试学院' }] }] });
    expect((await built.app.inject({ url: `/api/documents/${docId}` })).json()).toMatchObject({ college: '湖南风能测试学院', date: '2023-11-01' });
    const compare = (await built.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '各院校如何开展党员志愿服务？', mode: 'compare' } })).json();
    expect(compare.table.rows.map((row: { college: string }) => row.college)).toContain('湖南风能测试学院');
    expect(compare.table.rows.map((row: { college: string }) => row.college)).not.toContain('湖南电气职业技术学院');
    expect(JSON.parse(fs.readFileSync(path.join(built.corpusDir, overridesFileName), 'utf8')).documents[docId]).toEqual({ college: '湖南风能测试学院', date: '2023年11月1日' });

    const undo = await built.app.inject({ method: 'PATCH', url: `/api/kb/documents/${docId}`, payload: { college: null, date: '' } });
    await jobFinished(built.knowledgeBase, undo.json().job.id);
    expect((await built.app.inject({ url: `/api/documents/${docId}` })).json()).toMatchObject({ college: '湖南电气职业技术学院', date: '2023-10-20' });
    expect(fs.existsSync(path.join(built.corpusDir, overridesFileName))).toBe(false);
  }, 120_000);

  it('deleting an article removes it and the reposts folded into it from answers; a .jsonl keeps its other articles', async () => {
    const built = await buildKnowledgeBaseApp();
    const hunan = fs.readFileSync(path.join(built.corpusDir, defaultFiles.hunan));
    const uploaded = await upload(built.app, [
      { name: 'zz-hunan-repost.txt', content: hunan },
      { name: 'lines.jsonl', content: `${JSON.stringify({ id: 'keep-me', text: '南湖测试学院党委组织“红船领航”宣讲团走进社区。' })}\n${JSON.stringify({ id: 'drop-me', text: '北湖测试学院学生党员开展“绿水青山”志愿服务。' })}\n` },
    ]);
    await jobFinished(built.knowledgeBase, uploaded.body.job.id);
    expect((await search(built, '三亮三比 风能'))[0]!.docId).toBe(defaultDocId('hunan'));

    const removed = await built.app.inject({ method: 'DELETE', url: `/api/kb/documents/${defaultDocId('hunan')}` });
    expect(removed.statusCode).toBe(202);
    const job = await jobFinished(built.knowledgeBase, removed.json().job.id);
    expect(job.files.map((file) => [file.sourcePath, file.status])).toEqual([
      [defaultFiles.hunan, 'removed'],
      ['zz-hunan-repost.txt', 'removed'],
    ]);
    expect((await search(built, '三亮三比 风能')).map((hit) => hit.docId)).not.toContain(defaultDocId('hunan'));
    expect((await search(built, '三亮三比 风能')).map((hit) => hit.docId)).not.toContain('zz-hunan-repost');
    const answer = (await built.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '风能工程学院教工党支部的“三亮三比”是怎么做的？' } })).json();
    expect(answer.citations.map((citation: { docId: string }) => citation.docId)).not.toContain(defaultDocId('hunan'));
    expect(fs.readdirSync(path.join(built.corpusDir, trashDirName)).length).toBe(2);

    const line = await built.app.inject({ method: 'DELETE', url: '/api/kb/documents/drop-me' });
    await jobFinished(built.knowledgeBase, line.json().job.id);
    expect((await search(built, '绿水青山 志愿服务')).map((hit) => hit.docId)).not.toContain('drop-me');
    expect((await search(built, '红船领航 宣讲团'))[0]!.docId).toBe('keep-me');
    expect(fs.existsSync(path.join(built.corpusDir, 'lines.jsonl'))).toBe(true);

    const file = await built.app.inject({ method: 'DELETE', url: '/api/kb/files?path=lines.jsonl' });
    await jobFinished(built.knowledgeBase, file.json().job.id);
    expect((await search(built, '红船领航 宣讲团')).map((hit) => hit.docId)).not.toContain('keep-me');
    expect(JSON.parse(fs.readFileSync(path.join(built.corpusDir, overridesFileName), 'utf8')).excluded).toEqual(['drop-me']);
  }, 180_000);
});

describe('uploads and ingests at the same time', () => {
  it('uploads made while an ingest runs all reach the index, in one more run', async () => {
    const built = await buildKnowledgeBaseApp({ ingestScript: fixture, ingestEnv: { INGEST_DELAY_MS: '1500' } });
    const first = await upload(built.app, [{ name: 'first.txt', content: '第一测试学院党委开展“头雁工程”，培养党支部书记三十名。' }]);
    await withTimeout(
      (async () => {
        while (built.runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      })(),
      10_000,
      'the first ingest to start',
    );
    const more = await Promise.all(
      ['second', 'third', 'fourth'].map((name, index) => upload(built.app, [{ name: `${name}.txt`, content: `第${index + 2}测试学院党委开展“${name}行动”，组织党员志愿服务${index + 2}百人次。` }])),
    );
    expect(more.map((response) => response.status)).toEqual([202, 202, 202]);
    const jobs = await Promise.all([first, ...more].map((response) => jobFinished(built.knowledgeBase, response.body.job.id)));
    expect(jobs.map((job) => [job.state, job.files[0]!.status])).toEqual(Array(4).fill(['done', 'indexed']));
    // The run in progress could not see the later files; one more run took all three.
    expect(built.runs).toHaveLength(2);
    for (const name of ['first', 'second', 'third', 'fourth']) expect((await built.app.inject({ url: `/api/documents/${name}` })).statusCode, name).toBe(200);
  }, 120_000);
});

describe('kill -9 during an upload-triggered ingest', () => {
  it('of the ingest: the previous index keeps serving, the upload is kept, and the next ingest takes it in', async () => {
    const stallFile = path.join(makeTempDir('stall'), 'pid');
    const built = await buildKnowledgeBaseApp({ ingestScript: fixture, ingestEnv: { STALL_PID_FILE: stallFile } });
    const live = currentPointer(built.indexDir);
    const response = await upload(built.app, [{ name: '先锋.txt', content: '先锋测试学院党委实施“先锋领航”计划，设立党员示范岗十八个。' }]);
    await withTimeout(
      (async () => {
        while (!fs.existsSync(stallFile)) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      30_000,
      'the ingest to reach half-way',
    );
    // Half-way: a generation is being built beside the live one.
    expect(entriesStartingWith(built.indexDir, '.build-')).toHaveLength(1);
    process.kill(Number(fs.readFileSync(stallFile, 'utf8')), 'SIGKILL');
    const failed = await jobFinished(built.knowledgeBase, response.body.job.id);
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/SIGKILL/);
    expect(built.knowledgeBase.ingest.last).toMatchObject({ ok: false });
    expect(currentPointer(built.indexDir)).toBe(live);
    expect((await search(built, '三亮三比 风能'))[0]!.docId).toBe(defaultDocId('hunan'));
    expect((await built.app.inject({ url: `/api/documents/${encodeURIComponent('先锋')}` })).statusCode).toBe(404);
    expect(fs.readFileSync(path.join(built.corpusDir, '先锋.txt'), 'utf8')).toContain('先锋领航');
    const waiting = (await built.app.inject({ url: '/api/kb/documents?status=pending' })).json().rows;
    expect(waiting.map((row: { sourcePath: string }) => row.sourcePath)).toEqual(['先锋.txt']);

    // The next change runs a whole ingest: both uploads are in, the half-built generation is gone.
    const next = await upload(built.app, [{ name: '后来.txt', content: '后来测试学院党委开展“支部建在专业上”试点。' }]);
    expect((await jobFinished(built.knowledgeBase, next.body.job.id)).state).toBe('done');
    expect((await built.app.inject({ url: `/api/documents/${encodeURIComponent('先锋')}` })).statusCode).toBe(200);
    expect(entriesStartingWith(built.indexDir, '.build-')).toEqual([]);
  }, 120_000);

  it('of the server: after a restart the uploaded article is there and searchable, and the orphaned ingest has stopped', async () => {
    const root = makeTempDir('kill-server');
    const corpusDir = copyDefaultCorpus(root);
    const env = { CORPUS_DIR: corpusDir, INDEX_DIR: path.join(root, 'index'), SQLITE_FILE: path.join(root, 'app.sqlite'), RATE_LIMIT_PER_MINUTE: '0' };
    const first = await startServerProcess({ env, readyTimeoutMs: 60_000 });
    const { body, contentType } = await multipartBody([{ name: '不灭.txt', content: '不灭测试学院党委开展“薪火相传”老党员宣讲活动，覆盖师生两千人。' }]);
    const response = await fetch(`${first.baseUrl}/api/kb/uploads`, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': contentType } });
    expect(response.status).toBe(202);
    // The ingest has been started (it takes a second or two to get going): kill everything now.
    first.child.kill('SIGKILL');
    await first.exited;
    // The ingest's parent is gone: it stops rather than race the next start's own ingest. It must
    // stay gone for a second: a child forked just before the kill shows the server's command line
    // until it execs, so one empty look may come before the ingest has started.
    await withTimeout(
      (async () => {
        let absentSince = Date.now();
        for (;;) {
          let running = '';
          try {
            running = execFileSync('pgrep', ['-f', `ingest/cli.ts --corpus ${corpusDir}`], { encoding: 'utf8' });
          } catch {
            running = '';
          }
          if (running.trim()) absentSince = Date.now();
          else if (Date.now() - absentSince >= 1000) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })(),
      30_000,
      'the orphaned ingest to stop',
    );
    expect(fs.existsSync(path.join(corpusDir, '不灭.txt'))).toBe(true);

    const second = await startServerProcess({ env, readyTimeoutMs: 60_000 });
    const found = (await (await fetch(`${second.baseUrl}/api/search?q=${encodeURIComponent('薪火相传 老党员宣讲')}`)).json()) as { results: { docId: string }[] };
    expect(found.results[0]?.docId, second.stderr()).toBe('不灭');
    const rows = (await (await fetch(`${second.baseUrl}/api/kb/documents?limit=100`)).json()) as { rows: { sourcePath: string; status: string; addedBy: string }[] };
    expect(rows.rows.find((row) => row.sourcePath === '不灭.txt')).toMatchObject({ status: 'indexed', addedBy: 'upload' });
    expect(fs.existsSync(path.join(corpusDir, stagingDirName))).toBe(false);
  }, 180_000);
});
