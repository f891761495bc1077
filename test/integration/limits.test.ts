/**
 * Every limit answers with its own clear error code, and leaves the connection usable: question
 * length, message size, history length, questions in flight per socket, connections per client,
 * and the per-client rate limit, over the websocket and over HTTP. Each test turns its setting
 * low; the real server listens on a loopback port.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { trickle } from '../../scripts/fuzz/slow-bodies.ts';
import { frameLimit } from '../../server/routes/ws.ts';
import { buildTestApp, closeTestApps, expectApiError, type TestApp } from '../helpers/app.ts';
import { copyDefaultCorpus, ingest, makeTempDir, removeTempDirs } from '../helpers/corpus.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { closeWsClients, connectWsUrl, type WsClient } from '../helpers/ws-client.ts';

let indexDir: string;
const fakes: FakeOpenAI[] = [];

beforeAll(async () => {
  const root = makeTempDir('limits');
  indexDir = path.join(root, 'index');
  await ingest(copyDefaultCorpus(root), indexDir);
});

afterEach(async () => {
  await closeWsClients();
  await closeTestApps();
  for (const fake of fakes.splice(0)) await fake.close();
});
afterAll(removeTempDirs);

const question = '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？';

interface Served extends TestApp {
  baseUrl: string;
  wsUrl: string;
  connect(): Promise<WsClient>;
  post(url: string, body: unknown): Promise<{ status: number; body: any; raw: string; headers: Record<string, unknown> }>;
}

async function serve(settings: Parameters<typeof buildTestApp>[0]['settings'], options: { generator?: 'stalling' } = {}): Promise<Served & { release?: () => void }> {
  let release: (() => void) | undefined;
  let generator;
  if (options.generator === 'stalling') {
    const resume = new Promise<void>((resolve) => (release = resolve));
    const fake = await startFakeOpenAI({ text: '风能工程学院教工党支部实施了多项工程[1]。', pieces: 4, pauseAfter: 1, resume });
    fakes.push(fake);
    generator = fake.generator();
  }
  const app = await buildTestApp({ indexDir, settings, generator });
  const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
  const wsUrl = `${address.replace(/^http/, 'ws')}/ws`;
  return {
    ...app,
    baseUrl: address,
    wsUrl,
    release,
    connect: () => connectWsUrl(wsUrl),
    async post(url, body) {
      const response = await app.app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      return { status: response.statusCode, body: response.json(), raw: response.body, headers: response.headers };
    },
  };
}

/** The socket still answers a normal question. */
async function expectUsable(client: WsClient): Promise<void> {
  const result = await client.waitForEnd(client.ask({ question }));
  expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  expect(result.end?.notFound).toBe(false);
  expect(client.violations).toEqual([]);
}

describe('MAX_QUESTION_LENGTH', () => {
  it('refuses a longer question with QUERY_TOO_LONG on the websocket, POST /api/ask and GET /api/search', async () => {
    const app = await serve({ MAX_QUESTION_LENGTH: '40' });
    const long = `${question}${'请详细说明'.repeat(5)}`;
    expect(long.length).toBeGreaterThan(40);

    const client = await app.connect();
    const refused = await client.waitForEnd(client.ask({ id: 'long', question: long }));
    expect(refused.messages).toHaveLength(1);
    expect(refused.error).toMatchObject({ id: 'long', code: 'QUERY_TOO_LONG' });
    expect(refused.error!.message).toContain('40');
    await expectUsable(client);

    const asked = await app.post('/api/ask', { question: long });
    expectApiError(asked, 400, 'QUERY_TOO_LONG');
    expect(asked.body.error.message).toContain('40');
    expectApiError(await app.get('/api/search', { q: long }), 400, 'QUERY_TOO_LONG');
    // At the limit it is accepted.
    expect((await app.get('/api/search', { q: long.slice(0, 40) })).status).toBe(200);
  });
});

