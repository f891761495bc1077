/**
 * The knowledge-base routes in process (the ingest-driven ones are in knowledge-base-ingest).
 * Who may manage the knowledge base, and everything it refuses before any file reaches the
 * corpus: ADMIN_TOKEN, the loopback rule when it is unset (forwarding headers and DNS rebinding
 * included), other sites' pages, upload limits and malformed uploads (each with its stable code),
 * bad corrections and paths. The corpus table (every row state, filters, sort, full-text search),
 * hit testing with every score, and feedback, which anyone who may ask can give but only a
 * maintainer can read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stagingDirName } from '../../core/corpus/corpus-files.ts';
import { expectApiError } from '../helpers/app.ts';
import { defaultDocId, ingest, loadTinyEmbedder, removeTempDirs, writeFiles } from '../helpers/corpus.ts';
import { buildKnowledgeBaseApp, closeKnowledgeBaseApps, multipartBody, upload, type KnowledgeBaseApp } from '../helpers/knowledge-base.ts';
import { buildDocx, documentXml } from '../helpers/zip.ts';

afterEach(async () => {
  await closeKnowledgeBaseApps();
  removeTempDirs();
});

/** Every management route, as a request the access rules must decide on. */
const managementRequests = [
  { method: 'GET', url: '/api/kb/status' },
  { method: 'GET', url: '/api/kb/documents' },
  { method: 'GET', url: '/api/kb/hit-test?q=%E5%85%9A%E5%BB%BA' },
  { method: 'GET', url: '/api/kb/jobs/job-1' },
  { method: 'PATCH', url: '/api/kb/documents/x', payload: { college: 'x' } },
  { method: 'DELETE', url: '/api/kb/documents/x' },
  { method: 'DELETE', url: '/api/kb/files?path=x.txt' },
  { method: 'POST', url: '/api/kb/uploads', payload: {} },
  { method: 'GET', url: '/api/kb/feedback' },
  { method: 'GET', url: '/api/kb/feedback.csv' },
  { method: 'GET', url: '/api/kb/events', headers: { connection: 'upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } },
] as const;

async function send(built: KnowledgeBaseApp, request: (typeof managementRequests)[number], extra: { headers?: Record<string, string>; remoteAddress?: string } = {}) {
  const response = await built.app.inject({
    method: request.method,
    url: request.url,
    ...('payload' in request ? { payload: request.payload } : {}),
    headers: { ...('headers' in request ? request.headers : {}), ...extra.headers },
    ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
  });
  const json = response.headers['content-type']?.toString().startsWith('application/json');
  return { status: response.statusCode, body: json ? response.json() : null, raw: response.body, headers: response.headers };
}

const feedback = {
  answerId: 'q-abc',
  rating: 'down',
  comment: '没有找到相关内容',
  question: '如何打造党建特色品牌？',
  mode: 'qa',
  answer: '学院实施“红色领航”工程[1]。',
  citations: [{ n: 1, chunkId: 'a#0', docId: 'a', title: '标题', college: '嘉兴职业技术学院', date: '2022-02-24', quote: '实施“红色领航”工程', start: 0, end: 9 }],
  searchedFor: '如何打造党建特色品牌？',
  engine: 'extractive',
};

describe('without ADMIN_TOKEN, only this machine manages the knowledge base', () => {
  it('refuses every management route (and the event socket) from another address with ADMIN_LOOPBACK_ONLY, saying how to enable it', async () => {
    const built = await buildKnowledgeBaseApp();
    for (const request of managementRequests) {
      const response = await send(built, request, { remoteAddress: '10.20.30.40' });
      expectApiError(response, 403, 'ADMIN_LOOPBACK_ONLY');
      expect(response.body.error.message).toContain('ADMIN_TOKEN');
    }
    // Reading stays open to everyone, as before.
    expect((await built.app.inject({ url: '/api/documents', remoteAddress: '10.20.30.40' })).statusCode).toBe(200);
  });

  it('lets loopback clients in, but not through a proxy and not under another host name (DNS rebinding)', async () => {
    const built = await buildKnowledgeBaseApp();
    const status = { method: 'GET', url: '/api/kb/status' } as const;
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.10']) {
      const response = await send(built, status, { remoteAddress: address, headers: { host: 'localhost:3000' } });
      expect(response.status, address).toBe(200);
      expect(response.body.access).toBe('loopback');
    }
    for (const host of ['127.0.0.1:3000', '[::1]:3000', 'kb.localhost']) expect((await send(built, status, { headers: { host } })).status, host).toBe(200);
    for (const headers of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '203.0.113.9' }, { host: 'attacker.example:3000' }, { host: '127.0.0.1.nip.io' }] as Record<string, string>[]) {
      expectApiError(await send(built, status, { headers }), 403, 'ADMIN_LOOPBACK_ONLY');
    }
  });

  it("refuses another site's page (its Origin), the request a maintainer's browser would send for it", async () => {
    const built = await buildKnowledgeBaseApp({ settings: { CORS_ORIGIN: 'https://intranet.example.edu' } });
    for (const request of managementRequests) {
      expectApiError(await send(built, request, { headers: { origin: 'http://evil.example', host: 'localhost:3000' } }), 403, 'ORIGIN_NOT_ALLOWED');
      expectApiError(await send(built, request, { headers: { origin: 'null', host: 'localhost:3000' } }), 403, 'ORIGIN_NOT_ALLOWED');
    }
    const status = { method: 'GET', url: '/api/kb/status' } as const;
    expect((await send(built, status, { headers: { origin: 'http://localhost:3000', host: 'localhost:3000' } })).status).toBe(200);
    expect((await send(built, status, { headers: { origin: 'https://intranet.example.edu', host: 'localhost:3000' } })).status).toBe(200);
  });
});

