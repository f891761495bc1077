/**
 * Fuzz (bounded): thousands of malformed websocket frames and HTTP requests from fast-check
 * (scripts/fuzz.ts; a failing input is shrunk to a minimal one) against the real server on a
 * loopback port. Every frame gets exactly one protocol `error` with a stable code and the socket
 * stays open; every request gets a JSON error, 4xx and never 5xx, without stack traces or server
 * paths; afterwards the same socket and the search still answer correctly. Then hostile model
 * streams against the real server process, and hostile corpus files through the real ingest, each
 * kind at least once. Counts and seed: FUZZ_FRAMES, FUZZ_REQUESTS, FUZZ_STREAMS, FUZZ_CORPORA,
 * FUZZ_SEED (the long form is `npm run fuzz`).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzCorpusFiles, fuzzModelStreams, fuzzSlowBodies, modelStreamExamples, runFuzz, type FuzzReport } from '../../scripts/fuzz.ts';
import { buildTestApp, closeTestApps, type TestApp } from '../helpers/app.ts';
import { copyDefaultCorpus, defaultDocId, ingest, makeTempDir, removeTempDirs, repoRoot } from '../helpers/corpus.ts';

const frames = Number(process.env.FUZZ_FRAMES ?? 3_000);
const requests = Number(process.env.FUZZ_REQUESTS ?? 1_500);
const streams = Number(process.env.FUZZ_STREAMS ?? modelStreamExamples.length + 4);
const corpora = Number(process.env.FUZZ_CORPORA ?? 3);
const slow = Number(process.env.FUZZ_SLOW ?? 3);
const seed = Number(process.env.FUZZ_SEED ?? 20_240_601);

let app: TestApp;
let root: string;
let indexDir: string;
let baseUrl: string;

beforeAll(async () => {
  root = makeTempDir('fuzz');
  indexDir = path.join(root, 'index');
  await ingest(copyDefaultCorpus(root), indexDir);
  app = await buildTestApp({ indexDir });
  baseUrl = await app.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await closeTestApps();
  removeTempDirs();
});

describe('fuzz', () => {
  let report: FuzzReport;

  it(`answers ${frames} malformed frames and ${requests} malformed requests each with a clear error`, { timeout: 60_000 + (frames + requests) * 20 }, async () => {
    const config = app.config;
    report = await runFuzz({
      baseUrl,
      frames,
      requests,
      seed,
      limits: { maxMessageBytes: config.MAX_MESSAGE_BYTES, maxQuestionLength: config.MAX_QUESTION_LENGTH, maxHistoryTurns: config.MAX_HISTORY_TURNS },
      secrets: [repoRoot, root],
    });
    expect(report.failures.slice(0, 10), `seed ${seed}: ${report.failures.length} failures`).toEqual([]);
    expect(report.frames).toBe(frames);
    expect(report.requests).toBe(requests);
    // The generator reached every kind of refusal.
    for (const code of ['INVALID_MESSAGE', 'MESSAGE_TOO_LARGE', 'QUERY_TOO_LONG']) expect(report.wsCodes[code], code).toBeGreaterThan(0);
    for (const status of ['400', '403', '404', '413', '415', '431']) expect(report.httpStatuses[status], status).toBeGreaterThan(0);
    expect(Object.keys(report.httpStatuses).filter((status) => Number(status) >= 500)).toEqual([]);
  });

  it('still answers a normal question on the fuzzed socket, and a normal search, afterwards', async () => {
    expect(report.afterwards).toMatchObject({ answered: true, notFound: false, error: undefined });
    expect(report.afterwards.citations).toBeGreaterThan(0);
    const search = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent('风能工程学院 五大工程')}&k=3`);
    expect(search.status).toBe(200);
    const body = (await search.json()) as { results: { docId: string }[] };
    expect(body.results[0]?.docId).toBe(defaultDocId('hunan'));
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    // No request polluted Object.prototype (the server runs in this process).
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(app.app.chatSessions.sessions.size).toBeLessThanOrEqual(1);
  });

  it(`closes ${slow} rounds of up to 30 requests sent a byte at a time with 408, serving others meanwhile`, { timeout: 60_000 + slow * 10_000 }, async () => {
    const timed = await buildTestApp({ indexDir, settings: { REQUEST_TIMEOUT_MS: '1000' } });
    const timedUrl = await timed.app.listen({ port: 0, host: '127.0.0.1' });
    const result = await fuzzSlowBodies({ baseUrl: timedUrl, runs: slow, seed, requestTimeoutMs: timed.config.REQUEST_TIMEOUT_MS });
    expect(result.failures, `seed ${seed}`).toEqual([]);
    expect(result.runs).toBe(slow);
  });

  it(`answers ${streams} questions whose model replies with hostile streams: once each, in order, within the deadline and length limit`, { timeout: 60_000 + streams * 15_000 }, async () => {
    const result = await fuzzModelStreams({ indexDir, runs: streams, seed, secrets: [repoRoot, root] });
    expect(result.failures, `seed ${seed}`).toEqual([]);
    expect(result.runs).toBe(streams);
    // The fixed cases came first: a runaway reply, a slow drip past the deadline, a stall, an error.
    expect(result.notices).toMatchObject({ ANSWER_TOO_LONG: expect.any(Number), UPSTREAM_TIMEOUT: expect.any(Number), UPSTREAM_ERROR: expect.any(Number) });
  });

  it(`ingests ${corpora} corpora of hostile files (every kind once): finishes, accounts for every file, refuses bombs and links out`, { timeout: 60_000 + corpora * 60_000 }, async () => {
    const result = await fuzzCorpusFiles({ runs: corpora, seed });
    expect(result.failures, `seed ${seed}`).toEqual([]);
    expect(result.runs).toBe(corpora);
    const kinds = Object.keys(result.kinds);
    for (const kind of ['bomb-ratio', 'bomb-lying-size', 'bomb-entries', 'link-out', 'utf-16', 'non-characters', 'html-depth', 'markdown-depth', 'jsonl-hostile']) {
      expect(kinds.some((seen) => seen.startsWith(kind)), `${kind} in ${kinds.join(', ')}`).toBe(true);
    }
  });
});