describe('MAX_MESSAGE_BYTES', () => {
  it('answers a websocket frame over the limit with MESSAGE_TOO_LARGE and keeps the socket', async () => {
    const app = await serve({ MAX_MESSAGE_BYTES: '2048' });
    const client = await app.connect();
    const big = JSON.stringify({ type: 'ask', id: 'big', question, history: [{ role: 'user', content: '党'.repeat(1000) }] });
    expect(Buffer.byteLength(big)).toBeGreaterThan(2048);
    client.sendRaw(big);
    const error = await client.waitFor((message) => message.type === 'error', 'the error');
    expect(error).toMatchObject({ type: 'error', code: 'MESSAGE_TOO_LARGE', details: { limit: 2048 } });
    await expectUsable(client);
  });

  it('closes a socket whose frame is over the hard cap (1009), and the server stays up', async () => {
    const app = await serve({ MAX_MESSAGE_BYTES: '2048' });
    const client = await app.connect();
    client.sendRaw('x'.repeat(frameLimit(2048) + 1));
    expect(await client.waitForClose()).toBe(1009);
    await expectUsable(await app.connect());
  });

  it('refuses an HTTP body over the limit with 413 MESSAGE_TOO_LARGE', async () => {
    const app = await serve({ MAX_MESSAGE_BYTES: '2048' });
    const response = await app.post('/api/ask', { question, history: [{ role: 'user', content: '党'.repeat(1000) }] });
    expectApiError(response, 413, 'MESSAGE_TOO_LARGE');
  });
});