describe('with ADMIN_TOKEN', () => {
  it('requires it on every management route from any address', async () => {
    const built = await buildKnowledgeBaseApp({ settings: { ADMIN_TOKEN: 'admin-secret-1' } });
    for (const request of managementRequests) {
      for (const headers of [{}, { authorization: 'Bearer admin-secret-X' }, { authorization: 'Basic admin-secret-1' }] as Record<string, string>[]) {
        const refused = await send(built, request, { headers });
        expectApiError(refused, 401, 'ADMIN_UNAUTHORIZED');
        expect(refused.headers['www-authenticate']).toMatch(/Bearer/);
      }
      expect((await send(built, request, { remoteAddress: '10.20.30.40', headers: { authorization: 'Bearer admin-secret-1' } })).status).not.toBe(401);
    }
    expect((await built.app.inject({ url: '/api/documents' })).statusCode).toBe(200);
  });

  it('beside ACCESS_TOKEN: the readers token is not the maintainers, and the admin token opens reading too', async () => {
    const built = await buildKnowledgeBaseApp({ settings: { ADMIN_TOKEN: 'admin-secret-1', ACCESS_TOKEN: 'reader-secret-2' } });
    for (const request of managementRequests) {
      // Without any token the access check answers first, as on every API route.
      expectApiError(await send(built, request), 401, 'UNAUTHORIZED');
      expectApiError(await send(built, request, { headers: { authorization: 'Bearer reader-secret-2' } }), 401, 'ADMIN_UNAUTHORIZED');
    }
    const status = await send(built, { method: 'GET', url: '/api/kb/status' }, { remoteAddress: '10.20.30.40', headers: { authorization: 'Bearer admin-secret-1' } });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ access: 'token', limits: { maxFiles: 20, maxFileBytes: 20 * 1024 * 1024 }, feedback: true });
    for (const token of ['admin-secret-1', 'reader-secret-2']) {
      expect((await built.app.inject({ url: '/api/documents', headers: { authorization: `Bearer ${token}` } })).statusCode, token).toBe(200);
    }
    expectApiError(await send(built, { method: 'GET', url: '/api/kb/status' }, { headers: { authorization: 'Bearer admin-secret-1', origin: 'http://evil.example' } }), 403, 'ORIGIN_NOT_ALLOWED');
  });

  it('is refused at start-up when it is not printable ASCII', async () => {
    await expect(buildKnowledgeBaseApp({ settings: { ADMIN_TOKEN: '党建管理2024' } })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('uploads that never reach the corpus', () => {
  /** The corpus folder's articles (staging is checked on its own). */
  function corpusEntries(built: KnowledgeBaseApp): string[] {
    return fs.readdirSync(built.corpusDir).filter((name) => name !== stagingDirName).sort();
  }

  it('refuses a request that is not multipart, has no files, unknown fields or bad metadata (UPLOAD_INVALID), naming the file and field', async () => {
    const built = await buildKnowledgeBaseApp();
    const before = corpusEntries(built);
    expectApiError(
      await (async () => {
        const response = await built.app.inject({ method: 'POST', url: '/api/kb/uploads', payload: { files: [] } });
        return { status: response.statusCode, body: response.json(), raw: response.body };
      })(),
      400,
      'UPLOAD_INVALID',
    );
    expectApiError(await upload(built.app, []), 400, 'UPLOAD_INVALID');
    expectApiError(await upload(built.app, [{ name: 'a.txt', content: '正文' }], 'not json'), 400, 'UPLOAD_INVALID');
    const badDate = await upload(built.app, [{ name: 'a.txt', content: '正文' }, { name: 'b.txt', content: '正文' }], [{}, { date: '去年春天' }]);
    expectApiError(badDate, 400, 'UPLOAD_INVALID');
    expect(badDate.body.error.message).toMatch(/第 2 个文件的 date/);
    expectApiError(await upload(built.app, [{ name: 'a.txt', content: '正文' }], [{ path: '../x' }]), 400, 'UPLOAD_INVALID');
    const form = new FormData();
    form.append('other', 'x');
    form.append('files', new Blob(['正文']), 'a.txt');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const unknown = await built.app.inject({ method: 'POST', url: '/api/kb/uploads', payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } });
    expect(unknown.json().error.code).toBe('UPLOAD_INVALID');
    // A body cut off half-way (a client that went away).
    const { body, contentType } = await multipartBody([{ name: 'a.txt', content: '正文'.repeat(1000) }]);
    const cut = await built.app.inject({ method: 'POST', url: '/api/kb/uploads', payload: body.subarray(0, body.length - 200), headers: { 'content-type': contentType } });
    expect(cut.json().error.code).toBe('UPLOAD_INVALID');
    expect(corpusEntries(built)).toEqual(before);
    expect(fs.readdirSync(path.join(built.corpusDir, stagingDirName))).toEqual([]);
    expect(built.runs).toEqual([]);
  });

  it('refuses more files than UPLOAD_MAX_FILES as a whole (UPLOAD_TOO_MANY_FILES), writing nothing', async () => {
    const built = await buildKnowledgeBaseApp({ settings: { UPLOAD_MAX_FILES: '2' } });
    const before = corpusEntries(built);
    const response = await upload(built.app, ['a', 'b', 'c'].map((name) => ({ name: `${name}.txt`, content: `${name}学院党委开展主题党日活动。` })));
    expectApiError(response, 413, 'UPLOAD_TOO_MANY_FILES');
    expect(response.body.error.details).toEqual({ limit: 2 });
    expect(corpusEntries(built)).toEqual(before);
    expect(fs.readdirSync(path.join(built.corpusDir, stagingDirName))).toEqual([]);
  });

  it('refuses each bad file with its own code, and the request with UPLOAD_REFUSED when none is left', async () => {
    const built = await buildKnowledgeBaseApp({ settings: { UPLOAD_MAX_FILE_BYTES: '2048' } });
    const before = corpusEntries(built);
    const response = await upload(built.app, [
      { name: 'big.txt', content: '党'.repeat(2000) },
      { name: 'empty.txt', content: '' },
      { name: 'tool.exe', content: 'MZ' },
      { name: 'nothing', content: 'text' },
      { name: '', content: 'text' },
    ]);
    expectApiError(response, 422, 'UPLOAD_REFUSED');
    expect(response.body.error.details.files.map((file: { status: string; code: string }) => [file.status, file.code])).toEqual([
      ['refused', 'FILE_TOO_LARGE'],
      ['refused', 'FILE_EMPTY'],
      ['refused', 'FILE_TYPE_UNSUPPORTED'],
      ['refused', 'FILE_TYPE_UNSUPPORTED'],
      ['refused', 'FILE_NAME_INVALID'],
    ]);
    expect(corpusEntries(built)).toEqual(before);
    expect(fs.readdirSync(path.join(built.corpusDir, stagingDirName))).toEqual([]);
    expect(built.runs).toEqual([]);
  });

  it('refuses a zip-bomb .docx before anything unpacks it (ARCHIVE_REFUSED), and keeps serving', async () => {
    const built = await buildKnowledgeBaseApp();
    const before = corpusEntries(built);
    // 24 MB of Word XML packed into a few dozen KB: the ratio check refuses it from the directory alone.
    const bomb = buildDocx(['坚持党建引领。'], { data: documentXml(['坚持党建引领。'], ' '.repeat(24 * 1024 * 1024)), deflate: true });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const response = await upload(built.app, [{ name: '典型经验.docx', content: bomb }]);
    expectApiError(response, 422, 'UPLOAD_REFUSED');
    expect(response.body.error.details.files).toEqual([expect.objectContaining({ status: 'refused', code: 'ARCHIVE_REFUSED' })]);
    // Said in the page's language, with the rule and its figures.
    expect(response.body.error.details.files[0].message).toMatch(/^压缩文件解压后过大或条目过多，已拒绝（word\/document\.xml 的压缩比约 \d+:1，上限 100:1）$/);
    expect(corpusEntries(built)).toEqual(before);
    expect(built.runs).toEqual([]);
    expect((await built.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('corrections, deletions and hit tests refused before any change', () => {
  it('answers unknown articles and files, traversal and bad fields with stable codes', async () => {
    const built = await buildKnowledgeBaseApp();
    const inject = async (method: 'GET' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
      const response = await built.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: response.statusCode, body: response.json(), raw: response.body };
    };
    const docId = (await inject('GET', '/api/kb/documents?limit=1')).body.rows[0].docId as string;
    expectApiError(await inject('PATCH', '/api/kb/documents/no-such-article', { college: '某某学院' }), 404, 'DOCUMENT_NOT_FOUND');
    expectApiError(await inject('DELETE', '/api/kb/documents/no-such-article'), 404, 'DOCUMENT_NOT_FOUND');
    expectApiError(await inject('PATCH', `/api/kb/documents/${encodeURIComponent(docId)}`, {}), 400, 'BAD_REQUEST');
    expectApiError(await inject('PATCH', `/api/kb/documents/${encodeURIComponent(docId)}`, { date: '明年' }), 400, 'BAD_REQUEST');
    expectApiError(await inject('PATCH', `/api/kb/documents/${encodeURIComponent(docId)}`, { source: 'x' }), 400, 'BAD_REQUEST');
    expectApiError(await inject('PATCH', `/api/kb/documents/${encodeURIComponent(docId)}`, { college: 'x'.repeat(301) }), 400, 'BAD_REQUEST');
    fs.writeFileSync(path.join(built.root, 'outside.txt'), 'outside');
    for (const bad of ['../outside.txt', `${built.root}/outside.txt`, '.metadata-overrides.json', '.trash', 'missing.txt', '%2e%2e/outside.txt']) {
      expectApiError(await inject('DELETE', `/api/kb/files?path=${encodeURIComponent(bad)}`), 404, 'FILE_NOT_FOUND');
    }
    expect(fs.existsSync(path.join(built.root, 'outside.txt'))).toBe(true);
    expectApiError(await inject('GET', '/api/kb/hit-test'), 400, 'INVALID_QUERY');
    expectApiError(await inject('GET', `/api/kb/hit-test?q=${'党'.repeat(501)}`), 400, 'QUERY_TOO_LONG');
    expectApiError(await inject('GET', '/api/kb/documents?sort=password'), 400, 'INVALID_QUERY');
    expectApiError(await inject('GET', '/api/kb/documents?limit=100000'), 400, 'INVALID_QUERY');
    expect(built.runs).toEqual([]);
  });
});

describe('feedback', () => {
  it('is saved by anyone who may ask, replaced when given again, and listed only for maintainers, 没用 alone when asked', async () => {
    const built = await buildKnowledgeBaseApp({ settings: { ADMIN_TOKEN: 'admin-secret-1', ACCESS_TOKEN: 'reader-secret-2' } });
    const post = (body: object, token = 'reader-secret-2') => built.app.inject({ method: 'POST', url: '/api/feedback', payload: body, headers: { authorization: `Bearer ${token}` } });
    expect((await built.app.inject({ method: 'POST', url: '/api/feedback', payload: feedback })).statusCode).toBe(401);
    const saved = await post(feedback);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ answerId: 'q-abc', rating: 'down', comment: '没有找到相关内容' });
    expect((await post({ ...feedback, rating: 'up', comment: '' })).statusCode).toBe(200);
    expect((await post({ ...feedback, answerId: 'q-def', question: '红船精神是什么？', searchedFor: '红船精神是什么？' })).statusCode).toBe(200);

    const admin = { authorization: 'Bearer admin-secret-1' };
    expect((await built.app.inject({ url: '/api/kb/feedback', headers: { authorization: 'Bearer reader-secret-2' } })).statusCode).toBe(401);
    const list = (await built.app.inject({ url: '/api/kb/feedback', headers: admin })).json();
    expect(list.total).toBe(2);
    expect(list.counts).toEqual({ up: 1, down: 1 });
    const downs = (await built.app.inject({ url: '/api/kb/feedback?rating=down', headers: admin })).json();
    expect(downs.items.map((item: { question: string }) => item.question)).toEqual(['红船精神是什么？']);
    expect(downs.items[0].citations[0].title).toBe('标题');

    const csv = await built.app.inject({ url: '/api/kb/feedback.csv?rating=down', headers: admin });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    expect(csv.body.startsWith('\ufeff时间,评价,问题')).toBe(true);
    expect(csv.body).toContain('红船精神是什么？');
    expect(csv.body).not.toContain('如何打造党建特色品牌');
  });

  it('refuses malformed feedback with stable codes, and says so when the database is unavailable', async () => {
    const built = await buildKnowledgeBaseApp();
    const post = async (body: unknown) => {
      const response = await built.app.inject({ method: 'POST', url: '/api/feedback', payload: body as object });
      return { status: response.statusCode, body: response.json(), raw: response.body };
    };
    expectApiError(await post({ ...feedback, rating: 'meh' }), 400, 'BAD_REQUEST');
    expectApiError(await post({ ...feedback, comment: '长'.repeat(2001) }), 400, 'BAD_REQUEST');
    expectApiError(await post({ ...feedback, answerId: '../../x' }), 400, 'BAD_REQUEST');
    expectApiError(await post({ ...feedback, question: '' }), 400, 'BAD_REQUEST');
    expectApiError(await post({ ...feedback, extra: 1 }), 400, 'BAD_REQUEST');
    expectApiError(await post({ ...feedback, question: '问'.repeat(20_001) }), 400, 'QUERY_TOO_LONG');
    const withoutStore = await buildKnowledgeBaseApp({ noStore: true });
    const response = await withoutStore.app.inject({ method: 'POST', url: '/api/feedback', payload: feedback });
    expectApiError({ status: response.statusCode, body: response.json(), raw: response.body }, 503, 'STORE_UNAVAILABLE');
    expect((await withoutStore.app.inject({ url: '/api/kb/status' })).json().feedback).toBe(false);
  });
});

describe('the corpus table', () => {
  it('shows every article and every file without one: skipped with the reason, folded copies, files not ingested yet or changed since', async () => {
    const built = await buildKnowledgeBaseApp();
    const jiaxing = fs.readFileSync(path.join(built.corpusDir, '2022-02-24-jiaxing-vocational-party-committee.txt'));
    writeFiles(built.corpusDir, {
      'broken.pdf': 'not a pdf at all',
      'zz-jiaxing-repost.txt': jiaxing,
      'notes.xlsx': 'spreadsheet',
    });
    await ingest(built.corpusDir, built.indexDir);
    await built.search.reloadIfChangedAsync();
    writeFiles(built.corpusDir, { 'new-article.txt': '新建文章\n某某学院党委开展“红色引擎”行动。' });
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(built.corpusDir, 'taizhou-sci-tech-mechatronics-and-mould-school.txt'), later, later);
    const get = async (query: string) => (await built.app.inject({ url: `/api/kb/documents?${query}` })).json();

    const all = await get('limit=100');
    const byPath = new Map<string, { status: string; reason: string | null; duplicateOf: { docId: string } | null; passages: number; addedBy: string; docId: string | null }>(
      all.rows.map((row: { sourcePath: string }) => [row.sourcePath, row]),
    );
    expect(all.total).toBe(9);
    expect(byPath.get('broken.pdf')).toMatchObject({ status: 'skipped', reason: 'MALFORMED_PDF', docId: null });
    expect(byPath.get('notes.xlsx')).toMatchObject({ status: 'skipped', reason: 'UNSUPPORTED' });
    expect(byPath.get('zz-jiaxing-repost.txt')).toMatchObject({ status: 'duplicate', duplicateOf: { docId: defaultDocId('jiaxing') } });
    expect(byPath.get('new-article.txt')).toMatchObject({ status: 'pending', passages: 0 });
    expect(byPath.get('taizhou-sci-tech-mechatronics-and-mould-school.txt')).toMatchObject({ status: 'updating' });
    expect(byPath.get('2022-02-24-jiaxing-vocational-party-committee.txt')).toMatchObject({ status: 'indexed', addedBy: 'folder', docId: defaultDocId('jiaxing') });
    expect(all.facets.statuses).toEqual({ indexed: 4, updating: 1, pending: 1, duplicate: 1, skipped: 2, removing: 0 });
    expect(all.facets.colleges).toHaveLength(5);
    expect(all.index).toMatchObject({ documents: 5 });

    expect((await get('status=skipped')).rows.map((row: { sourcePath: string }) => row.sourcePath).sort()).toEqual(['broken.pdf', 'notes.xlsx']);
    expect((await get(`college=${encodeURIComponent('湖南电气职业技术学院')}`)).rows.map((row: { docId: string }) => row.docId)).toEqual([defaultDocId('hunan')]);
    // The folded repost shows the article it was folded into, date included.
    expect((await get('year=2022')).rows.map((row: { sourcePath: string }) => row.sourcePath).sort()).toEqual([
      '2022-02-24-jiaxing-vocational-party-committee.txt',
      '2022-10-03-zhejiang-mechanical-electrical-automation-school.txt',
      'zz-jiaxing-repost.txt',
    ]);
    expect((await get(`q=${encodeURIComponent('风能')}`)).rows.map((row: { docId: string }) => row.docId)).toEqual([defaultDocId('hunan')]);
    const byDate = (await get('sort=date&order=asc&status=indexed')).rows.map((row: { date: string }) => row.date);
    expect(byDate.filter(Boolean)).toEqual([...byDate.filter(Boolean)].sort());
    const byTitle = (await get('sort=title&order=desc&limit=3&offset=1')).rows;
    expect(byTitle).toHaveLength(3);
    const titles = (await get('sort=title&order=desc&limit=100')).rows.map((row: { title: string }) => row.title);
    expect(byTitle.map((row: { title: string }) => row.title)).toEqual(titles.slice(1, 4));
  });

  it('searches the articles by their full text, best first, with the passage around the words', async () => {
    const built = await buildKnowledgeBaseApp();
    const found = (await built.app.inject({ url: `/api/kb/documents?text=${encodeURIComponent('三亮三比')}` })).json();
    expect(found.rows[0]).toMatchObject({ docId: defaultDocId('hunan') });
    expect(found.rows[0].snippet).toContain('三亮三比');
    expect(found.rows[0].score).toBeGreaterThan(0);
    expect(found.rows.every((row: { snippet: string }) => typeof row.snippet === 'string')).toBe(true);
    // Text that is in no article's body finds nothing, though a title word would pass `q`.
    expect((await built.app.inject({ url: `/api/kb/documents?text=${encodeURIComponent('量子纠缠超导')}` })).json().total).toBe(0);
    // Typed in traditional characters, the words find the same article and mark its passage.
    const typed = (await built.app.inject({ url: `/api/kb/documents?text=${encodeURIComponent('風能黨員活動日')}` })).json();
    expect(typed.rows[0]).toMatchObject({ docId: defaultDocId('hunan') });
    expect(typed.rows[0].snippet).toContain('风能党员活动日');
  });
});

describe('hit testing', () => {
  it('reports each passage with its BM25 score and place, the fused score and the filters; no vector score without a model', async () => {
    const built = await buildKnowledgeBaseApp();
    const result = (await built.app.inject({ url: `/api/kb/hit-test?q=${encodeURIComponent('风能学院党员活动日')}&k=5` })).json();
    expect(result).toMatchObject({ mode: 'lexical', filters: { college: null, year: null } });
    expect(result.words.length).toBeGreaterThan(0);
    expect(result.hits).toHaveLength(5);
    result.hits.forEach((hit: { rank: number; lexicalRank: number | null; vector: number | null; fused: number }, index: number) => {
      expect(hit.rank).toBe(index + 1);
      expect(hit.vector).toBeNull();
      if (index > 0) expect(hit.fused).toBeLessThanOrEqual(result.hits[index - 1].fused);
    });
    expect(result.hits[0]).toMatchObject({ docId: defaultDocId('hunan'), lexicalRank: 1 });
    const filtered = (await built.app.inject({ url: `/api/kb/hit-test?q=${encodeURIComponent('党建')}&college=${encodeURIComponent('嘉兴职业技术学院')}&year=2022` })).json();
    expect(filtered.filters).toEqual({ college: '嘉兴职业技术学院', year: 2022 });
    expect(filtered.hits.every((hit: { college: string }) => hit.college === '嘉兴职业技术学院')).toBe(true);
    const named = (await built.app.inject({ url: `/api/kb/hit-test?q=${encodeURIComponent('嘉兴职业技术学院有哪些做法')}` })).json();
    expect(named.namedColleges).toEqual(['嘉兴职业技术学院']);
  });

  it('with an embedding model: vector scores and places beside the lexical ones, fused by rank', async () => {
    const embedder = await loadTinyEmbedder();
    const built = await buildKnowledgeBaseApp({ embedder });
    const result = (await built.app.inject({ url: `/api/kb/hit-test?q=${encodeURIComponent('校企合作 产教融合')}&k=10` })).json();
    expect(result.mode).toBe('hybrid');
    expect(result.hits.some((hit: { vectorRank: number | null }) => hit.vectorRank !== null)).toBe(true);
    for (const hit of result.hits as { fused: number; lexicalRank: number | null; vectorRank: number | null; vector: number | null }[]) {
      const expected = (hit.lexicalRank ? 1 / (60 + hit.lexicalRank) : 0) + (hit.vectorRank ? 1 / (60 + hit.vectorRank) : 0);
      expect(hit.fused).toBeCloseTo(expected, 5);
      expect(hit.vector === null).toBe(hit.vectorRank === null);
    }
    await embedder.dispose();
  });
});
