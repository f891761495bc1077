/**
 * SIGTERM: the real server (`server/main.ts` as a child process, answering through a fake model
 * endpoint that streams slowly) stops taking new work, lets the answers in flight finish within
 * SHUTDOWN_GRACE_MS, ends what is left with SHUTTING_DOWN, and exits with code 0 in bounded time.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyDefaultCorpus, ingest, makeTempDir, removeTempDirs } from '../helpers/corpus.ts';
import { fakeApiKey, fakeModel, startFakeOpenAI, withTimeout, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { killServerProcesses, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { UpgradeRefused, closeWsClients, connectWsUrl } from '../helpers/ws-client.ts';

let corpusDir: string;
let indexDir: string;
let fake: FakeOpenAI;

beforeAll(async () => {
  const root = makeTempDir('shutdown');
  corpusDir = copyDefaultCorpus(root);
  indexDir = path.join(root, 'index');
  await ingest(corpusDir, indexDir);
  fake = await startFakeOpenAI();
});

afterEach(async () => {
  await closeWsClients();
  await killServerProcesses();
});

afterAll(async () => {
  await fake.close();
  removeTempDirs();
});

const question = '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？';
const reply = '风能工程学院教工党支部实施了“红色风能”工程[1]。支部推动党建与业务深度融合[1]。';
const modelTimeoutMs = 120_000;
/**
 * "Promptly" after the grace period: far less than the model time-out, which a server waiting on
 * a stalled model would need, and far more than a busy machine adds.
 */
const promptlyMs = 20_000;

function startServer(graceMs: number): Promise<ServerProcess> {
  return startServerProcess({
    env: {
      INDEX_DIR: indexDir,
      CORPUS_DIR: corpusDir,
      INGEST_ON_START: 'false',
      OPENAI_API_KEY: fakeApiKey,
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: fakeModel,
      OPENAI_TIMEOUT_MS: String(modelTimeoutMs),
      SHUTDOWN_GRACE_MS: String(graceMs),
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '0',
    },
  });
}

/** What a new request gets while the server drains: 503 SHUTTING_DOWN, or no connection at all. */
async function refusedDuringDrain(server: ServerProcess): Promise<void> {
  try {
    const response = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('SHUTTING_DOWN');
  } catch (error) {
    expect(String((error as Error).cause ?? error)).toMatch(/ECONNREFUSED|ECONNRESET|other side closed/);
  }
  const upgrade = await connectWsUrl(`ws://127.0.0.1:${server.port}/ws`).then(
    () => null,
    (error: unknown) => error,
  );
  expect(upgrade, 'a new websocket during the drain is refused').not.toBeNull();
  if (upgrade instanceof UpgradeRefused) {
    expect(upgrade.status).toBe(503);
    expect(JSON.parse(upgrade.body).error.code).toBe('SHUTTING_DOWN');
  } else {
    expect(String((upgrade as Error).message)).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up/);
  }
}

describe('SIGTERM', () => {
  it('lets the answer in flight finish, refuses new work meanwhile, and exits 0', { timeout: 90_000 }, async () => {
    // About 3 s of streaming: 12 deltas, 250 ms apart; a grace period ten times as long.
    fake.respond({ text: reply, pieces: 12, delayMs: 250 });
    const graceMs = 30_000;
    const server = await startServer(graceMs);
    const client = await connectWsUrl(`ws://127.0.0.1:${server.port}/ws`);
    const id = client.ask({ question, mode: 'qa' });
    await client.waitFor((message) => message.type === 'text-delta' && message.id === id, 'the first delta', 15_000);

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await server.waitForOutput(/shutting down: finishing answers in flight/, 15_000);

    // New work is refused while the answer streams on: a question on the open socket, a new
    // request, a new socket.
    const refusedId = client.ask({ question: '嘉兴职业技术学院如何打造党建高地？' });
    const refused = await client.waitForEnd(refusedId, { timeoutMs: 15_000 });
    expect(refused.error).toMatchObject({ code: 'SHUTTING_DOWN', id: refusedId });
    await refusedDuringDrain(server);

    const result = await client.waitForEnd(id, { timeoutMs: graceMs });
    expect(result.error, JSON.stringify(result.error)).toBeUndefined();
    expect(result.end).toMatchObject({ engine: `openai:${fakeModel}`, notFound: false });
    expect(result.end!.answer).toBe(reply);
    expect(await client.waitForClose(15_000)).toBe(1001);

    const exit = await withTimeout(server.exited, graceMs + promptlyMs, 'the server to exit');
    expect(exit).toEqual({ code: 0, signal: null });
    // It exited once the answer was done, without waiting out the grace period.
    expect(Date.now() - signalled).toBeLessThan(graceMs);
    expect(client.violations).toEqual([]);
  });

  it('ends an answer that outlasts SHUTDOWN_GRACE_MS with SHUTTING_DOWN, and still exits 0 promptly', { timeout: 90_000 }, async () => {
    // One delta, then the stream stalls for as long as the request lives.
    fake.respond({ text: reply, pieces: 6, pauseAfter: 1 });
    const graceMs = 1_500;
    const server = await startServer(graceMs);
    const client = await connectWsUrl(`ws://127.0.0.1:${server.port}/ws`);
    const id = client.ask({ question, mode: 'qa' });
    await client.waitFor((message) => message.type === 'text-delta' && message.id === id, 'the first delta', 15_000);
    const requestsBefore = fake.requests.length;

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const result = await client.waitForEnd(id, { timeoutMs: graceMs + promptlyMs });
    expect(result.end).toBeUndefined();
    expect(result.error).toMatchObject({ type: 'error', id, code: 'SHUTTING_DOWN' });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(graceMs - 100);
    expect(await client.waitForClose(15_000)).toBe(1001);

    const exit = await withTimeout(server.exited, graceMs + promptlyMs, 'the server to exit');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(graceMs + promptlyMs);
    // The upstream request was aborted, not left running.
    expect(await fake.waitForSettled(fake.requests[requestsBefore - 1]!, 15_000)).toBe(true);
  });

  it('does not wait past the grace period for an HTTP answer on a stalled model', { timeout: 90_000 }, async () => {
    fake.respond({ text: reply, pieces: 6, pauseAfter: 1 });
    const graceMs = 1_500;
    const server = await startServer(graceMs);
    const requestsBefore = fake.requests.length;
    const pending = fetch(`${server.baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    }).then(
      (response) => response.status,
      (error: unknown) => error as Error,
    );
    await fake.waitForRequests(requestsBefore + 1, 15_000);

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const exit = await withTimeout(server.exited, graceMs + promptlyMs, 'the server to exit');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(graceMs + promptlyMs);
    // The client is not left hanging: its connection ended.
    expect(await withTimeout(pending, 15_000, 'the HTTP answer to end')).toBeDefined();
  });
});