describe('REQUEST_TIMEOUT_MS', () => {
  it('answers a body or headers sent a byte at a time with 408 and closes the connection; everyone else is served meanwhile', { timeout: 30_000 }, async () => {
    const app = await serve({ REQUEST_TIMEOUT_MS: '1000' });
    const { port } = app.app.server.address() as AddressInfo;
    // A byte every 200 ms: each resets any idle timer, but the request as a whole never ends.
    const slow = [
      trickle(port, { kind: 'slow-body', target: '/api/ask', everyMs: 200, contentLength: 60_000 }, 15_000),
      trickle(port, { kind: 'slow-body', target: '/api/export/docx', everyMs: 200, contentLength: 60_000 }, 15_000),
      trickle(port, { kind: 'slow-headers', target: '/api/health', everyMs: 200, contentLength: 0 }, 15_000),
    ];
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    for (const outcome of await Promise.all(slow)) {
      expect(outcome.closedAfterMs, 'the server closed the connection').not.toBeNull();
      expect(outcome.status).toBe(408);
      expect(JSON.parse(outcome.body)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
  });

  it('leaves requests that arrive in time, and slow answers, alone', async () => {
    const app = await serve({ REQUEST_TIMEOUT_MS: '1000' }, { generator: 'stalling' });
    // The answer takes longer than the request time-out: only receiving the request is bounded.
    const asked = fetch(`${app.baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    app.release!();
    const response = await asked;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { engine: string }).engine).toBe('openai:fake-model');
  });
});

describe('POST /api/export/docx', () => {
  /** A Markdown table of `columns` × `rows` body rows. */
  const table = (columns: number, rows: number): string => {
    const line = (cell: (column: number) => string) => `|${Array.from({ length: columns }, (_, column) => cell(column)).join('|')}|`;
    return [line((column) => `列${column}`), line(() => '-'), ...Array.from({ length: rows }, (_, row) => line((column) => `${row}-${column}`))].join('\n');
  };

  it('refuses a 100 KB table of 200 columns, deep nesting and runaway emphasis with 422 DOCUMENT_TOO_COMPLEX', async () => {
    const app = await serve({});
    const wide = table(200, 75);
    expect(wide.length).toBeGreaterThan(90_000);
    for (const markdown of [wide, `${'>'.repeat(2_000)} 文本`, `${'*'.repeat(5_000)}党建${'*'.repeat(5_000)}`]) {
      expectApiError(await app.post('/api/export/docx', { title: '材料', markdown }), 422, 'DOCUMENT_TOO_COMPLEX');
    }
  });

  it('exports a title, text and quotes with lone surrogates and non-characters (it used to answer 500)', async () => {
    const app = await serve({});
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/export/docx',
      headers: { 'content-type': 'application/json' },
      // JSON escapes: the only way a lone surrogate travels in a request.
      payload: '{"title":"材料\\ud800\\uffff","markdown":"正文\\udfff\\ufffe[1]","citations":[{"n":1,"chunkId":"a#0","docId":"a","title":"文\\ud800","college":"","date":"","quote":"引\\uffff","start":0,"end":1}]}',
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="__.docx"; filename*=UTF-8''${encodeURIComponent('材料.docx')}`);
  });

  it('builds a large document off the event loop: a health check sent after it is answered before it', { timeout: 60_000 }, async () => {
    const app = await serve({});
    const finished: string[] = [];
    // At the limits: 1,000 table cells take about a second to build.
    const exported = app.app.inject({ method: 'POST', url: '/api/export/docx', payload: { title: '材料', markdown: table(20, 49) } }).then((response) => {
      finished.push('export');
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await app.app.inject({ method: 'GET', url: '/api/health' });
    finished.push('health');
    expect(health.statusCode).toBe(200);
    expect((await exported).statusCode).toBe(200);
    expect(finished).toEqual(['health', 'export']);
  });
});

describe('MAX_HISTORY_TURNS', () => {
  const turns = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: index % 2 === 0 ? question : '该支部实施了多项工程。' }));

  it('refuses more turns with an error naming history, on the websocket and POST /api/ask', async () => {
    const app = await serve({ MAX_HISTORY_TURNS: '2' });
    const client = await app.connect();
    const refused = await client.waitForEnd(client.ask({ id: 'history', question, history: turns(3) }));
    expect(refused.error).toMatchObject({ id: 'history', code: 'INVALID_MESSAGE' });
    expect(refused.error!.message).toMatch(/^history: .*2/);
    expect(refused.error!.details).toEqual({ issues: [{ field: 'history', problem: expect.stringContaining('2') }] });
    // Within the limit it is answered.
    const answered = await client.waitForEnd(client.ask({ question, history: turns(2) }));
    expect(answered.end).toBeDefined();

    const asked = await app.post('/api/ask', { question, history: turns(3) });
    expectApiError(asked, 400, 'BAD_REQUEST');
    expect(asked.body.error.details.issues[0].field).toBe('history');
  });
});

describe('MAX_IN_FLIGHT_PER_SOCKET', () => {
  it('refuses a question over the limit with TOO_MANY_IN_FLIGHT; the others finish; then there is room again', async () => {
    const app = await serve({ MAX_IN_FLIGHT_PER_SOCKET: '2' }, { generator: 'stalling' });
    const client = await app.connect();
    const first = client.ask({ question });
    const second = client.ask({ question: '嘉兴职业技术学院如何打造党建高地？' });
    for (const id of [first, second]) await client.waitFor((message) => message.type === 'text-delta' && message.id === id, `a delta of ${id}`);
    const refused = await client.waitForEnd(client.ask({ id: 'third', question }));
    expect(refused.messages).toHaveLength(1);
    expect(refused.error).toMatchObject({ id: 'third', code: 'TOO_MANY_IN_FLIGHT' });
    expect(refused.error!.message).toContain('2');

    // Another socket of the same client has its own allowance.
    const other = await app.connect();
    const elsewhere = other.ask({ question });
    await other.waitFor((message) => message.type === 'text-delta' && message.id === elsewhere, 'a delta on the other socket');

    app.release!();
    for (const id of [first, second]) expect((await client.waitForEnd(id)).end?.notFound).toBe(false);
    expect((await other.waitForEnd(elsewhere)).end).toBeDefined();
    expect((await client.waitForEnd(client.ask({ id: 'fourth', question }))).end).toBeDefined();
  });
});

describe('MAX_CONNECTIONS_PER_CLIENT', () => {
  it('refuses the extra socket with TOO_MANY_CONNECTIONS and closes it; the others keep working', async () => {
    const app = await serve({ MAX_CONNECTIONS_PER_CLIENT: '3' });
    const clients = [await app.connect(), await app.connect(), await app.connect()];
    const extra = await app.connect();
    expect(await extra.waitForClose()).toBe(1008);
    expect(extra.messages).toEqual([{ type: 'error', code: 'TOO_MANY_CONNECTIONS', message: expect.stringContaining('3') }]);
    for (const client of clients) await expectUsable(client);

    // A closed socket frees its place.
    await clients[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const replacement = await app.connect();
    await expectUsable(replacement);
    expect(app.app.chatSessions.sessions.size).toBe(3);
  });
});

describe('WS_PING_INTERVAL_MS', () => {
  it('disconnects a peer that stops answering pings, and keeps one that answers', { timeout: 20_000 }, async () => {
    const app = await serve({ WS_PING_INTERVAL_MS: '200' });
    const vanished = await connectWsUrl(app.wsUrl, { autoPong: false });
    const present = await connectWsUrl(app.wsUrl);
    // Pinged, unanswered, then cut off at the next ping: within a few intervals.
    expect(await vanished.waitForClose(10_000)).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(present.closed).toBe(false);
    await expectUsable(present);
    expect(app.app.chatSessions.sessions.size).toBe(1);
  });
});

describe('TRUST_PROXY', () => {
  const from = (address: string) => ({ method: 'GET' as const, url: '/api/health', headers: { 'x-forwarded-for': address } });

  it('behind a trusted proxy, gives every forwarded client its own rate budget and connection cap', async () => {
    const app = await serve({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '2', MAX_CONNECTIONS_PER_CLIENT: '1' });
    for (let index = 0; index < 2; index++) expect((await app.app.inject(from('10.1.1.1'))).statusCode).toBe(200);
    expect((await app.app.inject(from('10.1.1.1'))).statusCode).toBe(429);
    expect((await app.app.inject(from('10.2.2.2'))).statusCode).toBe(200);
    const first = await connectWsUrl(app.wsUrl, { headers: { 'x-forwarded-for': '10.3.3.3' } });
    const second = await connectWsUrl(app.wsUrl, { headers: { 'x-forwarded-for': '10.4.4.4' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([first.closed, second.closed]).toEqual([false, false]);
    const third = await connectWsUrl(app.wsUrl, { headers: { 'x-forwarded-for': '10.3.3.3' } });
    expect(await third.waitForClose()).toBe(1008);
  });

  it('off (the default), ignores X-Forwarded-For: a client cannot pick an address to dodge its limits', async () => {
    const app = await serve({ RATE_LIMIT_PER_MINUTE: '2' });
    expect((await app.app.inject(from('10.1.1.1'))).statusCode).toBe(200);
    expect((await app.app.inject(from('10.2.2.2'))).statusCode).toBe(200);
    expect((await app.app.inject(from('10.3.3.3'))).statusCode).toBe(429);
  });
});

describe('a client that asks but does not read', () => {
  it('is disconnected once its unread answers pass the send buffer limit; the server stays up', { timeout: 30_000 }, async () => {
    const app = await serve({ MAX_MESSAGE_BYTES: '1024', MAX_IN_FLIGHT_PER_SOCKET: '100' });
    const client = await app.connect();
    // Stop reading from the connection, and keep asking.
    client.socket.pause();
    const deadline = Date.now() + 15_000;
    let asked = 0;
    while (app.app.chatSessions.sessions.size > 0 && Date.now() < deadline) {
      for (let index = 0; index < 20; index++) client.ask({ id: `unread-${asked++}`, question, mode: 'summary' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(app.app.chatSessions.sessions.size, `still connected after ${asked} questions`).toBe(0);
    client.socket.resume();
    await client.waitForClose();
    // Everyone else is still served.
    await expectUsable(await app.connect());
  });
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('answers HTTP requests over the limit with 429 RATE_LIMITED and when to retry; the page does not count', async () => {
    const app = await serve({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let index = 0; index < 3; index++) {
      const response = await app.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBeLessThan(400);
      expect(response.headers['x-ratelimit-limit']).toBe('3');
      expect(response.headers['x-ratelimit-remaining']).toBe(String(2 - index));
    }
    // Loading the page and its files is not an API call.
    expect((await app.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    const limited = await app.app.inject({ method: 'GET', url: '/api/search?q=%E5%85%9A%E5%BB%BA' });
    expectApiError({ status: limited.statusCode, body: limited.json(), raw: limited.body }, 429, 'RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json().error.message).toContain(`${retryAfter} 秒`);
    // Percent-escapes in the path do not dodge the limiter.
    expect((await app.app.inject({ method: 'GET', url: '/%61pi/health' })).statusCode).toBe(429);
  });

  it('answers questions over the limit on a websocket with RATE_LIMITED, keeping the socket', async () => {
    const app = await serve({ RATE_LIMIT_PER_MINUTE: '3' });
    const client = await app.connect();
    for (let index = 0; index < 3; index++) expect((await client.waitForEnd(client.ask({ question }))).end).toBeDefined();
    const refused = await client.waitForEnd(client.ask({ id: 'fourth', question }));
    expect(refused.messages).toHaveLength(1);
    expect(refused.error).toMatchObject({ id: 'fourth', code: 'RATE_LIMITED' });
    expect(client.closed).toBe(false);
    // Another socket of the same client shares the budget (its upgrade is the second of three HTTP requests).
    const other = await app.connect();
    expect((await other.waitForEnd(other.ask({ id: 'elsewhere', question }))).error).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
